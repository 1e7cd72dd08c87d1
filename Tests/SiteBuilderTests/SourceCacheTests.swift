import Foundation
import ReportModel
import XCTest

@testable import SiteBuilder

final class SourceCacheTests: XCTestCase {
    /// `records` with their reports' outlines moved to `store`, as the sources step leaves them (the
    /// cache keeps only where they lie); their passages' spans as they were.
    static func storingOutlines(_ records: [SourceRecord], in store: ListingStore) -> [SourceRecord] {
        records.map { record in
            var record = record
            for i in record.reports.indices {
                let passages = record.reports[i].passages
                store.put(&record.reports[i], passages: [])
                record.reports[i].passages = passages
            }
            return record
        }
    }

    func testRecordsSurviveTheRoundTripWhateverTheirText() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ra-cache-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let awkward = ListedReport(
            slug: "a-1", id: "a-01", sourceFile: "a b.txt", position: 1, title: "标题\t带制表符\n和换行\\N", listedTitle: "",
            issuer: "\\", region: Region(province: "浙江省", prefecture: nil, county: nil, level: "区", code: "330100"),
            year: 2023, docType: .summaryPlan, complete: false, signedDate: "2023-12-30", publishedDate: nil, topics: [3, 0],
            sections: [.init(anchor: "s1", depth: 0, number: "一、", heading: "总体\\N", topics: [],
                             figures: [.init(phrase: "新建幼儿园", written: "12所", value: 12, unit: "所")]),
                       .init(anchor: "s1-2", depth: 1, number: "（一）", heading: "\r学前\t教育", topics: [0, 2]),
                       .init(anchor: "s2", depth: 0, number: "", heading: "", topics: [],
                             figures: [.init(phrase: "受助学生", written: "686、598人", value: nil, unit: "人"),
                                       .init(phrase: "投入\t资金", written: "0.1亿元", value: 10_000_000.000000002, unit: "元")])],
            figures: [.init(phrase: "普惠率", written: "91.17%", value: 91.17, unit: "%")],
            passages: 12..<345, fingerprint: 0xdead_beef_cafe)
        let plain = ListedReport(
            slug: "a-2", id: "a-02", sourceFile: "a b.txt", position: 2, title: nil, listedTitle: nil, issuer: nil,
            region: Region(), year: nil, docType: .other, complete: true, signedDate: nil, publishedDate: nil, topics: [], sections: [])
        let store = try ListingStore(creatingIn: folder, token: "T1")
        let records = Self.storingOutlines([
            SourceRecord(name: "a b.txt", slug: "a-b", hash: 0xfeed, key: .max, error: nil, reports: [awkward, plain],
                         files: [.init(path: "reports/a-1.html", hash: 0x1234), .init(path: "sources/a b.txt", hash: 0)],
                         warnings: ["a b.txt (a-01): region: the title names 慈溪市, the folder 余姚市;\tkept"]),
            SourceRecord(name: "empty.txt", slug: "empty", hash: 1, key: 7, error: nil, reports: [], files: []),
            SourceRecord(name: "bad.txt", slug: "bad", hash: 2, key: 8, error: "bad.txt: binary", reports: [], files: []),
        ], in: store)
        try SourceCache.save(records, token: "T1", to: folder)
        XCTAssertTrue(SourceCache.load(from: folder, token: "T0").isEmpty, "records saved by another build are not trusted")
        let loaded = SourceCache.load(from: folder, token: "T1")
        XCTAssertEqual(loaded.keys.sorted(), ["a b.txt", "empty.txt"], "a failed source is read again next time")
        let a = try XCTUnwrap(loaded["a b.txt"])
        XCTAssertEqual(a.reports, records[0].reports)
        XCTAssertEqual(a.reports.map { $0.outline(in: store) }, [awkward, plain].map { $0.outline.held })
        XCTAssertEqual(a.reports.map(\.passages), [12..<345, nil])
        XCTAssertEqual(a.slug, "a-b")
        XCTAssertEqual(a.key, .max)
        XCTAssertEqual(a.hash, 0xfeed)
        XCTAssertEqual(a.files.map(\.path), ["reports/a-1.html", "sources/a b.txt"])
        XCTAssertEqual(a.files.map(\.hash), [0x1234, 0])
        XCTAssertEqual(a.warnings, records[0].warnings, "said again by a build that reuses the record")
        XCTAssertEqual(loaded["empty.txt"]?.warnings, [])
    }

    /// A file of over 8 MiB is read in blocks (`RecordBlocks`), each in parts on all cores: every record
    /// comes back whole, and a line that does not read in any part makes the whole file untrusted.
    func testALargeFileReadInPartsGivesEveryRecord() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ra-cache-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let records = (0..<11000).map { i in
            SourceRecord(name: "s\(i).txt", slug: "s\(i)", hash: UInt64(i), key: UInt64(i) * 7, error: nil,
                         reports: [ListedReport(slug: "s\(i)-1", id: "s\(i)-01", sourceFile: "s\(i).txt", position: 1,
                                                title: String(repeating: "教育局工作总结", count: 40), listedTitle: nil, issuer: nil,
                                                region: Region(), year: 2000 + i % 20, docType: .summary, complete: true, signedDate: nil,
                                                publishedDate: nil, topics: [i % 5], sections: [])],
                         files: [.init(path: "reports/s\(i)-1.html", hash: UInt64(i))])
        }
        try SourceCache.save(records, token: "T", to: folder)
        let url = folder.appendingPathComponent(SourceCache.fileName)
        XCTAssertGreaterThan(try Data(contentsOf: url).count, 9 << 20)
        let loaded = SourceCache.load(from: folder, token: "T")
        XCTAssertEqual(loaded.count, records.count)
        for record in records {
            XCTAssertEqual(loaded[record.name]?.reports, record.reports)
            XCTAssertEqual(loaded[record.name]?.key, record.key)
        }
        var bytes = try Data(contentsOf: url)
        bytes.append(contentsOf: Array("nonsense\tline\n".utf8))
        try bytes.write(to: url)
        XCTAssertTrue(SourceCache.load(from: folder, token: "T").isEmpty)
    }

    /// What only the data export gives (department, period, the duplicate's original) is kept too.
    func testExportDetailsSurviveTheRoundTrip() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ra-cache-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        var detailed = ListedReport(
            slug: "a-2", id: "a-02", sourceFile: "a.txt", position: 2, title: "t", listedTitle: nil, issuer: nil, region: Region(),
            year: nil, docType: .other, complete: true, signedDate: nil, publishedDate: nil, topics: [],
            sections: [.init(anchor: "s1", depth: 0, number: "一、", heading: "h", topics: [])],
            figures: [.init(phrase: "p", written: "1所", value: 1, unit: "所")])
        detailed.department = "财务科\t"
        detailed.duplicateOf = "a-01"
        var periodOnly = detailed
        periodOnly.slug = "a-3"
        periodOnly.department = nil
        periodOnly.duplicateOf = nil
        periodOnly.period = "上半年"
        let store = try ListingStore(creatingIn: folder, token: "T")
        let records = Self.storingOutlines([SourceRecord(name: "a.txt", slug: "a", hash: 1, key: 2, error: nil, reports: [detailed, periodOnly], files: [])], in: store)
        try SourceCache.save(records, token: "T", to: folder)
        let loaded = try XCTUnwrap(SourceCache.load(from: folder, token: "T")["a.txt"]?.reports)
        XCTAssertEqual(loaded, records[0].reports)
        XCTAssertEqual(loaded.map(\.department), [detailed.department, nil])
        XCTAssertEqual(loaded.map(\.period), [nil, "上半年"])
    }

    func testAFileItDidNotWriteIsIgnored() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ra-cache-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "build\tT\nsource\ta.txt\ta\t1\t2\nreport\ttoo\tfew\n".write(to: folder.appendingPathComponent(SourceCache.fileName), atomically: true, encoding: .utf8)
        XCTAssertTrue(SourceCache.load(from: folder, token: nil).isEmpty)
        let report = "report\ta-1\ta-01\t1\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\tsummary\t1\t\\N\t\\N\t0\t0\n"
        try "build\tT\nsource\ta.txt\ta\t1\t2\n\(report)passages\t7\t9\n".write(to: folder.appendingPathComponent(SourceCache.fileName), atomically: true, encoding: .utf8)
        XCTAssertEqual(SourceCache.load(from: folder, token: nil)["a.txt"]?.reports.first?.passages, 7..<9, "the well-formed file this test damages next")
        try "build\tT\nsource\ta.txt\ta\t1\t2\n\(report)passages\t9\t7\n".write(to: folder.appendingPathComponent(SourceCache.fileName), atomically: true, encoding: .utf8)
        XCTAssertTrue(SourceCache.load(from: folder, token: nil).isEmpty, "a span that ends before it starts")
        try "source\ta.txt\ta\t1\t2\n".write(to: folder.appendingPathComponent(SourceCache.fileName), atomically: true, encoding: .utf8)
        XCTAssertTrue(SourceCache.load(from: folder, token: nil).isEmpty, "no build line: an older version's file")
        try "build\tT\nsource\ta.txt\ta\t1\t2\n\(report)outline\t7\t29\tfe\t3\t1\n".write(to: folder.appendingPathComponent(SourceCache.fileName), atomically: true, encoding: .utf8)
        let stored = try XCTUnwrap(SourceCache.load(from: folder, token: nil)["a.txt"]?.reports.first)
        XCTAssertEqual(stored.outline, .stored(.init(span: 7..<29, hash: 0xfe, sections: 3, figures: 1)))
        XCTAssertEqual(stored.outlineHash, 0xfe)
        XCTAssert(stored.outlineCounts == (3, 1))
        // A version that kept outlines in this file, not in the store: read as no cache, a full build.
        let older = "\(report)figure\t普惠率\t91.17%\t91.17\t%\nsection\ts1\t0\t一、\t学前教育\t0\n"
        try "build\tT\nsource\ta.txt\ta\t1\t2\n\(older)".write(to: folder.appendingPathComponent(SourceCache.fileName), atomically: true, encoding: .utf8)
        XCTAssertTrue(SourceCache.load(from: folder, token: nil).isEmpty, "outlines written in an older version's lines")
    }

    /// Source `s<i>.txt` with one report titled `title`.
    private func record(_ i: Int, title: String = "工作总结") -> SourceRecord {
        SourceRecord(name: "s\(i).txt", slug: "s\(i)", hash: UInt64(i), key: 1, error: nil,
                     reports: [ListedReport(slug: "s\(i)-1", id: "s\(i)-01", sourceFile: "s\(i).txt", position: 1, title: title,
                                            listedTitle: nil, issuer: nil, region: Region(), year: 2020, docType: .summary,
                                            complete: true, signedDate: nil, publishedDate: nil, topics: [], sections: [])],
                     files: [.init(path: "reports/s\(i)-1.html", hash: UInt64(i))])
    }

    /// A build that changed a few records writes only those, kept against the whole file, which it
    /// leaves as it was; many changes, or a whole file of another build, and it is written whole.
    func testFewChangesAreKeptBesideTheWholeFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ra-cache-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        var records = (0..<200).map { record($0) }
        let whole = folder.appendingPathComponent(SourceCache.fileName), changes = folder.appendingPathComponent(SourceCache.changesFileName)
        var base = try SourceCache.save(records, token: "T1", to: folder)
        XCTAssertEqual(base.token, "T1")
        let wholeBytes = try Data(contentsOf: whole)
        XCTAssertFalse(FileManager.default.fileExists(atPath: changes.path))

        records[7] = record(7, title: "改过的标题")
        records.remove(at: 9)
        records.append(record(500))
        base = try SourceCache.save(records, token: "T2", to: folder, over: base)
        XCTAssertEqual(base.token, "T1", "kept against the whole file")
        XCTAssertEqual(try Data(contentsOf: whole), wholeBytes, "the whole file is not written again")
        let changed = try String(contentsOf: changes, encoding: .utf8)
        XCTAssertEqual(changed.split(separator: "\n").filter { $0.hasPrefix("source\t") }.count, 2, changed)
        XCTAssertTrue(changed.contains("gone\ts9.txt\n"), changed)
        let loaded = SourceCache.load(from: folder, token: "T2")
        XCTAssertEqual(loaded.count, 200)
        XCTAssertEqual(loaded["s7.txt"], records[7])
        XCTAssertNil(loaded["s9.txt"], "a source gone since the whole file")
        XCTAssertEqual(loaded["s500.txt"], records.last)
        XCTAssertEqual(loaded["s8.txt"], records[8])
        XCTAssertEqual(SourceCache.load(from: folder, token: "T1")["s7.txt"]?.reports.first?.title, "工作总结",
                       "the build the whole file was saved by can still be read: its manifest may be the one in place")
        XCTAssertNotNil(SourceCache.load(from: folder, token: "T1")["s9.txt"])

        // Changes are counted against the whole file, not the last save.
        records[8] = record(8, title: "又改")
        base = try SourceCache.save(records, token: "T3", to: folder, over: base)
        XCTAssertEqual(SourceCache.load(from: folder, token: "T3")["s7.txt"], records[7])
        XCTAssertEqual(SourceCache.load(from: folder, token: "T3")["s8.txt"], records[8])
        XCTAssertTrue(SourceCache.load(from: folder, token: "T2").isEmpty)

        // Changes whose whole file is gone are not trusted.
        try Data("build\tT9\n".utf8).write(to: whole)
        XCTAssertTrue(SourceCache.load(from: folder, token: "T3").isEmpty)

        // Many changes: the whole file again, and no changes file.
        let many = records.map { record(Int($0.slug.dropFirst())!, title: "全改") }
        base = try SourceCache.save(many, token: "T4", to: folder, over: SourceCache.Base(token: "T1", records: Dictionary(uniqueKeysWithValues: records.map { ($0.name, $0) })))
        XCTAssertEqual(base.token, "T4")
        XCTAssertFalse(FileManager.default.fileExists(atPath: changes.path))
        XCTAssertEqual(SourceCache.load(from: folder, token: "T4").count, 200)
        XCTAssertEqual(SourceCache.load(from: folder, token: "T4")["s7.txt"], many[7])
    }

    /// The base read beside a changes file is the whole file, not the records with the changes made:
    /// a build that undoes the changes writes none.
    func testTheBaseReadWithChangesIsTheWholeFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ra-cache-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let original = (0..<200).map { record($0) }
        try SourceCache.save(original, token: "T1", to: folder)
        var edited = original
        edited[7] = record(7, title: "改过的标题")
        edited.remove(at: 9)
        edited.append(record(500))
        try SourceCache.save(edited, token: "T2", to: folder, over: SourceCache.read(from: folder, token: "T1").base)

        let (loaded, base, _) = SourceCache.read(from: folder, token: "T2")
        XCTAssertEqual(loaded.count, 200)
        XCTAssertEqual(loaded["s7.txt"], edited[7])
        let whole = try XCTUnwrap(base)
        XCTAssertEqual(whole.token, "T1")
        XCTAssertEqual(whole.count, 200)
        XCTAssertEqual(whole["s7.txt"], original[7], "the file's record, not the changed one")
        XCTAssertEqual(whole["s9.txt"], original[9], "gone since, but in the file")
        XCTAssertNil(whole["s500.txt"], "added since")
        XCTAssertEqual(Set(whole.names), Set(original.map(\.name)))

        try SourceCache.save(original, token: "T3", to: folder, over: whole)
        let changes = try String(contentsOf: folder.appendingPathComponent(SourceCache.changesFileName), encoding: .utf8)
        XCTAssertEqual(changes, "build\tT3\tT1\n", "nothing differs from the whole file")
        XCTAssertEqual(SourceCache.load(from: folder, token: "T3"), Dictionary(uniqueKeysWithValues: original.map { ($0.name, $0) }))
    }
}
