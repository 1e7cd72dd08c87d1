import Foundation
import XCTest

@testable import SiteBuilder

final class StagedSiteTests: XCTestCase {
    /// A file taken back is gone from the folder and from the build's files; the others stay.
    func testAWithdrawnFileIsNoLongerTheBuilds() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("staged-\(UUID().uuidString)")
        let folder = base.appendingPathComponent("staging"), previous = base.appendingPathComponent("previous")
        for url in [folder, previous] { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        defer { try? FileManager.default.removeItem(at: base) }
        let site = StagedSite(folder: folder, previousFolder: previous, previous: SiteFiles())
        site.put(OutputFile(path: "search/lists/aa.bin", bytes: [1, 2, 3]))
        site.put(OutputFile(path: "search/terms/0.bin", bytes: [4]))
        site.withdraw("search/lists/aa.bin")
        site.withdraw("search/never-put.bin")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("search/lists/aa.bin").path))
        XCTAssertNil(site.manifest["search/lists/aa.bin"])
        XCTAssertEqual(site.contents(of: "search/terms/0.bin"), [4])
        XCTAssertNotNil(site.manifest["search/terms/0.bin"])
        try site.check()
    }
}
