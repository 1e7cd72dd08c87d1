@testable import Decode
import ReportModel
import XCTest

#if canImport(Glibc)
import Glibc
#endif

final class HTMLExtractorTests: XCTestCase {
    private func fixture(_ path: String) throws -> [UInt8] {
        let folder = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return Array(try Data(contentsOf: folder.appendingPathComponent("formats/" + path)))
    }

    private func extract(_ html: String, name: String = "a.html") throws -> ExtractedText {
        try HTMLExtractor.extract(Array(html.utf8), name: name)
    }

    private func lines(_ html: String) throws -> [String] {
        try extract(html).text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    /// `text` in `charset`, through the C library's iconv.
    private func encode(_ text: String, to charset: String) -> [UInt8] {
        let cd = iconv_open(charset, "UTF-8")
        precondition(cd != iconv_t(bitPattern: -1))
        defer { iconv_close(cd) }
        var input = Array(text.utf8)
        var output = [UInt8](repeating: 0, count: input.count * 4 + 16)
        let written = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf -> Int in
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                var inLeft = inBuf.count
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                var outLeft = outBuf.count
                precondition(iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) != -1)
                return outBuf.count - outLeft
            }
        }
        return Array(output[..<written])
    }

    private func assertError(_ bytes: [UInt8], name: String = "a.html", _ reason: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try HTMLExtractor.extract(bytes, name: name), file: file, line: line) { error in
            XCTAssertEqual("\(error)", "\(name): \(reason)", file: file, line: line)
        }
    }

    // MARK: Fixture pages

    func testACountyPortalPageInGBKIsTheReportsText() throws {
        let extracted = try HTMLExtractor.extract(fixture("same/report.html"), name: "report.html")
        XCTAssertEqual(extracted.encoding, "gb18030")
        // The same report as the reference text, with the page's date line and the table's cells a space apart.
        let reference = String(decoding: try fixture("same/report.txt"), as: UTF8.self).split(separator: "\n")
            .map { $0.replacingOccurrences(of: "\t", with: " ") }
        let lines = extracted.text.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.filter { !$0.hasPrefix("发布时间：") }, reference)
        XCTAssertEqual(Set(extracted.dropped.map(\.rule)), ["html-header", "html-nav", "html-chrome", "html-aside", "html-footer"])
        XCTAssertEqual(extracted.dropped.first { $0.rule == "html-nav" }?.line, 1)
        XCTAssertEqual(extracted.dropped.last?.line, lines.count + 1, "the footer stands after the last line")
        XCTAssertEqual(extracted.clues, FormatClues(
            titles: [.init("余姚市教育局2023年工作总结", from: "html meta ArticleTitle")],
            published: .init("2024-01-05", from: "html meta PubDate"),
            issuers: [.init("余姚市教育局", from: "html meta ContentSource")],
            site: .init("余姚市人民政府", from: "html meta SiteName"), column: .init("工作总结", from: "html meta ColumnName"),
            keywords: ["教育", "工作总结"]))
    }

    func testADocumentSharingPageKeepsOnlyTheDocument() throws {
        let extracted = try HTMLExtractor.extract(fixture("sharing.html"), name: "sharing.html")
        let lines = extracted.text.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "象山县教育局2024年工作要点")
        XCTAssertEqual(lines.last, "2024年2月20日")
        XCTAssertFalse(extracted.text.contains("广告") || extracted.text.contains("相关文档") || extracted.text.contains("下载文档"), extracted.text)
        XCTAssertEqual(Set(extracted.dropped.map(\.rule)), ["html-links", "html-form", "html-chrome"])
        XCTAssertEqual(extracted.clues.titles, [.init("象山县教育局2024年工作要点", from: "html title")])
    }

    func testAPortalPageWithAnEmptyArticleHasNoText() throws {
        assertError(try fixture("empty.html"), name: "empty.html", "has no report text (only navigation, links or scripts)")
    }

    // MARK: Charset

    func testAGBKPageDeclaredInHttpEquivIsReadAsGB18030() throws {
        let page = """
            <html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
            <meta name="ArticleTitle" content="余姚市教育局2023年工作总结"></head>
            <body><p>一、总体情况</p><p>　　全市教育系统坚持立德树人。</p></body></html>
            """
        let extracted = try HTMLExtractor.extract(encode(page, to: "GBK"), name: "a.htm")
        XCTAssertEqual(extracted.encoding, "gb18030")
        XCTAssertEqual(extracted.format, .html)
        XCTAssertEqual(extracted.text, "一、总体情况\n　　全市教育系统坚持立德树人。\n")
        XCTAssertEqual(extracted.clues.titles.first?.value, "余姚市教育局2023年工作总结")
    }

    func testAUTF8PageDeclaredInMetaCharsetIsReadAsUTF8() throws {
        let extracted = try extract("<!DOCTYPE html><meta charset='UTF-8'><p>工作要点</p>")
        XCTAssertEqual(extracted.encoding, "utf-8")
        XCTAssertEqual(extracted.text, "工作要点\n")
    }

    func testAByteOrderMarkWinsOverTheDeclaration() throws {
        let page = "<meta charset=gbk><p>工作计划</p>"
        let utf8 = try HTMLExtractor.extract([0xEF, 0xBB, 0xBF] + Array(page.utf8), name: "a.html")
        XCTAssertEqual(utf8.encoding, "utf-8-bom")
        XCTAssertEqual(utf8.text, "工作计划\n")
        let utf16 = try HTMLExtractor.extract([0xFF, 0xFE] + encode(page, to: "UTF-16LE"), name: "a.html")
        XCTAssertEqual(utf16.encoding, "utf-16le")
        XCTAssertEqual(utf16.text, "工作计划\n")
    }

    func testADeclarationTheBytesContradictLosesToTheBytes() throws {
        // Re-saved as UTF-8 with the old declaration left in.
        let resaved = try extract("<meta http-equiv=content-type content='text/html;charset=GBK'><p>工作总结</p>")
        XCTAssertEqual(resaved.encoding, "utf-8")
        XCTAssertEqual(resaved.text, "工作总结\n")
        // Declared UTF-8, stored in GBK.
        let legacy = try HTMLExtractor.extract(encode("<meta charset=\"utf-8\"><p>工作总结</p>", to: "GBK"), name: "a.html")
        XCTAssertEqual(legacy.encoding, "gb18030")
        XCTAssertEqual(legacy.text, "工作总结\n")
    }

    func testAnUndeclaredPageIsReadAsTextIs() throws {
        let extracted = try HTMLExtractor.extract(encode("<p>教育局工作总结</p>", to: "GB18030"), name: "a.html")
        XCTAssertEqual(extracted.encoding, "gb18030")
        XCTAssertEqual(extracted.text, "教育局工作总结\n")
    }

    func testTheDeclarationIsFoundAsBrowsersFindIt() {
        func declared(_ s: String) -> String? { HTMLCharsetPrescan.declaredCharset(Array(s.utf8)[...]) }
        XCTAssertEqual(declared("<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=GB2312\">"), "gb2312")
        XCTAssertEqual(declared("<meta content='text/html; charset = \"gbk\"' http-equiv='content-type'>"), "gbk")
        XCTAssertEqual(declared("<meta charset=\"utf-8\" />"), "utf-8")
        XCTAssertEqual(declared("<meta/charset=big5>"), "big5")
        XCTAssertNil(declared("<!-- a > b <meta charset=gbk> --><p>x</p>"), "a comment is no declaration")
        XCTAssertNil(declared("<meta content='text/html; charset=gbk'>"), "content without http-equiv declares nothing")
        XCTAssertNil(declared("<div title='<meta charset=gbk>'>"), "an attribute value is no tag")
        XCTAssertEqual(declared("<!--> <meta charset=gbk>"), "gbk", "`<!-->` is a whole comment")
        XCTAssertNil(declared(String(repeating: " ", count: HTMLCharsetPrescan.length) + "<meta charset=gbk>"))
    }

    // MARK: Chrome

    func testChromeIsDroppedAndRecordedAtTheLineItStoodBefore() throws {
        let page = """
            <body>
            <header><h1>余姚市人民政府</h1></header>
            <nav><a href="/">首页</a> <a href="/zw">政务公开</a></nav>
            <form action="/search"><input name=q><button>搜索</button></form>
            <div class="main"><p>一、总体情况</p>
            <div class="bdshare share-bar">分享到：微信</div>
            <p>二、主要做法</p></div>
            <aside>热门文章排行</aside>
            <div id="copyright">版权所有 余姚市人民政府</div>
            <div role="contentinfo">网站标识码</div>
            <footer>联系我们</footer>
            </body>
            """
        let extracted = try extract(page)
        XCTAssertEqual(extracted.text, "一、总体情况\n二、主要做法\n")
        XCTAssertEqual(extracted.dropped, [
            DroppedText(rule: "html-header", text: "余姚市人民政府", line: 1),
            DroppedText(rule: "html-nav", text: "首页 政务公开", line: 1),
            DroppedText(rule: "html-form", text: "搜索", line: 1),
            DroppedText(rule: "html-chrome", text: "分享到：微信", line: 2),
            DroppedText(rule: "html-aside", text: "热门文章排行", line: 3),
            DroppedText(rule: "html-chrome", text: "版权所有 余姚市人民政府", line: 3),
            DroppedText(rule: "html-chrome", text: "网站标识码", line: 3),
            DroppedText(rule: "html-footer", text: "联系我们", line: 3),
        ])
    }

    func testAnArticlesOwnHeaderAndFooterAreItsText() throws {
        let page = """
            <article><header><h1>2023年工作总结</h1><p>发布时间：2024-01-05</p></header>
            <p>今年以来，我局扎实推进各项工作。</p><footer>余姚市教育局</footer></article>
            <div class="article-header">附件下载说明</div>
            """
        XCTAssertEqual(try lines(page), ["2023年工作总结", "发布时间：2024-01-05", "今年以来，我局扎实推进各项工作。", "余姚市教育局", "附件下载说明"])
    }

    func testClassAndIdWordsMatchWholeWordsOnly() throws {
        let page = """
            <div class="subheader-text">小标题</div><div class="shadow">阴影里的段落</div><div id="add_info">补充说明</div>
            <div class="top-ad">广告位招租</div><div id="site_footer2">页脚</div><div class="loginBox login">请登录</div>
            """
        let extracted = try extract(page)
        XCTAssertEqual(extracted.text, "小标题\n阴影里的段落\n补充说明\n")
        XCTAssertEqual(extracted.dropped.map(\.text), ["广告位招租", "页脚", "请登录"])
        XCTAssertEqual(Set(extracted.dropped.map(\.rule)), ["html-chrome"])
    }

    func testAFormThatWrapsThePageIsAContainer() throws {
        let report = String(repeating: "全市教育系统坚持立德树人，推进教育高质量发展。", count: 10)
        let extracted = try extract("<form id=form1 action=Default.aspx><div id=nav><a href=/>首页</a></div><p>\(report)</p></form>")
        XCTAssertEqual(extracted.text, report + "\n")
        XCTAssertEqual(extracted.dropped.map(\.rule), ["html-chrome"])
    }

    func testALinkDenseListIsDroppedWhileAParagraphWithALinkStays() throws {
        let page = """
            <div class="doc">
            <p>根据<a href="/notice/1.html">《关于做好2023年度工作总结的通知》</a>要求，现将我局工作总结如下。</p>
            <div class="list"><h3>相关文档</h3><ul>
            <li><a href="/d/1.html">某某县教育局2022年工作总结</a> 12页</li>
            <li><a href="/d/2.html">某某区教育局2023年工作要点</a> 8页</li>
            </ul></div>
            <p>一、主要工作</p>
            </div>
            """
        let extracted = try extract(page)
        XCTAssertEqual(extracted.text, "根据《关于做好2023年度工作总结的通知》要求，现将我局工作总结如下。\n一、主要工作\n")
        XCTAssertEqual(extracted.dropped, [DroppedText(
            rule: "html-links", text: "相关文档 某某县教育局2022年工作总结 12页 某某区教育局2023年工作要点 8页", line: 2)])
    }

    func testABlockWhoseMenuOutweighsItsReportKeepsTheReport() throws {
        // An old portal's layout cell: the menu's links inline, beside the report's paragraph.
        let menu = (1...12).map { "<a href=/c\($0)>栏目\($0)</a>" }.joined(separator: " | ")
        let report = "今年以来，我局坚持立德树人，扎实推进各项工作。"
        XCTAssertEqual(try lines("<table><tr><td>\(menu)<p>\(report)</p></td></tr></table>"), [
            (1...12).map { "栏目\($0)" }.joined(separator: " | "), report,
        ])
    }

    func testAHeadingThatIsALinkStays() throws {
        XCTAssertEqual(try lines("<h1><a href=/d/1.html>余姚市教育局2023年工作总结</a></h1><p>正文第一段。</p>"),
                       ["余姚市教育局2023年工作总结", "正文第一段。"])
    }

    // MARK: Layout

    func testTableRowsAreLinesWithCellsASpaceApart() throws {
        let page = """
            <table><tr>
              <th>项目</th>
              <th>数量</th>
            </tr>
            <tr><td><p class=MsoNormal>新建学校</p></td><td><p>12</p></td><td></td></tr></table>
            <table><tr><td width=200><ul class=menu><li>首页</li></ul></td>
            <td><p>一、总体情况</p><p>二、主要做法</p></td></tr></table>
            """
        XCTAssertEqual(try lines(page), ["项目 数量", "新建学校 12", "一、总体情况", "二、主要做法"])
    }

    func testABarOfLinksIsDroppedHoweverShort() throws {
        let extracted = try extract("<p>今年以来，我局扎实推进各项工作。</p><div><a href=/d>下载</a> <a href=/f>收藏</a> | <a href=/r>举报</a></div>")
        XCTAssertEqual(extracted.text, "今年以来，我局扎实推进各项工作。\n")
        XCTAssertEqual(extracted.dropped, [DroppedText(rule: "html-links", text: "下载 收藏 | 举报", line: 2)])
        XCTAssertEqual(try lines("<p>详见<a href=/1>附件1</a>和<a href=/2>附件2</a></p>"), ["详见附件1和附件2"],
                       "words between the links: a sentence, not a bar")
    }

    func testBrBreaksALineAndBlankLinesNeverRunOn() throws {
        XCTAssertEqual(try lines("<br><div>一、总体情况<br>全市教育<br><br><br><br>二、主要做法<br></div><br><br>"),
                       ["一、总体情况", "全市教育", "", "二、主要做法"])
    }

    func testWhitespaceIsLaidOutAsABrowserWould() throws {
        let page = """
            <p>全市教育系统
              坚持立德树人，<span>推进</span>
            <b>教育</b>高质量发展。</p>
            <p>Education   Bureau\n of Yuyao</p>
            <p>余姚市教育局 2023年</p>
            <p>&nbsp;&nbsp;一、总体情况&nbsp; </p>
            <p>\u{3000}\u{3000}二、主要做法\u{3000}</p>
            <p>&nbsp;\u{3000}</p>
            """
        XCTAssertEqual(try lines(page), [
            "全市教育系统坚持立德树人，推进教育高质量发展。", "Education Bureau of Yuyao", "余姚市教育局 2023年",
            "一、总体情况", "\u{3000}\u{3000}二、主要做法",
        ])
    }

    func testWordsConditionalMarkersAreNotText() throws {
        // Word's "save as web page": the list number between markers browsers read as comments.
        let page = """
            <p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span lang=EN-US><span
            style='mso-list:Ignore'>一、<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]><span
            style='font-family:黑体'>主要工作<span lang=EN-US><o:p></o:p></span></span></p>
            <p class=MsoNormal><![if !vml]><img src="image001.gif"><![endif]>2022年，区教育局全面推进教育高质量发展。</p>
            """
        XCTAssertEqual(try lines(page), ["一、\u{A0}\u{A0} 主要工作", "2022年，区教育局全面推进教育高质量发展。"])
    }

    func testOrderedListsShowTheirNumbers() throws {
        let page = "<ol><li>加强党建</li><li>深化改革</li></ol><ol start=3 type=A><li>甲</li><li value=7>乙</li></ol><ul><li>无编号</li></ul>"
        XCTAssertEqual(try lines(page), ["1. 加强党建", "2. 深化改革", "C. 甲", "G. 乙", "无编号"])
    }

    func testPreformattedTextKeepsItsLines() throws {
        XCTAssertEqual(try lines("<pre>\n一、总体情况\n  全市  教育\r\n\n二、主要做法</pre>"),
                       ["一、总体情况", "全市  教育", "", "二、主要做法"])
    }

    func testScriptsStylesAndHiddenTextAreNeverText() throws {
        let page = """
            <head><title>标题</title><style>p { color: red }</style></head>
            <script>var text = "<p>不是正文</p>";</script><noscript>请启用脚本</noscript>
            <p>正文</p><div style="display: none !important">隐藏的登录框</div><div hidden>也隐藏</div>
            <template><p>模板</p></template><p>a &lt;script&gt; b</p>
            """
        let extracted = try extract(page)
        XCTAssertEqual(extracted.text, "正文\na <script> b\n")
        XCTAssertEqual(extracted.dropped, [], "what no reader sees is not recorded either")
    }

    // MARK: Head clues

    func testTheHeadsMetasAreClues() throws {
        let page = """
            <head><title>余姚市教育局2023年工作总结_工作总结_余姚市人民政府</title>
            <META NAME="ArticleTitle" CONTENT="余姚市教育局2023年工作总结和2024年工作思路">
            <meta name="pubdate" content="2024-01-05 09:30">
            <meta name="ContentSource" content="余姚市教育局">
            <meta name="SiteName" content="余姚市人民政府">
            <meta name="ColumnName" content="工作总结">
            <meta name="Keywords" content="教育, 工作总结；余姚、教育">
            </head><body><p>正文</p></body>
            """
        let clues = try extract(page).clues
        XCTAssertEqual(clues.titles, [
            .init("余姚市教育局2023年工作总结和2024年工作思路", from: "html meta ArticleTitle"),
            .init("余姚市教育局2023年工作总结", from: "html title"),
        ])
        XCTAssertEqual(clues.published, .init("2024-01-05", from: "html meta PubDate"))
        XCTAssertEqual(clues.issuers, [.init("余姚市教育局", from: "html meta ContentSource")])
        XCTAssertEqual(clues.site, .init("余姚市人民政府", from: "html meta SiteName"))
        XCTAssertEqual(clues.column, .init("工作总结", from: "html meta ColumnName"))
        XCTAssertEqual(clues.keywords, ["教育", "工作总结", "余姚"])
    }

    func testOtherDateMetasAndNoMetas() throws {
        let og = try extract("<meta property='article:published_time' content='2023-12-31T08:00:00+08:00'><p>正文</p>").clues
        XCTAssertEqual(og.published, .init("2023-12-31", from: "html meta article:published_time"))
        let bare = try extract("<p>正文</p>").clues
        XCTAssertEqual(bare, FormatClues(), "a page without head metas gives no clues")
        let url = try extract("<meta name=source content='http://www.yy.gov.cn/'><meta name=publishdate content='2024-02-30'><p>正文</p>").clues
        XCTAssertEqual(url.issuers, [], "an address names no publisher")
        XCTAssertNil(url.published, "no such day")
    }

    func testDatesAreNormalised() {
        let cases = [
            "2024-01-05 09:30": "2024-01-05", "2024/1/5": "2024-01-05", "2024年1月5日": "2024-01-05", "20240105": "2024-01-05",
            " 2024.12.31": "2024-12-31", "2024-02-29": "2024-02-29",
        ]
        for (value, date) in cases { XCTAssertEqual(HTMLPublishedDate.normalised(value), date, value) }
        for value in ["2023-02-29", "2024-13-01", "2024/1-5", "1704418200", "24-01-05", "", "2024年1日"] {
            XCTAssertNil(HTMLPublishedDate.normalised(value), value)
        }
    }

    func testTheSitesNameIsCutFromThePageTitle() {
        func cut(_ title: String, site: String? = nil, column: String? = nil) -> String? {
            HTMLPageClues.articleTitle(fromPageTitle: title, site: site, column: column)
        }
        XCTAssertEqual(cut("2023年工作总结_余姚市人民政府"), "2023年工作总结")
        XCTAssertEqual(cut("2023年工作总结 - 某某网"), "2023年工作总结")
        XCTAssertEqual(cut("2023年工作总结 | 某某网"), "2023年工作总结")
        XCTAssertEqual(cut("2023年工作总结_通知公告_余姚市人民政府", site: "余姚市人民政府", column: "通知公告"), "2023年工作总结")
        XCTAssertEqual(cut("2023年工作总结 余姚市人民政府", site: "余姚市人民政府"), "2023年工作总结")
        XCTAssertEqual(cut("2023-2024学年工作计划"), "2023-2024学年工作计划", "a dash without blanks is no separator")
        XCTAssertEqual(cut("某县教育局——2023年工作总结"), "某县教育局——2023年工作总结")
        XCTAssertEqual(cut("余姚市人民政府", site: "余姚市人民政府"), "余姚市人民政府")
        XCTAssertNil(cut(" "))
    }

    // MARK: Errors

    func testAPageWithoutReportTextIsAnError() {
        assertError(Array("<nav><a href=/>首页</a></nav><script>x()</script><footer>版权所有</footer>".utf8),
                    "has no report text (only navigation, links or scripts)")
        assertError(Array("<html><head><title>空</title></head><body> </body></html>".utf8),
                    "has no report text (only navigation, links or scripts)")
    }

    func testBytesThatAreNoWebPageAreNamed() {
        assertError(Array("%PDF-1.7\n%âãÏÓ\n1 0 obj".utf8), name: "总结.html", "is not a web page (it looks like a PDF)")
        assertError([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], "is not a web page (it looks like a Word .docx or another ZIP file)")
        assertError(Array("<p>x</p>".utf8) + [0, 1, 2], "is binary, not a web page")
        assertError([], "the file is empty")
        assertError([0xEF, 0xBB, 0xBF, 0xFF], "has a UTF-8 byte-order mark but is not valid UTF-8")
    }

    func testTheDispatcherReadsEveryWebPageExtension() throws {
        for name in ["a.html", "b.HTM", "c.shtml"] {
            let extracted = try SourceExtractor.extract(Array("<p>正文</p>".utf8), name: name)
            XCTAssertEqual(extracted.format, .html, name)
            XCTAssertEqual(extracted.text, "正文\n", name)
        }
    }
}
