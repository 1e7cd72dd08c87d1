import Foundation
import ReportModel
import XCTest

@testable import SiteBuilder

final class FeedTests: XCTestCase {
    /// The feed holds the newest reports (by published, signed or year-end date), ties in slug order,
    /// as sorting the whole archive would pick them, whatever order the archive lists them in.
    func testTheFeedHoldsTheNewestReportsInOrder() throws {
        var generator = SystemRandomNumberGenerator()
        var reports: [ListedReport] = []
        for n in 0..<400 {
            var r = RegionTimelineTests.report(String(format: "r%03d", n), Int.random(in: 2015...2024, using: &generator), .summary, code: nil)
            switch Int.random(in: 0..<3, using: &generator) {
            case 0: r.signedDate = String(format: "2023-%02d-%02d", Int.random(in: 1...12, using: &generator), Int.random(in: 1...3, using: &generator))
            case 1: r.year = nil
            default: break
            }
            reports.append(r)
        }
        reports.shuffle(using: &generator)
        let content = RegionTimelineTests.content(reports)
        let config = try SiteConfig.parse("[site]\ntitle = \"t\"\nbase_url = \"https://example.org/\"\n", file: "archive.toml")
        let feed = String(decoding: Feeds.atom(content, config: config, paths: SitePaths(pretty: false)).bytes, as: UTF8.self)
        let ids = feed.components(separatedBy: "<id>https://example.org/reports/").dropFirst().map { $0.prefix(4) }

        func date(_ r: ListedReport) -> String { r.publishedDate ?? r.signedDate ?? r.year.map { "\($0)-12-31" } ?? "2000-01-01" }
        let expected = content.reports.sorted { (date($0), $1.slug) > (date($1), $0.slug) }.prefix(Feeds.feedSize).map { $0.slug.prefix(4) }
        XCTAssertEqual(ids, Array(expected))
        XCTAssertEqual(ids.count, Feeds.feedSize)
    }
}
