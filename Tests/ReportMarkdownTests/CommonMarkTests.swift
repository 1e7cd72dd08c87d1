import ReportMarkdown
import XCTest

/// The cmark wrapper: the options it promises (safe mode) and the buffer handling around the C call.
final class CommonMarkTests: XCTestCase {
    func testRendersCommonMark() {
        XCTAssertSameBytes(CommonMark.html(fromMarkdown: "# 标题\n\n*强调* 与 **加粗**\n"),
                           "<h1>标题</h1>\n<p><em>强调</em> 与 <strong>加粗</strong></p>\n")
        XCTAssertSameBytes(CommonMark.html(fromMarkdown: "1. 一\n2. 二"), "<ol>\n<li>一</li>\n<li>二</li>\n</ol>\n")
    }

    func testSafeModeDropsRawHTMLAndBlanksScriptLinks() {
        let html = CommonMark.html(fromMarkdown: "<script>alert(1)</script>\n\n文 <b onclick=\"x\">b</b> [a](javascript:alert(1)) [v](vbscript:x)\n")
        XCTAssertFalse(html.contains("<script"), html)
        XCTAssertFalse(html.contains("<b"), html)
        XCTAssertFalse(html.contains("javascript:"), html)
        XCTAssertFalse(html.contains("vbscript:"), html)
        XCTAssertTrue(html.contains("<!-- raw HTML omitted -->"), html)
        XCTAssertTrue(html.contains("<a href=\"\">a</a>"), html)
    }

    func testEmptyAndBlankDocumentsGiveNothing() {
        XCTAssertSameBytes(CommonMark.html(fromMarkdown: ""), "")
        XCTAssertSameBytes(CommonMark.html(fromMarkdown: " \n\n\t\n"), "")
    }

    func testPassesTheWholeBufferIncludingNULAndNonBMPText() {
        // cmark gets an explicit length: text after a NUL is not lost (cmark writes U+FFFD for it).
        XCTAssertSameBytes(CommonMark.html(fromMarkdown: "前\u{0}后 😀"), "<p>前\u{FFFD}后 😀</p>\n")
        // A Substring-backed or bridged string is made contiguous before the call.
        let sliced = String("xx教育局工作总结yy".dropFirst(2).dropLast(2))
        XCTAssertSameBytes(CommonMark.html(fromMarkdown: sliced), "<p>教育局工作总结</p>\n")
    }

    func testRepeatedCallsFreeTheirBuffers() {
        // Not a leak detector, but a double free or use-after-free in the wrapper crashes here.
        let markdown = String(repeating: "段落 *文字*\n\n", count: 2_000)
        for _ in 0..<50 {
            XCTAssertEqual(CommonMark.html(fromMarkdown: markdown).utf8.count, 2_000 * "<p>段落 <em>文字</em></p>\n".utf8.count)
        }
    }

    func testVersionIsTheLinkedLibrarys() {
        let parts = CommonMark.version.split(separator: ".")
        XCTAssertEqual(parts.count, 3, CommonMark.version)
        XCTAssertTrue(parts.allSatisfy { Int($0) != nil }, CommonMark.version)
        // Safe-by-default rendering (what this module relies on) arrived in cmark 0.29.
        let major = Int(parts[0]) ?? 0, minor = Int(parts[1]) ?? 0
        XCTAssertTrue(major > 0 || minor >= 29, CommonMark.version)
    }
}
