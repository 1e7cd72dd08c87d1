import Foundation
import XCTest

@testable import SiteBuilder

final class BuildManifestTests: XCTestCase {
    func folder() -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ra-manifest-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        return folder
    }

    /// What is saved reads back the same; a warning's line breaks become spaces, so it stays one line.
    func testASavedManifestReadsBack() throws {
        let folder = folder()
        var manifest = BuildManifest(site: "5f3a", records: "A-B", inputs: 0xfedc_ba98_7654_3210,
                                     sources: ["浙江省/余姚市-2023.txt": "120:1700000000.5", "a.txt": "7:1.0"],
                                     outputs: ["reports/a-1.html": 0x1, "sources/zhe-jiang.txt": UInt64.max], pages: ["index.html": 0xabc],
                                     warnings: ["a.txt: 1: 第一行\n第二行\t完"])
        try manifest.save(to: folder)
        let loaded = try XCTUnwrap(BuildManifest.load(from: folder))
        manifest.warnings = ["a.txt: 1: 第一行 第二行 完"]
        XCTAssertEqual(loaded, manifest)
    }

    /// The spare is kept as its differences from the outputs, and read back whole.
    func testTheSpareReadsBackFromItsDifferences() throws {
        let folder = folder()
        var manifest = BuildManifest(site: "new", outputs: ["index.html": 1, "reports/a-1.html": 2, "reports/b-1.html": 3])
        let spare = SiteWriter.Spare(id: "old", files: ["index.html": 1, "reports/a-1.html": 9, "reports/gone-1.html": 4])
        manifest.setSpare(spare)
        XCTAssertEqual(manifest.spareDiffers, ["reports/a-1.html": 9, "reports/gone-1.html": 4])
        XCTAssertEqual(manifest.spareLacks, ["reports/b-1.html"])
        try manifest.save(to: folder)
        let loaded = try XCTUnwrap(BuildManifest.load(from: folder))
        XCTAssertEqual(loaded, manifest)
        XCTAssertEqual(loaded.spare, spare)
        manifest.setSpare(nil)
        try manifest.save(to: folder)
        XCTAssertNil(try XCTUnwrap(BuildManifest.load(from: folder)).spare)
    }

    func testAManifestThatDoesNotReadIsNotTrusted() throws {
        let folder = folder()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "site\t-\tx\nunknown\t-\ty\n".write(to: folder.appendingPathComponent(BuildManifest.fileName), atomically: true, encoding: .utf8)
        XCTAssertNil(BuildManifest.load(from: folder))
        try "site\t-\tx\noutput\ta\tb\tc\n".write(to: folder.appendingPathComponent(BuildManifest.fileName), atomically: true, encoding: .utf8)
        XCTAssertNil(BuildManifest.load(from: folder))
    }
}
