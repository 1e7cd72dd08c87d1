import ReportModel
import ReportParser
import XCTest

@testable import SiteBuilder

/// The index puts the reports in list order and files them by region and in region sequences the
/// same way whatever order they come in.
final class ArchiveContentOrderTests: XCTestCase {
    /// Reports of a few years, codes (known, unknown to the gazetteer, none, and codes about "~", which
    /// lists put a report without one as), titles, types and topics, many of them equal in year and
    /// region so that titles and slugs decide.
    private func reports() -> [ListedReport] {
        let codes = ["330102", "330106", nil, "330100", "999999", "110101", "~", "~1", "}"]
        let years = [2021, nil, 2023, 2022]
        let titles = ["乙", "甲", nil, "甲乙"]
        let types = DocType.allCases
        return (0..<600).map { i in
            ListedReport(slug: "r-\(i * 7919 % 600)", id: "\(i)", sourceFile: "s\(i % 13).txt", position: 1 + i % 3,
                         title: titles[i % titles.count], listedTitle: nil, issuer: nil,
                         region: Region(level: i % 5 == 0 ? "区" : nil, code: codes[i % codes.count]),
                         year: years[i / 7 % years.count], docType: types[i / 3 % types.count], complete: true,
                         signedDate: nil, publishedDate: nil, topics: [[], [1], [0, 2], [2, 2]][i / 5 % 4], sections: [])
        }
    }

    private func content(_ reports: [ListedReport]) -> ArchiveContent {
        ArchiveContent(reports: reports, sourceCount: 13,
                       classifier: TopicClassifier(topics: (0..<3).map { TopicDefinition(name: "\($0)", slug: "t\($0)", keywords: ["\($0)"]) }),
                       gazetteer: .shared)
    }

    func testReportsAreInListOrderAndPositionsFindThem() {
        let given = reports()
        let content = content(given)
        XCTAssertEqual(content.reports.map(\.slug), given.sorted(by: ListedReport.listOrder).map(\.slug))
        for (i, report) in given.enumerated() { XCTAssertEqual(content.reports[content.positions[i]].slug, report.slug) }
        let all = Array(content.reports.indices)
        XCTAssertEqual(content.years, Dictionary(grouping: all) { content.reports[$0].year })
        XCTAssertEqual(content.types, Dictionary(grouping: all) { content.reports[$0].docType })
        XCTAssertEqual(content.topics, (0..<3).map { t in all.flatMap { i in content.reports[i].topics.filter { $0 == t }.map { _ in i } } })
    }

    /// Each region's reports in list order, those of codes the gazetteer does not know and of none
    /// together in the unknown bucket, and the counts of each level.
    func testRegionIndexListsEachRegionsReportsInListOrder() {
        let content = content(reports().reversed())
        let regions = content.regions
        var listed = 0
        for (key, node) in regions.nodes {
            let reports = node.reports.map(\.report)
            XCTAssertEqual(reports, reports.sorted(), key)
            listed += reports.count
            XCTAssertEqual(node.total, reports.count + node.children.reduce(0) { $0 + regions.nodes[$1]!.total }, key)
        }
        XCTAssertEqual(listed, content.reports.count)
        let unknown = content.reports.indices.filter { content.reports[$0].region.code.flatMap { Gazetteer.shared.place(code: $0) } == nil }
        XCTAssertEqual(regions.nodes[RegionIndex.unknownKey]?.reports.map(\.report), unknown)
    }

    /// The sequence's order is the one its static form reads from the listings.
    func testRegionSequenceOrdersAsTheListingsSay() {
        let content = content(reports())
        let sequence = RegionSequence(content.keys)
        for a in stride(from: 0, to: content.reports.count, by: 7) {
            for b in content.reports.indices {
                XCTAssertEqual(sequence.precedes(a, b), RegionSequence.precedes(content.reports, a, b), "\(a) \(b)")
            }
        }
        for (i, next) in sequence.next.enumerated() {
            guard let next else { continue }
            XCTAssertTrue(sequence.precedes(i, next))
            XCTAssertEqual(sequence.previous[next], i)
        }
    }
}
