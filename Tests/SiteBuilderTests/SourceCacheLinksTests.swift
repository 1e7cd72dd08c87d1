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
}
