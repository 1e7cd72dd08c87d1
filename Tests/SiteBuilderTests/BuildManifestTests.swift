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
        let loaded = try XCTUnwrap(BuildManifest.load(from: folder)).manifest
        manifest.warnings = ["a.txt: 1: 第一行 第二行 完"]
        XCTAssertEqual(loaded, manifest)
    }

    /// The spare is kept as its differences from the outputs, and read back whole.
    func testTheSpareReadsBackFromItsDifferences() throws {
        let folder = folder()
        var manifest = BuildManifest(site: "new", outputs: ["index.html": 1, "reports/a-1.html": 2, "reports/b-1.html": 3],
                                     pages: ["index.html": 5, "years/2020.html": 6, "regions/1.html": 9])
        let spare = SiteWriter.Spare(id: "old", files: ["index.html": 1, "reports/a-1.html": 9, "reports/gone-1.html": 4],
                                     pages: ["index.html": 5, "years/2020.html": 7, "topics/x.html": 8])
        manifest.setSpare(spare)
        XCTAssertEqual(manifest.spareDiffers, ["reports/a-1.html": 9, "reports/gone-1.html": 4])
        XCTAssertEqual(manifest.spareLacks, ["reports/b-1.html"])
        XCTAssertEqual(manifest.sparePagesDiffer, ["years/2020.html": 7, "topics/x.html": 8])
        XCTAssertEqual(manifest.sparePagesLack, ["regions/1.html"])
        try manifest.save(to: folder)
        let loaded = try XCTUnwrap(BuildManifest.load(from: folder)).manifest
        XCTAssertEqual(loaded, manifest)
        XCTAssertEqual(loaded.spare, spare)
        manifest.setSpare(nil)
        try manifest.save(to: folder)
        XCTAssertNil(try XCTUnwrap(BuildManifest.load(from: folder)).manifest.spare)
    }

    func testAManifestThatDoesNotReadIsNotTrusted() throws {
        let folder = folder()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "base\t2\tT\nsite\t-\tx\nunknown\t-\ty\n".write(to: folder.appendingPathComponent(BuildManifest.fileName), atomically: true, encoding: .utf8)
        XCTAssertNil(BuildManifest.load(from: folder))
        try "base\t2\tT\nsite\t-\tx\noutput\ta\tb\tc\n".write(to: folder.appendingPathComponent(BuildManifest.fileName), atomically: true, encoding: .utf8)
        XCTAssertNil(BuildManifest.load(from: folder))
    }

    /// A file of the version before, which had no `base` line, is not read: that build starts anew.
    func testAManifestOfAnotherVersionIsNotRead() throws {
        let folder = folder()
        try BuildManifest(site: "x", outputs: ["index.html": 1]).save(to: folder)
        let url = folder.appendingPathComponent(BuildManifest.fileName)
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        XCTAssertNotNil(BuildManifest.load(from: folder))
        try (lines.dropFirst().joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        XCTAssertNil(BuildManifest.load(from: folder))
        try (["base\t1" + lines[0].dropFirst("base\t2".count)] + lines.dropFirst()).joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        XCTAssertNil(BuildManifest.load(from: folder))
    }

    /// A save over the base writes only what differs from it, and reads back whole: an edit to one
    /// source need not write 275,000 output lines.
    func testASaveOverTheBaseWritesOnlyItsDifferences() throws {
        let folder = folder()
        let outputs = SiteFiles(Dictionary(uniqueKeysWithValues: (0..<1000).map { ("reports/r\($0).html", UInt64($0)) }))
        let first = BuildManifest(site: "one", records: "R1", inputs: 7, sources: ["a.txt": "1:1.0", "b.txt": "2:2.0"],
                                  outputs: outputs, pages: ["index.html": 1, "years/2020.html": 2], warnings: ["a.txt: old"])
        let base = try first.save(to: folder)
        let whole = try Data(contentsOf: folder.appendingPathComponent(BuildManifest.fileName))

        var second = first
        (second.site, second.records, second.warnings) = ("two", "R2", ["b.txt: new"])
        second.sources["a.txt"] = "1:3.0"
        second.sources["b.txt"] = nil
        second.outputs["reports/r1.html"] = 99
        second.outputs["reports/r2.html"] = nil
        second.outputs["reports/new.html"] = 5
        second.pages["years/2020.html"] = nil
        second.setSpare(SiteWriter.Spare(id: "one", files: outputs))
        let kept = try second.save(to: folder, over: base)
        XCTAssertEqual(kept.token, base.token, "the base stays")
        XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent(BuildManifest.fileName)), whole, "the whole file is not written")
        let changes = try String(contentsOf: folder.appendingPathComponent(BuildManifest.changesFileName), encoding: .utf8)
        XCTAssertLessThan(changes.split(separator: "\n").count, 20, changes)
        let loaded = try XCTUnwrap(BuildManifest.load(from: folder))
        XCTAssertEqual(loaded.manifest, second)
        XCTAssertEqual(loaded.manifest.spare?.files, outputs)
        XCTAssertEqual(loaded.base.outputs, outputs, "the base is the whole file")

        // A third save is kept against the same base, not against the second.
        var third = second
        third.outputs["reports/r1.html"] = 1
        third.setSpare(nil)
        try third.save(to: folder, over: kept)
        XCTAssertEqual(try XCTUnwrap(BuildManifest.load(from: folder)).manifest, third)
    }

    /// Many differences write the whole file anew, and changes kept against the old one are not read.
    func testManyDifferencesWriteTheWholeFile() throws {
        let folder = folder()
        let first = BuildManifest(site: "one", outputs: SiteFiles(Dictionary(uniqueKeysWithValues: (0..<1000).map { ("r\($0).html", UInt64($0)) })))
        let base = try first.save(to: folder)
        var second = first
        second.site = "two"
        second.outputs["r1.html"] = 99
        try second.save(to: folder, over: base)
        let changes = try Data(contentsOf: folder.appendingPathComponent(BuildManifest.changesFileName))

        var third = first
        third.site = "three"
        for i in 0..<500 { third.outputs["r\(i).html"] = UInt64(i + 5000) }
        let newBase = try third.save(to: folder, over: base)
        XCTAssertNotEqual(newBase.token, base.token)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent(BuildManifest.changesFileName).path))
        XCTAssertEqual(try XCTUnwrap(BuildManifest.load(from: folder)).manifest, third)
        // As if the build had stopped before removing the old changes: they name the old base.
        try changes.write(to: folder.appendingPathComponent(BuildManifest.changesFileName))
        XCTAssertEqual(try XCTUnwrap(BuildManifest.load(from: folder)).manifest, third)
    }
}
