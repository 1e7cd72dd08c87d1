import Foundation
import XCTest

@testable import SiteBuilder

final class FolderRemoverTests: XCTestCase {
    /// The whole tree goes, many files and nested folders alike; a link in it is removed, never
    /// followed, so what it points to stays.
    func testRemovesTheTreeButNotWhatALinkPointsTo() throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("ra-remove-\(UUID().uuidString)")
        addTeardownBlock { try? fm.removeItem(at: root) }
        let tree = root.appendingPathComponent("tree"), outside = root.appendingPathComponent("outside")
        try fm.createDirectory(at: tree.appendingPathComponent("a/b/c"), withIntermediateDirectories: true)
        try fm.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: outside.appendingPathComponent("kept.txt"))
        for i in 0..<1000 { try Data("\(i)".utf8).write(to: tree.appendingPathComponent("a/\(i).html")) }
        try Data("x".utf8).write(to: tree.appendingPathComponent("a/b/c/.hidden"))
        try fm.createSymbolicLink(at: tree.appendingPathComponent("a/b/link"), withDestinationURL: outside)
        FolderRemover.remove(tree.path)
        XCTAssertFalse(fm.fileExists(atPath: tree.path))
        XCTAssertEqual(try String(contentsOf: outside.appendingPathComponent("kept.txt"), encoding: .utf8), "keep")
    }
}
