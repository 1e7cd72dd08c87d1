import Foundation
import Markup
import ReportModel
import XCTest

@testable import SiteBuilder

final class OverviewPagesTests: XCTestCase {
    /// Two more reports of 余姚市, so that its county, its province and the coverage table have
    /// several years and a gap between them; and one of 浙江省 itself, listed as 本级.
    static let extra = [
        "zz-zhejiang-2020.txt": "浙江省教育厅2020年工作要点\n\n一、学前教育\n扩大普惠性学前教育资源。\n\n浙江省教育厅\n2020年1月10日\n",
        "zz-yuyao-2019.txt": "余姚市教育局2019年工作总结\n\n一、学前教育\n新建幼儿园3所，学前教育普及率达98%。\n\n余姚市教育局\n2019年12月30日\n",
        "zz-yuyao-2021.txt": "余姚市教育局2021年工作要点\n\n一、义务教育\n推进义务教育优质均衡发展。\n\n余姚市教育局\n2021年2月1日\n",
    ]

    /// The coverage table's counts are the indexes' counts: a province's cells sum to its total and
    /// to its region page's count, its prefectures' rows to its cells, a year's column to its year
    /// page's count; and each province cell links to a list of exactly its reports.
    func testCoverageCountsEqualTheIndexCounts() throws {
        let site = try SiteFixture(self, extraSources: Self.extra)
        try site.build()
        let page = try PageMarkup.html(try site.text("coverage/index.html"))
        let table = try XCTUnwrap(page.everyElement("table").first { $0.hasClass("coverage-table") })
        let years = table.everyElement("thead")[0].everyElement("th").dropFirst(2).map(\.words)
        let yearIndex = try PageMarkup.html(try site.text("years/index.html"))
        var yearCounts: [String: Int] = [:]
        for li in yearIndex.everyElement("li") {
            let name = li.everyElement("a")[0].words.replacingOccurrences(of: " 年", with: "")
            yearCounts[name] = Int(li.everyElement("span").first { $0.hasClass("count") }!.words)
        }
        let dated = yearCounts.keys.compactMap { Int($0) }
        XCTAssertEqual(years, (dated.min()!...dated.max()!).map(String.init) + ["年份不详"], "every year from the first to the last, then undated")
        XCTAssertTrue(years.contains { yearCounts[$0] == nil }, "the fixture has a year without reports")

        var columnSums = [Int](repeating: 0, count: years.count)
        var provinces = 0
        for body in table.everyElement("tbody") {
            let rows = body.everyElement("tr")
            let cells = rows.map { row in row.everyElement("td").dropFirst().map { Int($0.words) ?? 0 } }
            let province = rows[0]
            XCTAssertTrue(province.hasClass("province"))
            let name = province.everyElement("th")[0].words
            let total = province.everyElement("td")[0]
            XCTAssertEqual(cells[0].reduce(0, +), Int(total.words), name)
            let regionPage = try site.text(String(total.everyElement("a")[0].attribute("href")!.dropFirst(3)))
            XCTAssertTrue(regionPage.contains("共 \(total.words) 篇"), name)
            if rows.count > 1 {
                let sums = cells.dropFirst().reduce([Int](repeating: 0, count: years.count)) { zip($0, $1).map(+) }
                XCTAssertEqual(sums, cells[0], "\(name): the rows below a province add up to it")
            }
            for (c, cell) in province.everyElement("td").dropFirst().enumerated() where cells[0][c] > 0 {
                let list = try site.text(String(cell.everyElement("a")[0].attribute("href")!.dropFirst(3)))
                XCTAssertEqual(list.components(separatedBy: "class=\"report-title\"").count - 1, cells[0][c], "\(name) \(years[c])")
            }
            columnSums = zip(columnSums, cells[0]).map(+)
            provinces += 1
        }
        XCTAssertGreaterThan(provinces, 5)
        for (c, year) in years.enumerated() {
            XCTAssertEqual(columnSums[c], yearCounts[year] ?? 0, year)
        }
        let footer = table.everyElement("tfoot")[0].everyElement("td").dropFirst().map { Int($0.words) ?? 0 }
        XCTAssertEqual(footer, columnSums)
        XCTAssertTrue(try site.text("index.html").contains("href=\"coverage/index.html\""), "linked from the home page")
    }

    /// A province row unfolds into the regions below it, each linking to its page's timeline.
    func testProvinceRowsUnfoldIntoTheirPrefectures() throws {
        let site = try SiteFixture(self, extraSources: Self.extra)
        try site.build()
        let page = try PageMarkup.html(try site.text("coverage/index.html"))
        let zhejiang = try XCTUnwrap(page.everyElement("tbody").first { $0.everyElement("th")[0].words == "浙江省" })
        XCTAssertEqual(zhejiang.everyElement("summary").map(\.words), ["浙江省"])
        let subregions = zhejiang.everyElement("tr").filter { $0.hasClass("sub") }.map { $0.everyElement("th")[0].words }
        XCTAssertEqual(subregions, ["杭州市", "宁波市", "本级"])
        let links = zhejiang.everyElement("tr")[2].everyElement("a").compactMap { $0.attribute("href") }
        XCTAssertEqual(links, ["../regions/330200.html", "../regions/330200.html#timeline-2019", "../regions/330200.html#timeline-2021",
                               "../regions/330200.html#timeline-2023"])
        let problems = LinkChecker(root: site.output).check()
        XCTAssertEqual(problems, [], "every cell's link and anchor resolves: \(problems.prefix(5))")
    }

    /// A report of a year the archive did not have shows on the next, incremental build: in the
    /// coverage table, in its county's timeline and in the charts; and the reused pages equal a
    /// fresh build's.
    func testAReportOfANewYearShowsOnTheNextBuild() throws {
        let site = try SiteFixture(self, extraSources: Self.extra)
        try site.build()
        XCTAssertFalse(try site.text("coverage/index.html").contains("<th scope=\"col\">2003</th>"), "the seeds start in 2006")
        try "余姚市教育局2003年工作总结\n\n一、教育投入\n全年教育投入5亿元。\n\n余姚市教育局\n2003年12月20日\n"
            .write(to: site.content.appendingPathComponent("zz-yuyao-2003.txt"), atomically: true, encoding: .utf8)
        let summary = try site.build()
        XCTAssertEqual(summary.sourcesParsed, 1)

        let coverage = try site.text("coverage/index.html")
        XCTAssertTrue(coverage.contains("<th scope=\"col\">2003</th><th scope=\"col\">2004</th>"), "the new first year, and the years up to the next")
        XCTAssertTrue(coverage.contains("<a href=\"../coverage/330000-2003.html\">1</a>"))
        XCTAssertTrue(site.exists("coverage/330000-2003.html"))
        let county = try site.text("regions/330281.html")
        XCTAssertTrue(county.contains("id=\"timeline-2003\""))
        XCTAssertTrue(county.contains("<th scope=\"col\">2004</th>"), "a year without reports, shown")
        let home = try PageMarkup.bars(PageMarkup.svg(in: site.text("index.html")))
        XCTAssertEqual(home.first.map { "\($0.label):\($0.value)" }, "2003:1")

        let incremental = try site.snapshot()
        try FileManager.default.removeItem(at: site.root.appendingPathComponent(".archive-cache"))
        try FileManager.default.removeItem(at: site.output)
        try site.build()
        let fresh = try site.snapshot()
        XCTAssertEqual(incremental.keys.sorted(), fresh.keys.sorted())
        for (path, bytes) in fresh { XCTAssertEqual(incremental[path], bytes, path) }
    }

    /// The home page's chart counts each year's reports, every topic page's the share of each
    /// year's reports that carry the topic; each has the same numbers as a table.
    func testChartsShowTheArchivesCounts() throws {
        let site = try SiteFixture(self, extraSources: Self.extra)
        try site.build()
        let records = SourceCache.load(from: site.root.appendingPathComponent(".archive-cache"), token: nil)
        let content = try ArchiveContent(reports: records.values.flatMap(\.reports), sourceCount: records.count,
                                         classifier: TopicClassifier(topics: SiteConfig.load(site.config.path).topics), gazetteer: .shared)
        let dated = content.years.keys.compactMap { $0 }
        let span = dated.min()!...dated.max()!
        XCTAssertTrue(span.contains { content.years[$0] == nil }, "the fixture has a year without reports")

        let home = try site.text("index.html")
        let expected = span.map { "\($0):\(content.years[$0]?.count ?? 0)" } + ["年份不详:\(content.years[nil]?.count ?? 0)"]
        XCTAssertEqual(PageMarkup.bars(try PageMarkup.svg(in: home)).map { "\($0.label):\($0.value)" }, expected)
        let figure = try XCTUnwrap(try PageMarkup.html(home).everyElement("figure").first { $0.attribute("id") == "year-chart" })
        let rows = figure.everyElement("tbody")[0].everyElement("tr").map { $0.everyElement("td")[0].words }
        XCTAssertEqual(rows, expected.map { String($0.split(separator: ":")[1]) }, "the table equivalent holds the same numbers")

        var charted = 0
        for (t, topic) in content.classifier.topics.enumerated() where !content.topics[t].isEmpty {
            let page = try site.text("topics/\(topic.slug).html")
            let shares = span.map { year -> String in
                let total = content.years[year]?.count ?? 0
                let count = content.topics[t].filter { content.reports[$0].year == year }.count
                return total == 0 ? "\(year):–" : "\(year):\((200 * count + total) / (2 * total))%"
            }
            XCTAssertEqual(PageMarkup.bars(try PageMarkup.svg(in: page)).map { "\($0.label):\($0.value)" }, shares, topic.slug)
            XCTAssertTrue(page.contains("<details class=\"chart-data\">"), topic.slug)
            charted += 1
        }
        XCTAssertGreaterThan(charted, 3)
    }

    /// A region's timeline and chart stand on the first page of its list only.
    func testTimelineOnlyOnTheFirstPage() throws {
        let site = try SiteFixture(self, extraSources: Self.extra) { $0.replacingOccurrences(of: "page_size = 50", with: "page_size = 1") }
        try site.build()
        XCTAssertTrue(try site.text("regions/330281.html").contains("<section class=\"timeline\""))
        XCTAssertFalse(try site.text("regions/330281-2.html").contains("<section class=\"timeline\""))
        XCTAssertTrue(try site.text("topics/preschool.html").contains("id=\"topic-chart\""))
        XCTAssertFalse(try site.text("topics/preschool-2.html").contains("id=\"topic-chart\""))
    }

    /// A first page's timeline shows every report of the region: a report retitled on a later page
    /// changes the first page too, which an incremental build must render again.
    func testATimelineFollowsAReportOnALaterPage() throws {
        let site = try SiteFixture(self, extraSources: Self.extra) { $0.replacingOccurrences(of: "page_size = 50", with: "page_size = 1") }
        try site.build()
        XCTAssertFalse(try site.text("regions/330281.html").contains("class=\"report-title\" href=\"../reports/zz-yuyao-2019-1.html\""), "listed on a later page")
        XCTAssertTrue(try site.text("regions/330281.html").contains("title=\"余姚市教育局2019年工作总结\""), "in the timeline")
        let source = site.content.appendingPathComponent("zz-yuyao-2019.txt")
        try Self.extra["zz-yuyao-2019.txt"]!.replacingOccurrences(of: "2019年工作总结", with: "2019年工作总结（修订稿）")
            .write(to: source, atomically: true, encoding: .utf8)
        try site.build()
        XCTAssertTrue(try site.text("regions/330281.html").contains("title=\"余姚市教育局2019年工作总结（修订稿）\""))
        let incremental = try site.snapshot()
        try FileManager.default.removeItem(at: site.root.appendingPathComponent(".archive-cache"))
        try FileManager.default.removeItem(at: site.output)
        try site.build()
        for (path, bytes) in try site.snapshot() { XCTAssertEqual(incremental[path], bytes, path) }
    }
}
