import Foundation
import ReportModel
import XCTest

@testable import SiteBuilder

/// What the index step needs of a report that was not parsed again survives the build cache: its
/// signature, and where its page's head ends.
final class SourceCacheLinksTests: XCTestCase {
    func testSignaturesAndPageHeadsSurviveTheRoundTrip() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ra-cache-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        var signed = ListedReport(
            slug: "a-1", id: "a-01", sourceFile: "a.txt", position: 1, title: "甲", listedTitle: nil, issuer: nil,
            region: Region(), year: 2023, docType: .summary, complete: true, signedDate: nil, publishedDate: nil, topics: [], sections: [])
        signed.minhash = (0..<MinHash.size).map { UInt16(truncatingIfNeeded: $0 &* 2_654_435_761) }
        var unsigned = signed
        (unsigned.slug, unsigned.position, unsigned.minhash) = ("a-2", 2, nil)
        let page = SourceRecord.File(path: "reports/a-1.html", hash: 0xabc, head: 0xdef, headLength: 4_321)
        let record = SourceRecord(name: "a.txt", slug: "a", hash: 1, key: 2, error: nil, reports: [signed, unsigned],
                                  files: [page, .init(path: "reports/a-1.md", hash: 0x123)])
        try SourceCache.save([record], token: "T", to: folder)
        let loaded = try XCTUnwrap(SourceCache.load(from: folder, token: "T")["a.txt"])
        XCTAssertEqual(loaded.reports, [signed, unsigned])
        XCTAssertEqual(loaded.files.map(\.head), [0xdef, nil])
        XCTAssertEqual(loaded.files.map(\.headLength), [4_321, 0])
        XCTAssertEqual(loaded.files.map(\.hash), [0xabc, 0x123])
    }

    /// A signature line is read by its known length: the last line of the file reads without its
    /// line break, and one a digit short or long, or without the report it belongs to, does not read.
    func testASignatureLineReadsOnlyWhole() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ra-cache-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(SourceCache.fileName)
        let report = "report\ta-1\ta-1\t1\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\tsummary\t1\t\\N\t\\N\t\t0\n"
        let signature = (0..<MinHash.size).map { UInt16(truncatingIfNeeded: $0 &* 40_503) }
        var digits: [UInt8] = []
        SourceCache.Field.appendHex(signature, to: &digits)
        let line = "minhash\t" + String(decoding: digits, as: UTF8.self)
        func load(_ text: String) -> SourceRecord? {
            try? text.write(to: url, atomically: true, encoding: .utf8)
            return SourceCache.load(from: folder, token: nil)["a.txt"]
        }
        let head = "build\tT\nsource\ta.txt\ta\t1\t2\n"
        XCTAssertEqual(load(head + report + line + "\n")?.reports.first?.minhash, signature)
        XCTAssertEqual(load(head + report + line)?.reports.first?.minhash, signature, "the last line, without its line break")
        XCTAssertEqual(load(head + report + line + "\nsource\tb.txt\tb\t1\t2\n")?.reports.first?.minhash, signature)
        XCTAssertNil(load(head + report + line.dropLast() + "\n"))
        XCTAssertNil(load(head + report + line + "0\n"))
        XCTAssertNil(load(head + report + line.dropLast() + "\t\n"))
        XCTAssertNil(load(head + line + "\n"), "a signature before any report")
    }
}
