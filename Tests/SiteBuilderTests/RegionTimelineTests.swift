import Foundation
import Markup
import ReportModel
import XCTest

@testable import SiteBuilder

final class RegionTimelineTests: XCTestCase {
    static func report(_ slug: String, _ year: Int?, _ type: DocType, code: String?) -> ListedReport {
        var r = ListedReport(slug: slug, id: slug, sourceFile: "\(slug).txt", position: 1, title: "报告\(slug)", listedTitle: nil, issuer: nil,
                             region: Region(code: code), year: year, docType: type, complete: true, signedDate: nil, publishedDate: nil,
                             topics: [], sections: [])
        r.fingerprint = r.computeFingerprint()
        return r
    }

    static func content(_ reports: [ListedReport]) -> ArchiveContent {
        ArchiveContent(reports: reports, sourceCount: reports.count, classifier: TopicClassifier(topics: []), gazetteer: .shared)
    }

    static func timeline(_ content: ArchiveContent, region key: String) throws -> MarkupElement {
        let config = try SiteConfig.parse("[site]\ntitle = \"t\"\nbase_url = \"https://example.org/\"\n", file: "archive.toml")
        let page = PageContext(config: config, paths: SitePaths(pretty: false))
        let reports = CoveragePage(page: page, content: content).reports(under: key)
        let html = RegionTimeline(page: page, content: content).html(region: key, reports: reports, at: "regions/\(key).html")
        return try MarkupDocument.xml(Data(html.utf8)).get()
    }

    /// Header cells, then each body row's cells: a cell's markers as the reports they link to, or its text.
    static func grid(_ section: MarkupElement) -> [[String]] {
        let table = section.everyElement("table").first { $0.hasClass("timeline-table") }!
        let head = table.everyElement("thead")[0].everyElement("th").map(\.words)
        let rows = table.everyElement("tbody")[0].everyElement("tr").map { tr in
            tr.everyElement("th").map(\.words) + tr.everyElement("td").map { td in
                let markers = td.everyElement("a").filter { $0.hasClass("marker") }
                return markers.isEmpty ? td.words : markers.map { $0.attribute("href")! }.joined(separator: " ")
            }
        }
        return [head] + rows
    }

    /// A county's timeline runs from its first to its last year, the years between shown as gaps,
    /// with each report a link in its type's row and undated reports in a column of their own.
    func testCountyShowsEachReportAndTheYearsWithout() throws {
        let content = Self.content([
            Self.report("a", 2019, .summary, code: "330281"), Self.report("b", 2022, .summary, code: "330281"),
            Self.report("c", 2022, .plan, code: "330281"), Self.report("d", nil, .summary, code: "330281"),
            Self.report("elsewhere", 2015, .plan, code: "330100"),
        ])
        let section = try Self.timeline(content, region: "330281")
        XCTAssertEqual(Self.grid(section), [
            ["类型", "2019", "2020", "2021", "2022", "年份不详"],
            ["工作总结", "../reports/a.html", "", "", "../reports/b.html", "../reports/d.html"],
            ["工作计划与要点", "", "", "", "../reports/c.html", ""],
        ])
        let table = try XCTUnwrap(section.everyElement("table").first { $0.hasClass("timeline-table") })
        XCTAssertEqual(table.everyElement("col").map { $0.hasClass("gap") }, [false, false, true, true, false, false], "years without reports are shaded")
        XCTAssertEqual(table.everyElement("th").compactMap { $0.attribute("id") }, ["timeline-2019", "timeline-2022", "timeline-undated"],
                       "years with reports can be linked to")
        XCTAssertEqual(section.everyElement("a").first { $0.hasClass("marker") }?.attribute("aria-label"), "报告a")
        XCTAssertEqual(section.everyElement("tfoot")[0].everyElement("td").map(\.words), ["1", "0", "0", "2", "1"])
        // The chart above the table counts the same reports, every year of the span drawn; its
        // numbers are the table's last row, so it brings no table of its own.
        let svg = try XCTUnwrap(section.everyElement("svg").first)
        XCTAssertEqual(PageMarkup.bars(svg).map { "\($0.label):\($0.value)" }, ["2019:1", "2020:0", "2021:0", "2022:2", "年份不详:1"])
        XCTAssertEqual(section.everyElement("details").count, 0)
    }

    /// A region with more reports to a cell than markers can show gives counts and a total per
    /// year; a province's totals link to its list of that year's reports, a prefecture's do not.
    func testLargerRegionsShowCountsAndAProvinceLinksItsYears() throws {
        var reports = (1...6).map { Self.report("s\($0)", 2020, .summary, code: "330281") }
        reports += [Self.report("p", 2021, .plan, code: "330200"), Self.report("own", 2020, .speech, code: "330000")]
        let content = Self.content(reports)

        let province = try Self.timeline(content, region: "330000")
        XCTAssertEqual(Self.grid(province), [["类型", "2020", "2021"], ["工作总结", "6", ""], ["工作计划与要点", "", "1"], ["讲话", "1", ""]])
        let totals = province.everyElement("tfoot")[0].everyElement("td")
        XCTAssertEqual(totals.map(\.words), ["7", "1"])
        XCTAssertEqual(totals.map { $0.everyElement("a").first?.attribute("href") }, ["../coverage/330000-2020.html", "../coverage/330000-2021.html"])

        let prefecture = try Self.timeline(content, region: "330200")
        XCTAssertEqual(Self.grid(prefecture), [["类型", "2020", "2021"], ["工作总结", "6", ""], ["工作计划与要点", "", "1"]])
        XCTAssertEqual(prefecture.everyElement("tfoot")[0].everyElement("a").count, 0, "no list of a prefecture's year to link")
    }
}
