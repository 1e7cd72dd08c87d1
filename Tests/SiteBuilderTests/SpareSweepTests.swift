import Foundation
import XCTest

@testable import SiteBuilder

final class SpareSweepTests: XCTestCase {
    private func site() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ra-sweep-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: root) }
        for folder in ["reports", "search/lists"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        for path in ["index.html", "reports/a.html", "reports/b.html", "search/lists/1.bin"] {
            try Data(path.utf8).write(to: root.appendingPathComponent(path))
        }
        return root
    }

    private func write(_ path: String, in root: URL) throws {
        try Data("by hand".utf8).write(to: root.appendingPathComponent(path))
    }

    private func files(_ root: URL) -> [String] {
        FileManager.default.enumerator(atPath: root.path)!.compactMap { $0 as? String }.sorted()
    }

    private let built: SiteFiles = ["index.html": 1, "reports/a.html": 2, "reports/b.html": 3, "search/lists/1.bin": 4]

    /// Files added after the marker, at any depth, go, with the folders that leaves empty; the
    /// build's files and the marker stay.
    func testWhatCameAfterTheMarkerIsRemoved() throws {
        let root = try site()
        try SiteMarker.write(id: "x", in: root)
        try write("reports/c.html", in: root)
        try write("search/lists/2.bin", in: root)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("notes/old"), withIntermediateDirectories: true)
        try write("notes/old/n.txt", in: root)
        try write("top.html", in: root)
        SpareSweep.removeStrays(in: root.path, keeping: built)
        XCTAssertEqual(files(root), [SiteMarker.fileName, "index.html", "reports", "reports/a.html", "reports/b.html",
                                     "search", "search/lists", "search/lists/1.bin"])
    }

    /// A folder unchanged since the marker was written holds what the build left, so its files are
    /// not looked up: a file the build put there but did not list stays. Without a marker, every
    /// file is looked up.
    func testAFolderUnchangedSinceTheMarkerIsNotLookedThrough() throws {
        let root = try site()
        try write("reports/unlisted.html", in: root)
        try write("search/lists/unlisted.bin", in: root)
        SpareSweep.removeStrays(in: root.path, keeping: built)
        XCTAssertFalse(files(root).contains("reports/unlisted.html"), "no marker: looked through")
        try write("reports/unlisted.html", in: root)
        Thread.sleep(forTimeInterval: 0.05)  // past the clock tick of the last change
        try SiteMarker.write(id: "x", in: root)
        SpareSweep.removeStrays(in: root.path, keeping: built)
        XCTAssertTrue(files(root).contains("reports/unlisted.html"))
        try write("reports/later.html", in: root)
        SpareSweep.removeStrays(in: root.path, keeping: built)
        XCTAssertFalse(files(root).contains("reports/unlisted.html"), "changed after the marker: looked through")
        XCTAssertFalse(files(root).contains("reports/later.html"))
    }
}
