import Foundation
import ReportModel
import TestSupport
import XCTest

@testable import SiteBuilder

/// The cache is read field by field from the file's bytes: what comes back must equal what was
/// saved, and the outlines it names must read back from the build's store as they were.
final class SourceCacheReadingTests: XCTestCase {
    private func folder() -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ra-cache-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        return folder
    }

    private static func records(count: Int) -> [SourceRecord] {
        var random = SeededGenerator(seed: 15)
        let pieces = ["教育", "局", "工作", "总结", "\t", "\n", "\r", "\\", "\\N", "N", " ", "a", "1", ",", "é", "𠀋", "（一）"]
        func text(_ most: Int) -> String {
            (0..<Int.random(in: 0...most, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
        }
        func maybe(_ most: Int) -> String? { Bool.random(using: &random) ? text(most) : nil }
        func topics() -> [Int] { (0..<Int.random(in: 0...4, using: &random)).map { _ in Int.random(in: 0...300, using: &random) } }
        func value() -> Double? {
            switch Int.random(in: 0...5, using: &random) {
            case 0: nil
            case 1: 0
            case 2: -0.0
            case 3: Double(Int.random(in: -1_000_000...1_000_000_000, using: &random))
            case 4: Double.random(in: -1e9...1e9, using: &random)
            default: Double(bitPattern: random.next() & 0x7FEF_FFFF_FFFF_FFFF)
            }
        }
        func figures() -> [Figure] {
            (0..<Int.random(in: 0...3, using: &random)).map { _ in Figure(phrase: text(6), written: text(4), value: value(), unit: text(2)) }
        }
        let types: [DocType] = [.summary, .plan, .summaryPlan, .specialSummary, .speech, .other]
        return (0..<count).map { i in
            let name = "源 \(i)\t\(text(3)).txt"
            let reports = (0..<Int.random(in: 0...4, using: &random)).map { r in
                var report = ListedReport(
                    slug: "s\(i)-\(r)", id: text(5), sourceFile: name, position: r + 1, title: maybe(30), listedTitle: maybe(10),
                    issuer: maybe(8), region: Region(province: maybe(3), prefecture: maybe(3), county: maybe(3), level: maybe(1), code: maybe(6)),
                    year: Bool.random(using: &random) ? Int.random(in: -5...3000, using: &random) : nil,
                    docType: types.randomElement(using: &random)!, complete: Bool.random(using: &random), signedDate: maybe(10),
                    publishedDate: maybe(10), topics: topics(),
                    sections: (0..<Int.random(in: 0...12, using: &random)).map { k in
                        .init(anchor: "s\(k)", depth: Int.random(in: 0...3, using: &random), number: text(2), heading: text(12),
                              topics: topics(), figures: figures())
                    },
                    figures: figures(), passages: Bool.random(using: &random) ? 5..<Int.random(in: 6...1 << 40, using: &random) : nil,
                    fingerprint: random.next())
                if Bool.random(using: &random) { (report.department, report.period, report.duplicateOf) = (maybe(6), maybe(6), maybe(6)) }
                if Bool.random(using: &random) { report.minhash = (0..<MinHash.size).map { _ in UInt16.random(in: 0...UInt16.max, using: &random) } }
                return report
            }
            var files = [SourceRecord.File(path: "reports/s\(i).html", hash: random.next())]
            if Bool.random(using: &random) { files.append(.init(path: text(8), hash: random.next(), head: random.next(), headLength: Int.random(in: 0...1 << 50, using: &random))) }
            return SourceRecord(name: name, slug: "s\(i)", hash: random.next(), key: random.next(), error: nil, reports: reports, files: files,
                                warnings: (0..<Int.random(in: 0...2, using: &random)).map { _ in text(20) })
        }
    }

    /// Large enough to be read in parts on all cores; every field's escapes, nulls and extremes.
    func testRandomRecordsComeBackEqualToTheByte() throws {
        let folder = folder()
        let held = Self.records(count: 4000)
        let store = try ListingStore(creatingIn: folder, token: "T")
        let records = SourceCacheTests.storingOutlines(held, in: store)
        try SourceCache.save(records, token: "T", to: folder)
        XCTAssertGreaterThan(try Data(contentsOf: folder.appendingPathComponent(SourceCache.fileName)).count, 2 << 20)
        let loaded = SourceCache.load(from: folder, token: "T")
        XCTAssertEqual(loaded.count, records.count)
        for (record, original) in zip(records, held) {
            let back = try XCTUnwrap(loaded[record.name])
            XCTAssertEqual(back, record)
            XCTAssertEqual(back.reports.map(\.outlineHash), original.reports.map(\.outlineHash))
            XCTAssertEqual(back.reports.map { $0.outline(in: store).sections }, original.reports.map(\.sections))
            XCTAssertEqual(back.reports.map { $0.outline(in: store).figures }, original.reports.map(\.figures))
            XCTAssertEqual(back.reports.map { $0.outlineCounts.sections }, original.reports.map(\.sections.count))
        }
    }

    /// Numbers as `Int(_:)` and `UInt64(_:radix:)` read them, signs and all, beyond the fast path.
    func testNumbersReadAsTheStandardLibraryReadsThem() throws {
        let folder = folder()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        func load(_ year: String, hash: String = "2") throws -> ListedReport? {
            let report = "report\ta-1\ta-01\t1\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\(year)\tsummary\t1\t\\N\t\\N\t1,22\t0\n"
            try "build\tT\nsource\ta.txt\ta\t1\t\(hash)\n\(report)".write(to: folder.appendingPathComponent(SourceCache.fileName), atomically: true, encoding: .utf8)
            return SourceCache.load(from: folder, token: "T")["a.txt"]?.reports.first
        }
        for year in ["2023", "+2023", "-12", "0099", "9223372036854775807", "-9223372036854775808", "9223372036854775808", "12a", "", "\\N", "-"] {
            XCTAssertEqual(try load(year)?.year, Int(year), year)
        }
        XCTAssertEqual(try load("1")?.topics, [1, 22])
        XCTAssertEqual(SourceCache.load(from: folder, token: "T")["a.txt"]?.key, 2)
        for hash in ["FFFFFFFFFFFFFFFF", "+ff", "0000000000000000001", "10000000000000000"] {
            _ = try load("1", hash: hash)
            XCTAssertEqual(SourceCache.load(from: folder, token: "T")["a.txt"]?.key, UInt64(hash, radix: 16), hash)
        }
    }
}
