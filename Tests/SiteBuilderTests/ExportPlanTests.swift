import Foundation
import XCTest

@testable import SiteBuilder

/// An export file written from the last one's unchanged rows holds the bytes a fresh write holds,
/// whatever changed: a field, the order, a report added or gone, a near-duplicate.
final class ExportPlanTests: XCTestCase {
    private typealias Write = (ArchiveContent, ByteSink, ExportPlan?) throws -> [Range<Int>]
    private let json: Write = { try ReportsJSON.write($0, config: ExportFixture.config, paths: SitePaths(pretty: false), to: $1, plan: $2) }
    private let csv: Write = { try ReportsCSV.write($0, config: ExportFixture.config, paths: SitePaths(pretty: false), to: $1, plan: $2) }

    /// The fixture's reports after `edit`, with its near-duplicate pair while both reports are there.
    private func content(_ edit: (inout [ListedReport]) -> Void = { _ in }) -> ArchiveContent {
        let fixture = ExportFixture.content()
        var reports = fixture.reports
        edit(&reports)
        // As the build makes them: a row's key is made from its report's fingerprint.
        for i in reports.indices { reports[i].fingerprint = reports[i].computeFingerprint() }
        var content = ArchiveContent(reports: reports, sourceCount: 2, classifier: fixture.classifier, gazetteer: .shared)
        let index = Dictionary(uniqueKeysWithValues: content.reports.enumerated().map { ($1.slug, $0) })
        if let a = index["zhe-jiang-a-1"], let b = index["b-1"] {
            content.nearDuplicates = [NearDuplicatePair(a: Swift.min(a, b), b: Swift.max(a, b), similarity: similarity)]
        }
        return content
    }
    private var similarity = 0.875

    private func keys(_ content: ArchiveContent, isJSON: Bool) -> [UInt64] {
        isJSON ? ExportKeys(content).json : ExportKeys(content).csv
    }

    /// Writes `before` whole, then `after` from it; checks the bytes, the rows' places and the
    /// file's hash (`ExportHash`) equal those of a fresh write of `after`, and returns the plan used.
    @discardableResult
    private func check(_ before: ArchiveContent, _ after: ArchiveContent, _ write: Write, isJSON: Bool,
                       file: StaticString = #filePath, line: UInt = #line) throws -> ExportPlan {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ra-plan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let old = folder.appendingPathComponent("old").path, new = folder.appendingPathComponent("new").path
        let clean = folder.appendingPathComponent("clean").path
        /// Writes `content` to `path` as `plan` says; returns its rows and its parts' hashes.
        func made(_ content: ArchiveContent, at path: String, _ plan: ExportPlan) throws -> (ExportRows, [UInt8]) {
            let sink = try ByteSink(path: path)
            let ranges = try write(content, sink, plan)
            let parts = try ExportHash.parts(of: path, size: sink.position, rows: ranges, plan: plan)
            let bytes = [UInt8](FileManager.default.contents(atPath: path) ?? Data())
            return (ExportRows(keys: keys(content, isJSON: isJSON), ranges: ranges, parts: parts), bytes)
        }
        let (previous, _) = try made(before, at: old, .renderAll(before.reports.count))
        let source = open(old, O_RDONLY)
        defer { close(source) }
        let plan = ExportPlan(keys: keys(after, isJSON: isJSON), previous: previous, source: source)
        let (rows, bytes) = try made(after, at: new, plan)
        let (fresh, expected) = try made(after, at: clean, .renderAll(after.reports.count))
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self), String(decoding: expected, as: UTF8.self), file: file, line: line)
        XCTAssertEqual(rows.ranges, fresh.ranges, file: file, line: line)
        XCTAssertEqual(rows.parts, fresh.parts, file: file, line: line)
        XCTAssertEqual(rows.parts.count, 2 * after.reports.count + 1, file: file, line: line)

        // Rewritten in place over a copy of the old file, as the spare's own copy is: the same bytes,
        // and of them only those from the first that differs written.
        let patched = folder.appendingPathComponent("patched").path
        try FileManager.default.copyItem(atPath: old, toPath: patched)
        let sink = try ByteSink(patching: patched) { previous.heldBytes(of: $0..<$0 + $1, in: previous, at: $2) }
        XCTAssertEqual(try write(after, sink, plan), fresh.ranges, file: file, line: line)
        try sink.finish()
        XCTAssertEqual([UInt8](FileManager.default.contents(atPath: patched) ?? Data()), expected, file: file, line: line)
        let common = zip(expected, [UInt8](FileManager.default.contents(atPath: old) ?? Data())).prefix { $0 == $1 }.count
        XCTAssertLessThanOrEqual(sink.rewritten, expected.count - common, file: file, line: line)
        return plan
    }

    /// `content` written whole to `path`, with its rows as the build saves them.
    private func written(_ content: ArchiveContent, by write: Write, isJSON: Bool, to path: String) throws -> (rows: ExportRows, path: String) {
        let sink = try ByteSink(path: path)
        let ranges = try write(content, sink, nil)
        let plan = ExportPlan.renderAll(content.reports.count)
        return (ExportRows(keys: keys(content, isJSON: isJSON), ranges: ranges,
                           parts: try ExportHash.parts(of: path, size: sink.position, rows: ranges, plan: plan)), path)
    }

    /// A file patched in place that holds a version other than the one copied from: its rows that
    /// match stand where they are, the rest is written, and the file is as written fresh.
    func testAFileOfAnotherVersionIsPatchedToTheNewOne() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ra-patch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func made(_ content: ArchiveContent, _ name: String) throws -> (rows: ExportRows, path: String) {
            try written(content, by: json, isJSON: true, to: folder.appendingPathComponent(name).path)
        }
        let first = content()
        let second = content { $0[$0.firstIndex { $0.slug == "zhe-jiang-a-2" }!].title = "改过的标题" }
        let third = content { $0[$0.firstIndex { $0.slug == "b-1" }!].title = "又一个标题" }
        let own = try made(first, "own"), inPlace = try made(second, "in-place"), clean = try made(third, "clean")
        let source = open(inPlace.path, O_RDONLY)
        defer { close(source) }
        let plan = ExportPlan(keys: keys(third, isJSON: true), previous: inPlace.rows, source: source)
        let sink = try ByteSink(patching: own.path) { own.rows.heldBytes(of: $0..<$0 + $1, in: inPlace.rows, at: $2) }
        XCTAssertEqual(try json(third, sink, plan), clean.rows.ranges)
        try sink.finish()
        let expected = FileManager.default.contents(atPath: clean.path)
        XCTAssertEqual(FileManager.default.contents(atPath: own.path), expected)
        XCTAssertGreaterThan(sink.rewritten, 0)
        XCTAssertLessThan(sink.rewritten, expected?.count ?? 0, "the rows before the first change are not written again")
    }

    /// The spare's copy two builds behind, with as many rows: the run copied before the edited
    /// row holds a report added since, so the patched file holds that run only up to it, and the
    /// rest of the run is copied from where what it holds ends.
    func testARunHeldInPartIsCopiedOnFromWhereItDiffers() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ra-part-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func report(_ reports: [ListedReport], slug: String, id: String, year: Int?) -> ListedReport {
            var new = reports.first { $0.slug == "zhe-jiang-a-2" }!
            new.slug = slug
            new.id = id
            new.sourceFile = "\(slug).txt"
            new.year = year
            return new
        }
        // Two builds behind: a last report of no year. Then it is gone and one joins after the
        // first; then b-1 is edited.
        let first = content { $0.append(report($0, slug: "z-1", id: "z-01", year: nil)) }
        let second = content { $0.append(report($0, slug: "c-1", id: "c-01", year: 2023)) }
        let third = content {
            $0.append(report($0, slug: "c-1", id: "c-01", year: 2023))
            $0[$0.firstIndex { $0.slug == "b-1" }!].title = "又一个标题"
        }
        XCTAssertEqual(third.reports.map(\.slug), ["zhe-jiang-a-1", "c-1", "zhe-jiang-a-2", "b-1"])
        for (write, isJSON) in [(json, true), (csv, false)] {
            func made(_ content: ArchiveContent, _ name: String) throws -> (rows: ExportRows, path: String) {
                try written(content, by: write, isJSON: isJSON, to: folder.appendingPathComponent(name).path)
            }
            let own = try made(first, "own"), inPlace = try made(second, "in-place"), clean = try made(third, "clean")
            let source = open(inPlace.path, O_RDONLY)
            defer { close(source) }
            let plan = ExportPlan(keys: keys(third, isJSON: isJSON), previous: inPlace.rows, source: source)
            var held = 0
            let sink = try ByteSink(patching: own.path) { offset, count, position in
                let bytes = own.rows.heldBytes(of: offset..<offset + count, in: inPlace.rows, at: position)
                if bytes > 0, bytes < count { held += 1 }
                return bytes
            }
            XCTAssertEqual(try write(third, sink, plan), clean.rows.ranges)
            try sink.finish()
            XCTAssertEqual(held, 1, "a run held in part")
            XCTAssertEqual(String(decoding: FileManager.default.contents(atPath: own.path) ?? Data(), as: UTF8.self),
                           String(decoding: FileManager.default.contents(atPath: clean.path) ?? Data(), as: UTF8.self))
        }
    }

    /// A copy of which the patched file holds only the first bytes (the spare's copy lacks a report
    /// added within the run): the rest is copied from where the held bytes end, not from the run's start.
    func testACopyPartlyHeldGoesOnWhereTheHeldBytesEnd() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ra-held-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let patched = folder.appendingPathComponent("patched").path, from = folder.appendingPathComponent("source").path
        try Data("AAAABBBBDD".utf8).write(to: URL(fileURLWithPath: patched))
        try Data("AAAACCCC".utf8).write(to: URL(fileURLWithPath: from))
        let source = open(from, O_RDONLY)
        defer { close(source) }
        let sink = try ByteSink(patching: patched) { offset, count, position in
            offset == 0 && position == 0 ? min(count, 4) : 0
        }
        try sink.copy(8, from: source, at: 0)
        try sink.append("E")
        try sink.finish()
        XCTAssertEqual(String(decoding: FileManager.default.contents(atPath: patched) ?? Data(), as: UTF8.self), "AAAACCCCE")
        XCTAssertEqual(sink.rewritten, 5)
    }

    private func copied(_ plan: ExportPlan) -> Int {
        plan.pieces.reduce(0) { sum, piece in if case .copy(let rows, _) = piece { sum + rows.count } else { sum } }
    }

    func testUnchangedRowsAreCopiedAndTheFileIsAsWrittenFresh() throws {
        for (write, isJSON) in [(json, true), (csv, false)] {
            let before = content()
            XCTAssertEqual(copied(try check(before, before, write, isJSON: isJSON)), 3, "nothing changed: every row copied")
            let retitled = content { $0[$0.firstIndex { $0.slug == "zhe-jiang-a-2" }!].title = "改过的标题" }
            XCTAssertEqual(copied(try check(before, retitled, write, isJSON: isJSON)), 2)
            // A field no list shows, so not in the fingerprint.
            let moved = content { $0[$0.firstIndex { $0.slug == "zhe-jiang-a-2" }!].department = "人事科" }
            XCTAssertEqual(copied(try check(before, moved, write, isJSON: isJSON)), 2)
            // A report added at the front of the list and one gone: the others are copied still.
            let added = content {
                var new = $0[0]
                new.slug = "c-1"
                new.id = "c-01"
                new.sourceFile = "c.txt"
                new.year = 2030
                $0.append(new)
            }
            XCTAssertEqual(copied(try check(before, added, write, isJSON: isJSON)), 3)
            XCTAssertEqual(copied(try check(added, before, write, isJSON: isJSON)), 3)
            let gone = content { $0.removeAll { $0.slug == "b-1" } }
            try check(before, gone, write, isJSON: isJSON)
            try check(gone, before, write, isJSON: isJSON)
        }
    }

    /// A near-duplicate's share shows only in the JSON: its two rows are rendered again there.
    func testANearDuplicateChangeRendersItsRows() throws {
        let before = content()
        similarity = 0.75
        let after = content()
        XCTAssertEqual(copied(try check(before, after, json, isJSON: true)), 1)
        XCTAssertEqual(copied(try check(before, after, csv, isJSON: false)), 3)
    }

    /// No rows, before or after.
    func testAnEmptyArchive() throws {
        let empty = content { $0.removeAll() }
        for (write, isJSON) in [(json, true), (csv, false)] {
            try check(content(), empty, write, isJSON: isJSON)
            try check(empty, content(), write, isJSON: isJSON)
        }
    }
}

/// The data step copies rows from the site in place only while that file is the one its saved
/// rows describe; the files are then as a clean build writes them.
final class DataStepRowsTests: XCTestCase {
    func testDataFilesMadeFromTheSiteInPlaceEqualACleanBuild() throws {
        let site = try SiteFixture(self)
        try site.build()
        let data = ["data/reports.json", "data/reports.csv"]
        func files() throws -> [Data] { try data.map { try Data(contentsOf: site.output.appendingPathComponent($0)) } }
        let source = site.content.appendingPathComponent("002_a6c8c882fd1a3a93.txt")
        var text = try String(contentsOf: source, encoding: .utf8)
        func edit(_ from: String, _ to: String) throws {
            XCTAssertTrue(text.contains(from))
            text = text.replacingOccurrences(of: from, with: to)
            try text.write(to: source, atomically: true, encoding: .utf8)
        }
        /// Builds the same sources from nothing, beside, and checks the data files are the same.
        func checkAsClean() throws {
            let made = try files()
            let aside = site.root.appendingPathComponent("aside")
            try FileManager.default.moveItem(at: site.output, to: aside)
            try FileManager.default.moveItem(at: site.root.appendingPathComponent(".archive-cache"), to: site.root.appendingPathComponent("cache-aside"))
            try site.build()
            defer {
                try? FileManager.default.removeItem(at: site.output)
                try? FileManager.default.removeItem(at: site.root.appendingPathComponent(".archive-cache"))
                try? FileManager.default.moveItem(at: aside, to: site.output)
                try? FileManager.default.moveItem(at: site.root.appendingPathComponent("cache-aside"), to: site.root.appendingPathComponent(".archive-cache"))
            }
            XCTAssertEqual(made, try files())
        }

        let saved = site.root.appendingPathComponent(".archive-cache/export-reports.json.rows")
        let first = ExportRows.load(from: saved)?.file.hash
        // The spare holds its own copies of the data files, which the edit rewrites in place.
        let spareData = data.map { site.root.appendingPathComponent(".public.spare").appendingPathComponent($0).path }
        XCTAssertEqual(try spareData.map { try Self.links($0) }, [1, 1])
        let spareCopy = try Self.inode(spareData[0])
        try edit("新增省现代化学校8所", "新增省现代化学校9所")
        try site.build()
        XCTAssertEqual(try Self.inode(site.output.appendingPathComponent(data[0]).path), spareCopy)
        XCTAssertTrue(String(decoding: try files()[0], as: UTF8.self).contains("\"written\":\"9所\""))
        let rows = ExportRows.load(from: saved)
        XCTAssertEqual(rows?.file.size, try files()[0].count)
        try checkAsClean()

        // The edit undone, then another: the file in place is the first build's again, and its rows
        // are still known, kept beside the last ones.
        try edit("新增省现代化学校9所", "新增省现代化学校8所")
        try site.build()
        try edit("新增省现代化学校8所", "新增省现代化学校10所")
        try site.build()
        XCTAssertNotNil(first)
        XCTAssertEqual(ExportRows.load(from: saved.appendingPathExtension("before"))?.file.hash, first)
        try checkAsClean()

        // The file in place replaced by another of another size: not copied from.
        let json = site.output.appendingPathComponent(data[0])
        try (Data("[]".utf8) + (try Data(contentsOf: json))).write(to: json, options: .atomic)
        try edit("新增省现代化学校10所", "新增省现代化学校7所")
        try site.build()
        XCTAssertTrue(String(decoding: try files()[0], as: UTF8.self).contains("\"written\":\"7所\""))
        try checkAsClean()

        // No file in place at all.
        try FileManager.default.removeItem(at: json)
        try edit("新增省现代化学校7所", "新增省现代化学校6所")
        try site.build()
        try checkAsClean()
    }

    /// A spare whose data file is the site in place's (one file, two links, as after a build that
    /// linked it unchanged) is not rewritten in place: the site in place keeps its bytes.
    func testADataFileTheSpareSharesWithTheSiteInPlaceIsNotWrittenThrough() throws {
        let site = try SiteFixture(self)
        try site.build()
        let json = site.output.appendingPathComponent("data/reports.json")
        let spareJSON = site.root.appendingPathComponent(".public.spare/data/reports.json")
        let inPlace = try Data(contentsOf: json)
        XCTAssertEqual(try Data(contentsOf: spareJSON), inPlace)
        try FileManager.default.removeItem(at: spareJSON)
        try FileManager.default.linkItem(at: json, to: spareJSON)
        let source = site.content.appendingPathComponent("002_a6c8c882fd1a3a93.txt")
        let text = try String(contentsOf: source, encoding: .utf8)
        XCTAssertTrue(text.contains("新增省现代化学校8所"))
        try text.replacingOccurrences(of: "新增省现代化学校8所", with: "新增省现代化学校9所").write(to: source, atomically: true, encoding: .utf8)
        try site.build()
        // The swap put the site in place aside as the spare, with its file as it was.
        XCTAssertEqual(try Data(contentsOf: spareJSON), inPlace)
        XCTAssertTrue(String(decoding: try Data(contentsOf: json), as: UTF8.self).contains("\"written\":\"9所\""))
    }

    private static func links(_ path: String) throws -> Int {
        Int(try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.referenceCount] as? NSNumber).intValue)
    }

    private static func inode(_ path: String) throws -> UInt64 {
        try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? NSNumber).uint64Value
    }
}
