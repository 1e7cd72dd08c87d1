import Foundation
import ReportModel
import XCTest

@testable import SiteBuilder

final class ComparePageTests: XCTestCase {
    static let topics = [
        TopicDefinition(name: "学前教育", slug: "preschool", keywords: ["学前", "幼儿园"]),
        TopicDefinition(name: "义务教育", slug: "compulsory", keywords: ["义务教育"]),
        TopicDefinition(name: "校园安全", slug: "safety", keywords: ["安全"]),
    ]

    func report(_ slug: String, _ title: String, year: Int, topics: [Int], sections: [ListedReport.SectionSummary]) -> ListedReport {
        ListedReport(slug: slug, id: slug, sourceFile: "\(slug).txt", position: 1, title: title, listedTitle: nil, issuer: nil,
                     region: Region(), year: year, docType: .summary, complete: true, signedDate: nil, publishedDate: nil,
                     topics: topics, sections: sections)
    }

    func comparePage(pretty: Bool = false) throws -> ComparePage {
        let config = try SiteConfig.parse("[site]\ntitle = \"报告库\"\nbase_url = \"https://example.org/\"\npretty_urls = \(pretty)\n", file: "archive.toml")
        return ComparePage(page: PageContext(config: config, paths: SitePaths(pretty: pretty)), classifier: TopicClassifier(topics: Self.topics),
                           templates: try TemplateSet(directory: SiteFixture.repository.appendingPathComponent("templates").path))
    }

    func html(_ page: ComparePage, _ a: ListedReport, _ b: ListedReport, differences: TextDifferences? = nil, similarity: Double? = nil) -> String {
        String(decoding: page.file(a, b, differences: differences, similarity: similarity).bytes, as: UTF8.self)
    }

    func testPathsOfComparePages() {
        XCTAssertEqual(SitePaths(pretty: false).compare("a-1", "b-2"), "compare/a-1--b-2.html")
        XCTAssertEqual(SitePaths(pretty: true).compare("a-1", "b-2"), "compare/a-1--b-2/index.html")
    }

    /// Each heading links to its own section, on its own report's page; a heading the other report
    /// lacks stands beside a visible gap.
    func testRowsLinkEachHeadingToItsSection() throws {
        let a = report("a-1", "2023年总结", year: 2023, topics: [], sections: HeadingAlignmentTests.summary2023)
        let b = report("b-1", "2024年总结", year: 2024, topics: [], sections: HeadingAlignmentTests.summary2024)
        let page = html(try comparePage(), a, b)
        XCTAssertTrue(page.contains("<tr class=\"pair depth-0\"><td class=\"a\"><a href=\"../reports/a-1.html#s1\"><bdi>一、学前教育优质普惠发展</bdi></a></td><td class=\"sim\" title=\"标题相似度\">60%</td><td class=\"b\"><a href=\"../reports/b-1.html#s1\"><bdi>一、学前教育普惠发展成效显著</bdi></a></td></tr>"), page)
        XCTAssertTrue(page.contains("<tr class=\"only-b depth-0\"><td class=\"a gap\"><span>无对应标题</span></td><td class=\"sim\"></td><td class=\"b\"><a href=\"../reports/b-1.html#s3\"><bdi>三、职业教育提质培优</bdi></a></td></tr>"), page)
        XCTAssertTrue(page.contains("<a href=\"../reports/a-1.html#s3\"><bdi>三、加强教师队伍建设</bdi></a></td><td class=\"sim\" title=\"标题相似度\">100%</td><td class=\"b\"><a href=\"../reports/b-1.html#s4\"><bdi>四、加强教师队伍建设</bdi></a>"), page)
        XCTAssertTrue(page.contains("对应的标题 7 对；仅 A 有 0 个，仅 B 有 2 个"), page)
        XCTAssertTrue(page.contains("<link rel=\"stylesheet\" href=\"../style.css\">"), page)
        XCTAssertFalse(page.contains("名称与数字的差异"), "no texts were read")
        XCTAssertFalse(page.contains("文字相同"), "no similarity was given")

        let pretty = html(try comparePage(pretty: true), a, b)
        XCTAssertTrue(pretty.contains("<a href=\"../../reports/a-1/index.html#s1\">"), pretty)
    }

    func testTopicsInOnlyOneReportAreMarked() throws {
        let a = report("a-1", "甲", year: 2023, topics: [0, 1], sections: HeadingAlignmentTests.outline([(0, "一、", "学前教育")], topics: [[0, 2]]))
        let b = report("b-1", "乙", year: 2024, topics: [1, 2], sections: HeadingAlignmentTests.outline([(0, "一、", "学前教育")], topics: [[0]]))
        let page = html(try comparePage(), a, b)
        XCTAssertTrue(page.contains("<a class=\"tag only\" href=\"../topics/preschool.html\">学前教育<span class=\"sr\">（仅此篇）</span></a><a class=\"tag\" href=\"../topics/compulsory.html\">义务教育</a>"), page)
        XCTAssertTrue(page.contains("<a class=\"tag\" href=\"../topics/compulsory.html\">义务教育</a><a class=\"tag only\" href=\"../topics/safety.html\">校园安全<span class=\"sr\">（仅此篇）</span></a>"), page)
        // The row: A's section has 校园安全, B's paired section has not.
        XCTAssertTrue(page.contains("学前教育</bdi></a><span class=\"row-topics\"><span class=\"tag only\" title=\"B 的对应章节无此主题\">校园安全</span></span></td>"), page)
        XCTAssertEqual(page.components(separatedBy: "class=\"row-topics\"").count, 2, "only the side with the extra topic")
    }

    func testDifferencesAndSimilarityAreShownWhenGiven() throws {
        let a = report("a-1", "甲", year: 2023, topics: [], sections: [])
        let b = report("b-1", "乙", year: 2024, topics: [], sections: [])
        let differences = TextDifferences(items: [.init(kind: .number, a: "12所", b: "15所", context: "新建幼儿园", count: 2)], omitted: 3)
        let page = html(try comparePage(), a, b, differences: differences, similarity: 0.874)
        XCTAssertTrue(page.contains("<strong>约 87% 文字相同</strong>"), page)
        XCTAssertTrue(page.contains("<h2>名称与数字的差异</h2>"), page)
        XCTAssertTrue(page.contains("<tr><td class=\"kind\">数字</td><td class=\"context\">…新建幼儿园</td><td class=\"a\">12所</td><td class=\"b\">15所 <span class=\"count\">×2</span></td></tr>"), page)
        XCTAssertTrue(page.contains("另有 3 处未列出。"), page)
        let none = html(try comparePage(), a, b, differences: TextDifferences(items: []), similarity: nil)
        XCTAssertTrue(none.contains("相近的句子中没有改动的名称或数字。"), none)
    }

    /// Headings, titles, topics and differences are the sources' text: markup in them stays text.
    func testTextIsEscaped() throws {
        let hostile = "<script>alert(1)</script>"
        let a = report("a-1", "标题\(hostile)", year: 2023, topics: [0],
                       sections: HeadingAlignmentTests.outline([(0, "一、", "学前教育\(hostile)")], topics: [[0]]))
        let b = report("b-1", "乙\"'&", year: 2024, topics: [],
                       sections: HeadingAlignmentTests.outline([(0, "一、", "学前教育\(hostile)")]))
        let differences = TextDifferences(items: [.init(kind: .name, a: hostile, b: "<b>x</b>", context: "<i>")])
        let page = html(try comparePage(), a, b, differences: differences, similarity: nil)
        XCTAssertFalse(page.contains("<script>alert"), page)
        XCTAssertFalse(page.contains("<b>x</b>") || page.contains("<i>"), page)
        XCTAssertTrue(page.contains("<bdi>一、学前教育&lt;script&gt;alert(1)&lt;/script&gt;</bdi></a>"), page)
        XCTAssertTrue(page.contains("乙&quot;&#39;&amp;"), page)
    }

    /// A bidi control in a title or heading stays inside its own isolate on the compare page.
    func testSourceTextIsIsolated() throws {
        let a = report("a-1", "甲\u{202E}2023", year: 2023, topics: [],
                       sections: HeadingAlignmentTests.outline([(0, "一、", "学前\u{202E}教育")]))
        let b = report("b-1", "乙", year: 2024, topics: [], sections: HeadingAlignmentTests.outline([(0, "一、", "学前教育")]))
        let page = html(try comparePage(), a, b)
        XCTAssertEqual(BidiIsolationTests.unisolatedText(in: try PageMarkup.html(page)), [], page)
        XCTAssertTrue(page.contains("<a href=\"../reports/a-1.html\"><bdi>甲\u{202E}2023</bdi></a></h2>"), page)
    }

    /// The page a site would show for two reports of one county, built from their sources: every link
    /// it makes leads to a page of the built site, and every `#anchor` to a section there.
    func testLinksOfTwoBuiltReportsResolve() throws {
        let site = try SiteFixture(self, extraSources: [
            "zz-2023.txt": "余姚市教育局2023年工作总结\n\n一、学前教育优质普惠发展\n全年新建幼儿园12所。\n二、加强教师队伍建设\n开展教师培训。\n",
            "zz-2024.txt": "余姚市教育局2024年工作总结\n\n一、学前教育普惠发展成效显著\n全年新建幼儿园15所。\n二、职业教育提质培优\n建成实训基地。\n三、加强教师队伍建设\n开展教师培训。\n",
        ])
        try site.build()
        let comparison = try ReportComparison(configPath: site.config.path, "zz-2023-1", "zz-2024-01")
        XCTAssertEqual(comparison.sitePath, "compare/zz-2023-1--zz-2024-1.html")
        let file = site.output.appendingPathComponent(comparison.sitePath)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let page = try comparison.html(writtenTo: file.path)
        XCTAssertEqual(comparison.differences.items.map { [$0.a, $0.b] }, [["2023年", "2024年"], ["12所", "15所"]])
        XCTAssertTrue(page.contains("<a href=\"../reports/zz-2023-1.html#s2\"><bdi>二、加强教师队伍建设</bdi></a>"), page)
        XCTAssertTrue(page.contains("<a class=\"crumb\" href=\"../regions/330281.html\"><bdi>余姚市</bdi></a>"), page)

        var checked = 0
        for href in Self.hrefs(in: page) where !href.hasPrefix("http") {
            let parts = href.split(separator: "#", maxSplits: 1).map(String.init)
            let target = URL(fileURLWithPath: parts[0], relativeTo: file.deletingLastPathComponent()).standardizedFileURL
            XCTAssertTrue(FileManager.default.fileExists(atPath: target.path), "\(href) leads nowhere")
            if parts.count == 2 {
                let text = (try? String(contentsOf: target, encoding: .utf8)) ?? ""
                XCTAssertTrue(text.contains("<section id=\"\(parts[1])\""), "\(href): no such section")
            }
            checked += 1
        }
        XCTAssertGreaterThan(checked, 15)
    }

    static func hrefs(in page: String) -> [String] {
        page.components(separatedBy: "href=\"").dropFirst().compactMap { $0.split(separator: "\"", maxSplits: 1).first.map(String.init) }
    }
}
