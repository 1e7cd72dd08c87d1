import Foundation
import XCTest

@testable import SiteBuilder

final class FolderLinkerTests: XCTestCase {
    /// Every file of the tree, at any depth, is in the copy as a hard link to the same inode; empty
    /// and nested folders are made; a symbolic link is linked as a link, not followed; the skipped
    /// top-level names are left out, and only at the top.
    func testTheCopyLinksEveryFileButTheSkippedOnes() throws {
        let fm = FileManager.default, id = UUID().uuidString
        let (tree, copy) = (fm.temporaryDirectory.appendingPathComponent("ra-tree-\(id)"), fm.temporaryDirectory.appendingPathComponent("ra-copy-\(id)"))
        addTeardownBlock { for folder in [tree, copy] { try? fm.removeItem(at: folder) } }
        for folder in ["reports", "topics", "search/terms", "search/docs", "empty/inner"] {
            try fm.createDirectory(at: tree.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        var files = ["index.html", "skip.me", "topics/skip.me"]
        files += (0..<3000).map { "reports/r\($0).html" } + (0..<300).map { "topics/t\($0).html" }
        files += (0..<64).map { "search/terms/\($0).bin" } + ["search/docs/0.json"]
        for file in files { try Data(file.utf8).write(to: tree.appendingPathComponent(file)) }
        try fm.createSymbolicLink(atPath: tree.appendingPathComponent("search/link").path, withDestinationPath: "../outside")

        XCTAssertTrue(FolderLinker.link(tree.path, to: copy.path, skipping: ["skip.me"]))
        func inode(_ url: URL) throws -> Int { try XCTUnwrap(fm.attributesOfItem(atPath: url.path)[.systemFileNumber] as? Int) }
        for file in files where file != "skip.me" {
            XCTAssertEqual(try inode(copy.appendingPathComponent(file)), try inode(tree.appendingPathComponent(file)), file)
        }
        XCTAssertFalse(fm.fileExists(atPath: copy.appendingPathComponent("skip.me").path))
        XCTAssertEqual(try fm.destinationOfSymbolicLink(atPath: copy.appendingPathComponent("search/link").path), "../outside")
        XCTAssertTrue(fm.fileExists(atPath: copy.appendingPathComponent("empty/inner").path))
        let count = { (url: URL) in fm.enumerator(atPath: url.path)!.allObjects.count }
        XCTAssertEqual(count(copy), count(tree) - 1)
        XCTAssertFalse(FolderLinker.link(tree.path, to: copy.path), "the target must not exist")
    }

    /// Folders go whole to the core with the fewest files so far, the largest first: one folder
    /// larger than the rest together has a core of its own.
    func testFoldersAreSharedOutLargestFirst() {
        XCTAssertEqual(FolderLinker.lanes(for: [5, 200, 30, 40, 1], cores: 2), [[1], [3, 2, 0, 4]])
        XCTAssertEqual(FolderLinker.lanes(for: [10, 10, 10, 10], cores: 2), [[0, 2], [1, 3]])
        XCTAssertEqual(FolderLinker.lanes(for: [7], cores: 2), [[0]])
        XCTAssertEqual(FolderLinker.lanes(for: [3, 1, 2], cores: 1), [[0, 2, 1]])
    }
}
