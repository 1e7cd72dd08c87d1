import Foundation
import Markup
import XCTest

@testable import SiteBuilder

/// A report page's headings follow the report's heading tree: the title is the only `h1`, the top
/// level `h2`, each level below one more, whatever the numbering; the Markdown says the same.
final class ReportHeadingLevelsTests: XCTestCase {
    /// Numbered from `1.` only: no 一、 or （一） above it.
    static let arabicOnly = """
    宁海县教育局2023年工作要点

    2023年，全县教育工作的要点如下。

    1. 加强党的建设
    全面落实党组织领导的校长负责制，开展主题教育。
    2. 推进双减落实
    规范校外培训，提升课后服务水平。
    """

    /// Three levels: 一、 → （一） → 1.
    static let threeLevels = """
    象山县教育局2022年工作总结

    2022年，我局围绕年度目标扎实推进各项工作。

    一、强化党建引领
    （一）落实主体责任
    1. 健全工作制度
    制定党建工作责任清单，压实各级责任。
    2. 开展专题学习
    全年组织专题学习十二次。
    （二）加强队伍建设
    开展师德师风专项整治。
    二、推进教育均衡
    新建改扩建学校五所。
    """

    private func buildSite() throws -> SiteFixture {
        let site = try SiteFixture(self, extraSources: ["zz-arabic.txt": Self.arabicOnly, "zz-three.txt": Self.threeLevels])
        let summary = try site.build()
        XCTAssertTrue(summary.errors.isEmpty, "\(summary.errors)")
        return site
    }

    func testLevelsComeFromDepthNotNumbering() throws {
        let site = try buildSite()
        XCTAssertEqual(try Self.bodyHeadings(try site.text("reports/zz-arabic-1.html")).map(\.level), [2, 2])
        XCTAssertEqual(try Self.bodyHeadings(try site.text("reports/zz-three-1.html")).map(\.level), [2, 3, 4, 4, 3, 2])
        XCTAssertEqual(try Self.bodyHeadings(try site.text("reports/zz-three-1.html")).map(\.text),
                       ["一、强化党建引领", "（一）落实主体责任", "1.健全工作制度", "2.开展专题学习", "（二）加强队伍建设", "二、推进教育均衡"])
        XCTAssertEqual(Self.markdownLevels(try site.text("reports/zz-arabic-1.md")), [1, 2, 2])
        XCTAssertEqual(Self.markdownLevels(try site.text("reports/zz-three-1.md")), [1, 2, 3, 4, 4, 3, 2])
    }

    /// Every report page of the seeds and the fixtures: one `h1`, the title, no level skipped below
    /// it, and the Markdown's headings at the same levels in the same order.
    func testEveryReportPageHasOneH1AndAgreesWithItsMarkdown() throws {
        let site = try buildSite()
        let reports = site.output.appendingPathComponent("reports")
        let pages = try FileManager.default.contentsOfDirectory(atPath: reports.path).filter { $0.hasSuffix(".html") }.sorted()
        XCTAssertEqual(pages.count, 17)
        for name in pages {
            let text = try site.text("reports/" + name)
            let page = try PageMarkup.html(text)
            let h1s = page.everyElement("h1")
            XCTAssertEqual(h1s.count, 1, name)
            let headings = try Self.bodyHeadings(text).map(\.level)
            var previous = 1
            for level in headings {
                XCTAssertLessThanOrEqual(level, previous + 1, "\(name) skips from h\(previous) to h\(level)")
                previous = level
            }
            let markdown = Self.markdownLevels(try site.text("reports/" + name.dropLast(5) + ".md"))
            XCTAssertEqual(Array(markdown.drop { $0 == 1 }), headings, name)
        }
    }

    /// The section headings of a report page's body, in document order.
    static func bodyHeadings(_ text: String) throws -> [(level: Int, text: String)] {
        let body = try XCTUnwrap(PageMarkup.html(text).everyElement("div").first { $0.hasClass("body") })
        var out: [(level: Int, text: String)] = []
        func walk(_ element: MarkupElement) {
            for case .element(let e) in element.children {
                if e.name.count == 2, e.name.first == "h", let level = Int(e.name.dropFirst()) {
                    out.append((level, e.words))
                } else {
                    walk(e)
                }
            }
        }
        walk(body)
        return out
    }

    /// The `#` count of each ATX heading line of a Markdown file, front matter left out (source text
    /// that starts with `#` is escaped, so only headings start a line with it).
    static func markdownLevels(_ markdown: String) -> [Int] {
        markdown.split(separator: "\n").compactMap { (line: Substring) -> Int? in
            let hashes = line.prefix { $0 == "#" }.count
            return hashes > 0 && line.dropFirst(hashes).first == " " ? hashes : nil
        }
    }
}
