import ReportMarkdown
import TestSupport
import XCTest

/// The escaper's contract: after escaping, no report text becomes markup, and the text comes back
/// through cmark exactly (as cmark writes text: `& < > "` as entities, line ends trimmed).
final class MarkdownEscaperTests: XCTestCase {
    static let asciiPunctuation = Array(##"!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"##.unicodeScalars).map(String.init)

    static let hostile = [
        "*x*", "**x**", "_x_", "__x__", "`x`", "``x``", "[a](javascript:x)", "[a](http://x)", "![i](x.png)",
        "[a]: http://x", "[a]", "<script>alert(1)</script>", "<b>粗</b>", "<!-- c -->", "&amp;", "&#x41;", "&#65;",
        "&copy;", "# x", "## x", "###### x", "####### x", "#x", "1. x", "1) x", "2. x", "123456789. x", "1234567890. x",
        "1.", "1)", "- x", "+ x", "* x", "-", "+", "*", "> x", ">x", "===", "---", "***", "___", "- - -", "* * *",
        "_ _ _", "=", "    code", "\tcode", "        deep", "~~~", "```", "~~~ swift", "```js", "\\", "\\*", "a\\",
        "x  ", "a  \nb", "<http://x>", "<a@b.c>", "http://x", "www.x.com", "a\n# b", "a\n1. b", "a\n- b", "a\n> b",
        "a\n===", "a\n---", "a\n    b", "a\n```\nb", "a\n\nb", "a\n \n\t\nb", "\n\na\n\n", "a\r\nb\rc", "x\n<div>",
        "<div>\nx", "a\\\nb", "[x\n]: /u", "`a\nb`", "*a\nb*", "\u{0}", "a\u{0}b", "\u{0C}1. x\u{0C}", "1.\u{0C}x",
        "1.\u{0B}x", "\u{0B}- x", "x\u{0C}", "　　1. 全角缩进", "\u{A0}# 不换行空格", "教育局**重点**工作", "3~5月",
        "AT&T", "a & b", "&", "&;", "&#", "&#;", "C:\\路径\\文件", "\"引号\" 'single'", "100%", "a|b|c", "|---|",
        "<<>>", "</p>", "]]>", "{{ mustache }}", "$x$", "^上标^", "~~删除~~", "==高亮==", "- [ ] task", ":emoji:",
        "a\u{2028}b", "\u{FEFF}# bom", "😀 *x*", "e\u{301}*x*",
    ]

    // MARK: Readability: only what could be markup is escaped

    func testChineseTextAndHarmlessPunctuationAreUntouched() {
        for text in [
            "教育局2023年工作总结：一、强化党建引领（一）落实“双减”政策，共3.5万人参与。",
            "1.5亿元投入", "2023.5.1", "12345", "3~5月", "AT&T", "a & b", "a > b", "a - b", "a + b = c", "a # b",
            "100%", "(一)", "（二）", "①", "第1.章", "1.工作", "1)工作", "　　1. 全角缩进", "x.y, z; w? v! 'q' \"d\"",
        ] {
            XCTAssertSameBytes(MarkdownEscaper.escapeParagraph(text), text)
        }
    }

    func testEscapesExactlyWhereMarkupCouldStart() {
        let cases: [(String, String)] = [
            ("1. 强化", ##"1\. 强化"##), ("1) x", ##"1\) x"##), ("12.", ##"12\."##), ("1.\tx", "1\\.\tx"),
            ("# x", ##"\# x"##), ("> q", ##"\> q"##), ("- x", ##"\- x"##), ("+ x", ##"\+ x"##), ("===", ##"\==="##),
            ("---", ##"\---"##), ("~~~", ##"\~~~"##), ("*x*", ##"\*x\*"##), ("_x_", ##"\_x\_"##), ("`x`", ##"\`x\`"##),
            ("[a](b)", ##"\[a\](b)"##), ("<b>", ##"\<b>"##), ("&amp;", ##"\&amp;"##), ("&#1;", ##"\&#1;"##), ("&#X1f;", ##"\&#X1f;"##), ("AT&T;", ##"AT\&T;"##),
            ("\u{FEFF}# x", ##"&#xFEFF;\# x"##), ("C:\\", ##"C:\\"##),
            ("    code", "code"), ("a  \nb", "a\\\nb"), ("a\r\nb\rc", "a\\\nb\\\nc"), ("\n\na\n\n", "a"),
            ("a\n\nb", "a\\\n\\\nb"), ("a\n  # b", "a\\\n\\# b"), ("", ""), (" \n\t ", ""),
        ]
        for (text, markdown) in cases {
            XCTAssertSameBytes(MarkdownEscaper.escapeParagraph(text), markdown, "for \(String(reflecting: text))")
        }
    }

    func testInlineEscapesEveryHashAndJoinsLines() {
        XCTAssertSameBytes(MarkdownEscaper.escapeInline("C # 语言 #"), ##"C \# 语言 \#"##)
        XCTAssertSameBytes(MarkdownEscaper.escapeInline("第一行\n第二行"), "第一行 第二行")
        XCTAssertSameBytes(MarkdownEscaper.escapeInline("  1. 强化\n"), ##"1\. 强化"##)
        XCTAssertSameBytes(MarkdownEscaper.escapeInline("一、强化党建引领"), "一、强化党建引领")
        // In a heading, an unescaped trailing ` #` run would be eaten as the closing sequence.
        XCTAssertSameBytes(CommonMark.html(fromMarkdown: "# " + MarkdownEscaper.escapeInline("C #")), "<h1>C #</h1>\n")
    }

    // MARK: Property: the text comes back as plain text

    func testHostileCasesComeBackAsText() {
        var checker = RoundTrip()
        for text in Self.hostile {
            checker.check(text)
            checker.check("前文" + text)
            checker.check(text + "\n后文 " + text)
        }
        checker.finish()
    }

    func testEveryPunctuationAloneAndInPairsAtLineStartAndMidLine() {
        var checker = RoundTrip()
        let punctuation = Self.asciiPunctuation
        for p in punctuation {
            for text in [p, p + p + p, p + " x", p + "x", "x" + p, "x " + p + " y", "x" + p + "y", "1" + p, "1" + p + " x",
                         "123" + p + "\tx", "x\n" + p + " y", "x\n" + p + p + p, "  " + p + " 缩进", "文" + p + "字" + p] {
                checker.check(text)
            }
            for q in punctuation {
                for text in [p + q, p + q + " x", p + " " + q, p + q + "x" + q + p, "a" + p + q + "b", "a " + p + q + " b",
                             "a\n" + p + q, "a\n" + p + " " + q + " b", "1" + p + q, "汉" + p + q + "字"] {
                    checker.check(text)
                }
            }
        }
        checker.finish()
    }

    func testSeededRandomMixesComeBackAsText() {
        var generator = SeededGenerator(seed: 0x5EED_2024)
        let pieces = Self.asciiPunctuation + (0...9).map(String.init)
            + [" ", " ", " ", "  ", "    ", "\t", "\n", "\n", "\r\n", "\r", "\u{0B}", "\u{0C}", "\u{0}"]
            + ["教", "育", "局", "工", "作", "总", "结", "、", "（", "）", "。", "，", "“", "”", "　", "\u{A0}", "a", "x", "Z"]
        var checker = RoundTrip()
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...24, using: &generator)
            checker.check((0..<length).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        // Larger units: the hostile snippets glued together find interactions single characters rarely hit.
        for _ in 0..<5_000 {
            let length = Int.random(in: 1...6, using: &generator)
            checker.check((0..<length).map { _ in
                Bool.random(using: &generator) ? Self.hostile.randomElement(using: &generator)! : pieces.randomElement(using: &generator)!
            }.joined())
        }
        checker.finish()
        XCTAssertEqual(checker.checked, 25_000)
    }

    /// Checks one text in every context the archive uses, collecting failures instead of flooding the log.
    struct RoundTrip {
        var failures: [String] = []
        var checked = 0

        mutating func check(_ text: String) {
            checked += 1
            let paragraph = MarkdownEscaper.escapeParagraph(text)
            let inline = MarkdownEscaper.escapeInline(text)
            let results = [
                ("paragraph", CommonMark.html(fromMarkdown: paragraph), ExpectedHTML.paragraph(text)),
                // Placed after a heading and before another paragraph, as in a document.
                ("paragraph in document", CommonMark.html(fromMarkdown: "## h\n\n" + paragraph + "\n\nend\n"),
                 "<h2>h</h2>\n" + ExpectedHTML.paragraph(text) + "<p>end</p>\n"),
                ("heading", CommonMark.html(fromMarkdown: "# " + inline), ExpectedHTML.heading(text)),
                ("inline alone", CommonMark.html(fromMarkdown: inline), ExpectedHTML.paragraph(ExpectedHTML.inlineText(text))),
            ]
            for (context, actual, expected) in results where !Array(actual.utf8).elementsEqual(expected.utf8) {
                if failures.count < 20 {
                    failures.append("\(context): \(String(reflecting: text)) → \(String(reflecting: context.hasPrefix("paragraph") ? paragraph : inline)) → \(String(reflecting: actual)), expected \(String(reflecting: expected))")
                }
            }
        }

        func finish(file: StaticString = #filePath, line: UInt = #line) {
            XCTAssertTrue(checked > 0, file: file, line: line)
            for failure in failures { XCTFail(failure, file: file, line: line) }
        }
    }

    // MARK: Throughput

    func testEscapingAndRenderingEightMegabytesStaysFast() {
        // About 8 MB of report-like text with markup characters sprinkled in, as a document of paragraphs.
        // A quadratic step or a per-Character loop would take minutes here even in a debug build; the
        // release build does 50 MB in well under a second.
        let paragraph = "　　2023年，我局坚持*立德树人*，投入1.5亿元，完成[重点]工作<12>项；AT&T & #标签 `代码` C:\\路径。\n1. 强化党建引领"
        let paragraphs = Array(repeating: paragraph, count: 8_000_000 / paragraph.utf8.count)
        let start = ContinuousClock.now
        let html = CommonMark.html(fromMarkdown: ReportDocument.markdown(paragraphs: paragraphs))
        let elapsed = ContinuousClock.now - start
        let expected = ExpectedHTML.paragraph(paragraph)
        XCTAssertEqual(html.utf8.count, expected.utf8.count * paragraphs.count)
        XCTAssertTrue(html.hasPrefix(expected + expected))
        XCTAssertLessThan(elapsed, .seconds(10), "escaping + rendering 8 MB took \(elapsed)")
    }
}
