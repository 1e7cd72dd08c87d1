import Foundation
import XCTest
@testable import SiteBuilder

/// Pages filled in from a shape's skeleton must be the bytes swift-mustache renders for the same context.
final class TemplateSkeletonTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("skeleton-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("partials"), withIntermediateDirectories: true)
        for name in TemplateSet.required where name != "report" {
            try write(name, "{{title}}")
        }
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func write(_ name: String, _ text: String) throws {
        try text.write(to: folder.appendingPathComponent("\(name).mustache"), atomically: true, encoding: .utf8)
    }

    private func direct(_ templates: TemplateSet, _ context: [String: Any]) -> String {
        templates.library.render(context, withTemplate: "report") ?? ""
    }

    /// Values that escape, empty ones, a missing key, lists of objects and of strings, numbers,
    /// and values ending a line inside an indented partial (swift-mustache indents the next line).
    private var contexts: [[String: Any]] { [
        ["title": "<script>alert(1)</script> & \"x\" 'y'", "raw": "<b>粗</b>", "n": 3, "flag": true,
         "items": [["name": "甲", "href": "a.html?x=1&y=2"], ["name": "乙", "href": "b.html"]], "lines": ["第一行\n", "", "三"],
         "body": "段落\n"],
        ["title": "标题", "raw": "", "n": 0, "flag": false, "items": [[String: Any]](), "lines": [String](), "body": ""],
        ["title": "无可选键", "n": 12, "flag": true, "items": [["name": "丙", "href": ""]], "lines": ["一"], "body": "x"],
        ["title": "<i>", "raw": "a\nb\n", "n": -1, "flag": true,
         "items": [["name": "甲", "href": "a"], ["name": "&amp;", "href": "b"], ["name": "\u{202E}右", "href": "c"]], "lines": ["\n"], "body": "\n"],
    ] }

    private static let template = """
        <h1>{{title}}</h1>{{#flag}}<p>{{{raw}}}</p>{{/flag}}{{^raw}}<p>空</p>{{/raw}}
        <ol>{{#items}}<li><a href="{{href}}">{{name}}</a> {{n}}</li>{{/items}}</ol>
          {{> partials/lines}}
        {{#n}}[{{.}}]{{/n}}
        """

    func testSkeletonPagesAreTheBytesMustacheRenders() throws {
        try write("report", Self.template)
        try "{{#lines}}{{.}}{{/lines}}\n{{body}}\nend\n".write(to: folder.appendingPathComponent("partials/lines.mustache"), atomically: true, encoding: .utf8)
        let templates = try TemplateSet(directory: folder.path)
        // Twice round: the first render of a shape makes its skeleton, the second fills it in.
        for round in 0..<2 {
            for (i, context) in contexts.enumerated() {
                XCTAssertEqual(String(decoding: templates.renderBytes("report", context), as: UTF8.self), direct(templates, context), "context \(i), round \(round)")
            }
        }
        // Same shape, other values: the skeleton is reused and the new values are in the page.
        var other = contexts[0]
        other["title"] = "另一个 <标题>"
        let page = String(decoding: templates.renderBytes("report", other), as: UTF8.self)
        XCTAssertEqual(page, direct(templates, other))
        XCTAssertTrue(page.contains("另一个 &lt;标题&gt;"))
    }

    func testTheArchivesOwnReportTemplateRendersTheSameFromSkeletons() throws {
        let templates = try TemplateSet(directory: SiteFixture.repository.appendingPathComponent("templates").path)
        let base: [String: Any] = [
            "lang": "zh-CN", "siteTitle": "档案", "pageTitle": "<县> 2023 年工作总结", "root": "../", "canonical": "https://e.org/r/x.html",
            "searchEnabled": true, "dataSQLite": false, "title": "<县> 2023 年工作总结", "titleByHand": false, "hasBreadcrumb": true,
            "breadcrumb": [["name": "首页", "href": "../index.html"], ["name": "浙江省", "href": "../regions/330000.html"]],
            "regionText": "浙江省", "regionByHand": false, "hasYear": true, "year": "2023", "yearFrom": "落款日期", "yearByHand": false,
            "yearHref": "../years/2023.html", "unknownYear": "年份不详", "typeName": "工作总结", "typeHref": "../types/summary.html",
            "sourceFile": "a&b.txt", "sourceHref": "../sources/a.txt", "markdownHref": "a.md", "position": 2, "topics": [["name": "学前教育", "href": "t.html"]],
            "hasTopics": true, "hasWarnings": true, "warnings": ["本篇<b>不完整</b>"], "hasFigures": false, "figureCount": 0, "figureRowsHTML": "",
            "hasToc": false, "tocHTML": "", "preamble": "<p>前言</p>\n", "sectionsHTML": "<section>一</section>\n", "hasSignature": true,
            "signature": ["某县教育局", "2023年12月"], "relationsHTML": ReportPageSlot.marker,
        ]
        var noYear = base
        noYear["hasYear"] = false
        noYear.removeValue(forKey: "year")
        noYear["signature"] = [String]()
        for context in [base, noYear, base] {
            let mustache = templates.library.render(context, withTemplate: "report") ?? ""
            XCTAssertEqual(String(decoding: templates.renderBytes("report", context), as: UTF8.self), mustache)
        }
    }

    func testATemplateWithATransformIsRenderedDirectly() throws {
        try write("report", "{{uppercased(title)}} {{#items}}{{name}}{{/items}}")
        let templates = try TemplateSet(directory: folder.path)
        let context: [String: Any] = ["title": "abc", "items": [["name": "x"]]]
        XCTAssertEqual(String(decoding: templates.renderBytes("report", context), as: UTF8.self), "ABC x")
        XCTAssertFalse(SkeletonCache.fits("{{uppercased(title)}}"))
        XCTAssertTrue(SkeletonCache.fits("{{title}} (括号) {{#a}}{{/a}}"))
    }
}
