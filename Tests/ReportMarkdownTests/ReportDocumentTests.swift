import ReportMarkdown
import ReportModel
import XCTest

/// A report's Markdown: structure from the parsed report only, text exactly as in the source.
final class ReportDocumentTests: XCTestCase {
    static let frontMatter = FrontMatter([("id", "003-05"), ("title", "标题")])

    static let hostileReport = Report(
        id: "003-05",
        title: "# **2023年** <script>alert(1)</script> [链接](javascript:alert(1)) 工作总结 #",
        paragraphs: [
            "　　今年以来，我局坚持*立德树人*，投入1.5亿元。",
            "1. 这不是列表\n- 也不是\n> 不是引用\n```\n    不是代码\n---\n===\n~~~",
            "<http://example.com> &amp; &#x41; `代码` _强调_ ![图](x.png) [ref]: /url",
            "行尾两个空格  \n下一行\\",
        ],
        sections: [
            Section(number: "", heading: "第一部分 2023年工作总结", level: 0, children: [
                Section(number: "一、", heading: "强化*党建*引领", level: 1, paragraphs: ["* 不是列表项"], children: [
                    Section(number: "（一）", heading: "落实<b>双减</b>", level: 2, children: [
                        Section(number: "1.", heading: "", level: 3, paragraphs: ["+ 加号开头"], children: [
                            Section(number: "(1)", heading: "课后服务 & 托管", level: 4, children: [
                                Section(number: "①", heading: "# 井号开头", level: 5, paragraphs: ["1) 括号"]),
                            ]),
                        ]),
                    ]),
                ]),
                Section(number: "二、", heading: "1. 数字开头的标题", level: 1),
            ]),
        ],
        signature: "XX县教育局\n2023年12月25日  "
    )

    func testHostileTextNeverBecomesMarkup() {
        let markdown = ReportDocument.markdown(for: Self.hostileReport, frontMatter: Self.frontMatter)
        XCTAssertTrue(markdown.hasPrefix(Self.frontMatter.yaml + "\n# "), markdown)
        let body = String(decoding: markdown.utf8.dropFirst(Self.frontMatter.yaml.utf8.count + 1), as: UTF8.self)
        XCTAssertSameBytes(body, ReportDocument.body(for: Self.hostileReport))

        let html = CommonMark.html(fromMarkdown: body)
        for forbidden in ["<em>", "<strong>", "<a ", "<script", "<img", "<li>", "<ol", "<ul>", "<blockquote>", "<code>", "<pre>",
                          "<hr", "<b>", "<!--"] {
            XCTAssertFalse(html.contains(forbidden), "\(forbidden) in \(html)")
        }
        XCTAssertEqual(html.components(separatedBy: "<h1>").count - 1, 1, "only the title is an H1: \(html)")
        XCTAssertTrue(html.hasPrefix("<h1># **2023年** &lt;script&gt;alert(1)&lt;/script&gt; [链接](javascript:alert(1)) 工作总结 #</h1>\n"), html)
    }

    func testEveryCharacterComesBackInReadingOrder() {
        let html = CommonMark.html(fromMarkdown: ReportDocument.body(for: Self.hostileReport))
        let report = Self.hostileReport
        // Each block's text on its own line, as cmark writes blocks; paragraph lines trimmed and split at `<br />`.
        var expected: [String] = [ExpectedHTML.inlineText(report.title!)]
        expected += report.paragraphs.flatMap(ExpectedHTML.lines)
        func walk(_ sections: [Section]) {
            for section in sections {
                expected.append(ExpectedHTML.inlineText(section.number + section.heading))
                expected += section.paragraphs.flatMap(ExpectedHTML.lines)
                walk(section.children)
            }
        }
        walk(report.sections)
        expected += ExpectedHTML.lines(report.signature!)
        XCTAssertSameBytes(ExpectedHTML.textContent(ofHTML: html), expected.joined(separator: "\n") + "\n")
    }

    func testHeadingLevelsFollowTheTreeAndKeepTheirNumbers() {
        let html = CommonMark.html(fromMarkdown: ReportDocument.body(for: Self.hostileReport))
        for heading in [
            "<h2>第一部分 2023年工作总结</h2>", "<h3>一、强化*党建*引领</h3>", "<h4>（一）落实&lt;b&gt;双减&lt;/b&gt;</h4>",
            "<h5>1.</h5>", "<h6>(1)课后服务 &amp; 托管</h6>", "<h6>①# 井号开头</h6>", "<h3>二、1. 数字开头的标题</h3>",
        ] {
            XCTAssertTrue(html.contains(heading), "\(heading) missing from \(html)")
        }
        let markdown = ReportDocument.body(for: Self.hostileReport)
        XCTAssertTrue(markdown.contains("\n### 一、强化\\*党建\\*引领\n"), markdown)
        XCTAssertTrue(markdown.contains("\n##### 1\\.\n"), markdown)
        XCTAssertEqual((-1...6).map(ReportDocument.headingLevel(depth:)), [2, 2, 3, 4, 5, 6, 6, 6])
    }

    /// The numbering kind never sets the level: a report whose top level is `1.` or `（一）` starts at `##`.
    func testTopLevelIsH2WhateverItsNumbering() {
        for (top, child) in [(("1.", 3), ("(1)", 4)), (("（一）", 2), ("1.", 3)), (("一、", 1), ("（一）", 2))] {
            let report = Report(id: "1", title: "某县教育局2023年工作要点", sections: [
                Section(number: top.0, heading: "上", level: top.1, children: [Section(number: child.0, heading: "下", level: child.1)]),
                Section(number: top.0, heading: "又", level: top.1),
            ])
            let html = CommonMark.html(fromMarkdown: ReportDocument.body(for: report))
            let levels = html.split(separator: "\n").compactMap { $0.hasPrefix("<h") ? Int(String($0.dropFirst(2).prefix(1))) : nil }
            XCTAssertEqual(levels, [1, 2, 3, 2], "\(top.0): \(html)")
        }
    }

    func testExactDocumentLayout() {
        let report = Report(
            id: "1", title: "某县教育局2023年工作总结", paragraphs: ["开头。", "  "],
            sections: [Section(number: "一、", heading: "主要工作", level: 1, paragraphs: ["第一段。", "第二段。"],
                               children: [Section(number: "（一）", heading: "党建", level: 2)]),
                       // No number and no heading text: no empty `##`, but its paragraphs stay.
                       Section(number: "", heading: " ", level: 1, paragraphs: ["无标题的一段。"])],
            signature: "某县教育局\n2023年12月"
        )
        XCTAssertSameBytes(ReportDocument.markdown(for: report, frontMatter: FrontMatter([("id", "1")])), """
            ---
            id: "1"
            ---

            # 某县教育局2023年工作总结

            开头。

            ## 一、主要工作

            第一段。

            第二段。

            ### （一）党建

            无标题的一段。

            某县教育局\\
            2023年12月

            """)
    }

    func testMissingTitleIsNotInvented() {
        let report = Report(id: "1", title: nil, paragraphs: ["正文。"])
        XCTAssertSameBytes(ReportDocument.body(for: report), "正文。\n")
        let blank = Report(id: "2", title: "  \n", paragraphs: ["正文。"])
        XCTAssertSameBytes(ReportDocument.body(for: blank), "正文。\n")
        XCTAssertFalse(CommonMark.html(fromMarkdown: ReportDocument.body(for: report)).contains("<h1>"))
        XCTAssertSameBytes(ReportDocument.body(for: Report(id: "3")), "")
    }

    func testParagraphsForOneSection() {
        XCTAssertSameBytes(ReportDocument.markdown(paragraphs: []), "")
        XCTAssertSameBytes(ReportDocument.markdown(paragraphs: ["一段。", "", "1. 二段\n第二行"]), "一段。\n\n1\\. 二段\\\n第二行\n")
        XCTAssertSameBytes(CommonMark.html(fromMarkdown: ReportDocument.markdown(paragraphs: ["*a*", "# b"])), "<p>*a*</p>\n<p># b</p>\n")
    }
}
