import Foundation
import Markup
import XCTest

@testable import SiteBuilder

/// Source text carrying bidi controls (U+202E RIGHT-TO-LEFT OVERRIDE here) is isolated wherever a
/// page shows it, so it cannot reorder the page text after it.
final class BidiIsolationTests: XCTestCase {
    static let override = "\u{202E}"

    func testTitlesAndNamesFromSourcesAreIsolatedOnEveryPage() throws {
        let site = try SiteFixture(self, extraSources: [
            "zz-bidi.txt": "宁海县教育局\(Self.override)2024年工作计划\n\n2024年，全县教育工作计划如下。\n\n一、加强党的建设\n全面落实党组织领导的校长负责制。\n",
            "zz-arabic.txt": ReportHeadingLevelsTests.arabicOnly,
        ])
        let summary = try site.build()
        XCTAssertTrue(summary.errors.isEmpty, "\(summary.errors)")

        // The report page's own title, the list pages that list it, and its neighbour's relations block.
        let report = try PageMarkup.html(try site.text("reports/zz-bidi-1.html"))
        let h1 = try XCTUnwrap(report.everyElement("h1").first)
        XCTAssertTrue(h1.everyElement("bdi").contains { $0.text.contains(Self.override) }, "\(h1)")
        for path in ["reports/zz-bidi-1.html", "years/2024.html", "types/plan.html", "reports/zz-arabic-1.html"] {
            XCTAssertTrue(try site.text(path).contains("<bdi>宁海县教育局\(Self.override)2024年工作计划</bdi>"), path)
        }
        // Breadcrumbs: each place's name in its own isolate.
        for path in ["reports/zz-bidi-1.html", "regions/330226.html"] {
            let crumbs = try PageMarkup.html(try site.text(path)).everyElement("nav").filter { $0.hasClass("breadcrumb") }
                .flatMap { $0.everyElement("a") }.filter { $0.words != "首页" }
            XCTAssertFalse(crumbs.isEmpty, path)
            for crumb in crumbs {
                XCTAssertEqual(crumb.everyElement("bdi").map(\.words), [crumb.words], "\(path): \(crumb)")
            }
        }

        // Nowhere on the site does the control stand outside an isolate.
        var checked = 0
        for case let path as String in FileManager.default.enumerator(atPath: site.output.path)! where path.hasSuffix(".html") {
            let text = try site.text(path)
            guard text.contains(Self.override) else { continue }
            checked += 1
            let loose = Self.unisolatedText(in: try PageMarkup.html(text))
            XCTAssertEqual(loose, [], path)
        }
        XCTAssertGreaterThanOrEqual(checked, 5)

        // The feed is text, not HTML: the title sits between U+2068 and U+2069; titles without bidi text are left alone.
        let feed = try site.text("feed.xml")
        XCTAssertTrue(feed.contains("<title>\u{2068}宁海县教育局\(Self.override)2024年工作计划\u{2069}</title>"), feed)
        XCTAssertTrue(feed.contains("<title>余姚市教育局2023年工作总结和2024年工作思路</title>"))
    }

    /// Text nodes with a bidi control that are not inside `<bdi>` or an element with a `dir`
    /// attribute; the document's `<title>` is not page text.
    static func unisolatedText(in element: MarkupElement, isolated: Bool = false) -> [String] {
        var out: [String] = []
        let isolated = isolated || element.name == "bdi" || element.name == "title" || element.attribute("dir") != nil
        for child in element.children {
            switch child {
            case .text(let text):
                if !isolated, text.unicodeScalars.contains(where: isBidiControl) { out.append("<\(element.name)>\(text)") }
            case .element(let e):
                out += unisolatedText(in: e, isolated: isolated)
            }
        }
        return out
    }

    static func isBidiControl(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x200E, 0x200F, 0x061C, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
