import Foundation
import ReportModel
import XCTest

@testable import SiteBuilder

final class ReportFiguresPageTests: XCTestCase {
    /// The table lists each figure with a link to its section, and the section's hostile heading stays text.
    func testTableLinksFiguresToTheirSections() throws {
        let text = """
        县教育局2023年工作总结

        全年教育投入达到5.6亿元。
        一、<script>alert(1)</script>学前教育
        新建幼儿园12所，普惠率达91.17%。
        二、义务教育
        受助学生686、598人。
        """
        let site = try SiteFixture(self, extraSources: ["zz-figures.txt": text])
        try site.build()
        let page = try site.text("reports/zz-figures-1.html")
        XCTAssertTrue(page.contains("<summary>关键数据（4 项）</summary>"), page)
        XCTAssertTrue(page.contains("<td>新建幼儿园</td><td data-unit=\"所\" data-value=\"12\">12所</td><td><a href=\"#s1\">一、&lt;script&gt;alert(1)&lt;/script&gt;学前教育</a></td>"), page)
        XCTAssertTrue(page.contains("data-value=\"560000000\">5.6亿元</td><td>开头</td>"), page)
        XCTAssertTrue(page.contains("data-value=\"91.17\">91.17%</td>"), page)
        XCTAssertTrue(page.contains("<td data-unit=\"人\">686、598人</td><td><a href=\"#s2\">"), "a list has no value: \(page)")
        XCTAssertFalse(page.contains("<script>alert"), "raw script reached the page")
    }

    /// Text of a figure is the source's: markup in it is escaped by the template.
    func testFigureTextIsEscaped() throws {
        var report = Report(id: "x-01", sections: [Section(number: "一、", heading: "概况", level: 1, figures: [
            Figure(phrase: "<script>alert(1)</script>", written: "<b>3</b>所", value: 3, unit: "所\"><i>"),
        ])])
        report.title = "标题"
        var archived = ArchivedReport(report: report, sourceFile: "x.txt", sourceSlug: "x", position: 1, slug: "x-1",
                                      sections: [], topics: [], setByHand: [])
        archived.classify(with: TopicClassifier(topics: []))
        let rows = FigureTable.rows(archived)
        XCTAssertEqual(rows.count, 1)
        let templates = try TemplateSet(directory: SiteFixture.repository.appendingPathComponent("templates").path)
        let html = templates.render("report", ["title": "标题", "hasFigures": true, "figureCount": rows.count, "figureRowsHTML": rows.html])
        XCTAssertFalse(html.contains("<script>alert"), html)
        XCTAssertFalse(html.contains("<b>3</b>"), html)
        XCTAssertFalse(html.contains("\"><i>"), html)
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html)
    }

    func testNoTableWithoutFigures() throws {
        let site = try SiteFixture(self, extraSources: ["zz-plain.txt": "县教育局2023年工作总结\n\n一、加强管理\n落实责任，强化督导。\n"])
        try site.build()
        XCTAssertFalse(try site.text("reports/zz-plain-1.html").contains("class=\"figures\""))
    }
}
