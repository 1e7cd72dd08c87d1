@testable import Decode
import Foundation
import ReportModel
import XCTest
import ZIPFoundation

final class DocxExtractorTests: XCTestCase {
    // MARK: Text

    func testRunsJoinTabsBecomeSpacesAndBreaksStartLines() throws {
        let docx = try TestDocx.make(body: """
            <w:p><w:r><w:t>2023年</w:t></w:r><w:r><w:t>工作</w:t><w:tab/><w:t>总结</w:t><w:br/><w:t>第二行</w:t></w:r></w:p>
            <w:p><w:r><w:br w:type="page"/></w:r><w:r><w:t xml:space="preserve">  新页 </w:t></w:r></w:p>
            <w:p/>
            <w:p><w:r><w:t>A</w:t><w:noBreakHyphen/><w:t>B</w:t><w:sym w:font="Symbol" w:char="F0B1"/><w:sym w:font="Wingdings" w:char="F0FE"/><w:t>是</w:t></w:r></w:p>
            """)
        XCTAssertEqual(try text(docx), "2023年工作 总结\n第二行\n新页\nA-B±☑是\n")
    }

    func testATableRowIsOneLineOfItsCellsNestedTablesFlattened() throws {
        let docx = try TestDocx.make(body: """
            <w:tbl>
              <w:tr><w:tc><w:p><w:r><w:t>指标</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>2022年</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr>
              <w:tr><w:tc><w:p><w:r><w:t>学位</w:t></w:r></w:p><w:p><w:r><w:t>（个）</w:t></w:r></w:p></w:tc>
                <w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>新增</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>2160</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/></w:tc></w:tr>
            </w:tbl>
            <w:p><w:r><w:t>表后</w:t></w:r></w:p>
            """)
        XCTAssertEqual(try text(docx), "指标 2022年\n学位 （个） 新增 2160\n表后\n")
    }

    func testDeletedAndHiddenTextIsLeftOutAndRecordedInsertedTextKept() throws {
        let docx = try TestDocx.make(body: """
            <w:p><w:r><w:t>第一段</w:t></w:r></w:p>
            <w:p><w:r><w:t>保留</w:t></w:r><w:del w:id="1" w:author="a"><w:r><w:delText>删除的</w:delText></w:r></w:del><w:ins w:id="2" w:author="a"><w:r><w:t>插入的</w:t></w:r></w:ins><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏的</w:t></w:r><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>文字</w:t></w:r></w:p>
            """)
        let extracted = try DocxExtractor.extract(docx, name: "a.docx")
        XCTAssertEqual(extracted.text, "第一段\n保留插入的文字\n")
        XCTAssertEqual(extracted.dropped, [DroppedText(rule: "docx-deleted", text: "删除的", line: 2),
                                           DroppedText(rule: "docx-hidden", text: "隐藏的", line: 2)])
    }

    func testPromptsOfEmptyControlsAreDroppedAndMovedTextIsReadWhereItWentTo() throws {
        let docx = try TestDocx.make(body: """
            <w:p><w:r><w:t>填报人：</w:t></w:r><w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:r><w:t>单击或点击此处输入文字。</w:t></w:r></w:sdtContent></w:sdt></w:p>
            <w:p><w:moveFrom w:id="1" w:author="a"><w:r><w:t>挪动的句子。</w:t></w:r></w:moveFrom><w:r><w:t>原有的句子。</w:t></w:r><w:moveTo w:id="2" w:author="a"><w:r><w:t>挪动的句子。</w:t></w:r></w:moveTo></w:p>
            """)
        let extracted = try DocxExtractor.extract(docx, name: "a.docx")
        XCTAssertEqual(extracted.text, "填报人：\n原有的句子。挪动的句子。\n")
        XCTAssertEqual(extracted.dropped, [DroppedText(rule: "docx-placeholder", text: "单击或点击此处输入文字。", line: 1)])
    }

    func testTheMainPartIsFoundThroughTheContentTypesWhenNoRelationshipNamesIt() throws {
        let docx = try TestDocx.zip([
            ("[Content_Types].xml", """
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Override PartName="/word/main.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
                """),
            ("word/main.xml", "<w:document \(TestDocx.namespaces)><w:body><w:p><w:r><w:t>正文</w:t></w:r></w:p></w:body></w:document>"),
        ])
        XCTAssertEqual(try text(docx), "正文\n")
    }

    func testAlternateContentIsReadOnceAndATextBoxFollowsItsParagraph() throws {
        let box = "<w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent>"
        let docx = try TestDocx.make(body: """
            <w:p><w:r><w:t>锚定段落</w:t></w:r><w:r><mc:AlternateContent>
              <mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>\(box)</wps:txbx></wps:wsp></w:drawing></mc:Choice>
              <mc:Fallback><w:pict><v:shape><v:textbox>\(box)</v:textbox></v:shape></w:pict></mc:Fallback>
            </mc:AlternateContent></w:r><w:r><w:t>续</w:t></w:r></w:p>
            <w:p><w:r><mc:AlternateContent><mc:Fallback><w:pict><v:shape><v:textbox>\(box)</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>
            """)
        XCTAssertEqual(try text(docx), "锚定段落续\n文本框\n文本框\n")
    }

    func testFieldsShowTheirResultsNotTheirCodes() throws {
        let docx = try TestDocx.make(body: """
            <w:p><w:r><w:t>见</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK "http://example.org/" </w:instrText></w:r>
            <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>网站</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>
            <w:r><w:t>第</w:t></w:r><w:fldSimple w:instr=" PAGE "><w:r><w:t>3</w:t></w:r></w:fldSimple><w:r><w:t>页，</w:t></w:r>
            <w:hyperlink r:id="rId9"><w:r><w:t>联系人</w:t></w:r></w:hyperlink>
            <w:sdt><w:sdtPr><w:alias w:val="姓名"/></w:sdtPr><w:sdtContent><w:r><w:t>：张三</w:t></w:r></w:sdtContent></w:sdt></w:p>
            <w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>IF </w:instrText></w:r>
            <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>MERGEFIELD 类别</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>
            <w:r><w:t>县级</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:instrText> = "县级" "达标" "未达标"</w:instrText></w:r>
            <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>达标</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
            """)
        XCTAssertEqual(try text(docx), "见网站第3页，联系人：张三\n达标\n")
    }

    func testHeadersFootersAndFootnotesAreDroppedWhereTheyStand() throws {
        let docx = try TestDocx.make(
            body: """
                <w:p><w:r><w:t>正文一</w:t></w:r></w:p>
                <w:p><w:r><w:t>正文二</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>
                <w:p><w:r><w:t>正文三</w:t></w:r></w:p>
                """,
            footnotes: """
                <w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
                <w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t>脚注 内容</w:t></w:r></w:p></w:footnote>
                """,
            header: "<w:p><w:r><w:t>余姚市教育局文件</w:t></w:r></w:p>",
            footer: "<w:p><w:r><w:t>— </w:t></w:r><w:fldSimple w:instr=\"PAGE\"><w:r><w:t>1</w:t></w:r></w:fldSimple><w:r><w:t> —</w:t></w:r></w:p>")
        let extracted = try DocxExtractor.extract(docx, name: "a.docx")
        XCTAssertEqual(extracted.text, "正文一\n正文二\n正文三\n")
        XCTAssertEqual(extracted.dropped, [DroppedText(rule: "docx-header", text: "余姚市教育局文件", line: 1),
                                           DroppedText(rule: "docx-footnote", text: "脚注 内容", line: 2),
                                           DroppedText(rule: "docx-footer", text: "— 1 —", line: 3)])
    }

    // MARK: Automatic numbering

    func testNumbersAreWrittenAsTheReaderSeesThemDeeperLevelsRestarting() throws {
        let docx = try TestDocx.make(body: TestDocx.numbered([
            (0, "总体情况"), (1, "加强党建"), (2, "完善制度"), (2, "落实责任"), (1, "改进作风"), (2, "转变方式"),
            (0, "工作打算"), (1, "深化改革"), (2, "推进试点"),
        ]), numbering: TestDocx.officialNumbering)
        XCTAssertEqual(try text(docx), """
            一、总体情况
            （一）加强党建
            1.完善制度
            2.落实责任
            （二）改进作风
            1.转变方式
            二、工作打算
            （一）深化改革
            1.推进试点

            """)
    }

    func testHeadingStylesCarryTheirNumbersWhateverTheirNames() throws {
        // heading 1 names the list and level; 标题 2 (a custom id) inherits the list from it and
        // names its level; 标题 3 names only the list, its level linked by the level's w:pStyle.
        let styles = """
            <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
            <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>
              <w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
            <w:style w:type="paragraph" w:customStyle="1" w:styleId="a1"><w:name w:val="标题 2"/><w:basedOn w:val="Heading1"/>
              <w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>
            <w:style w:type="paragraph" w:customStyle="1" w:styleId="a2"><w:name w:val="标题 3"/><w:basedOn w:val="Normal"/>
              <w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
            """
        let numbering = TestDocx.officialNumbering.replacingOccurrences(
            of: #"<w:lvl w:ilvl="2">"#, with: #"<w:lvl w:ilvl="2"><w:pStyle w:val="a2"/>"#)
        let docx = try TestDocx.make(body: """
            <w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>总体情况</w:t></w:r></w:p>
            <w:p><w:pPr><w:pStyle w:val="a1"/></w:pPr><w:r><w:t>加强党建</w:t></w:r></w:p>
            <w:p><w:pPr><w:pStyle w:val="a2"/></w:pPr><w:r><w:t>完善制度</w:t></w:r></w:p>
            <w:p><w:r><w:t>正文段落</w:t></w:r></w:p>
            <w:p><w:pPr><w:pStyle w:val="Heading1"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>不编号的标题</w:t></w:r></w:p>
            <w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>工作打算</w:t></w:r></w:p>
            """, styles: styles, numbering: numbering)
        XCTAssertEqual(try text(docx), "一、总体情况\n（一）加强党建\n1.完善制度\n正文段落\n不编号的标题\n二、工作打算\n")
    }

    func testListsSharingAnAbstractListContinueUnlessAStartIsOverridden() throws {
        let numbering = """
            <w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:suff w:val="nothing"/></w:lvl></w:abstractNum>
            <w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>
            <w:num w:numId="2"><w:abstractNumId w:val="7"/></w:num>
            <w:num w:numId="3"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
            """
        let docx = try TestDocx.make(body: TestDocx.numbered([(0, "甲"), (0, "乙")], numId: 1) + TestDocx.numbered([(0, "丙")], numId: 2)
            + TestDocx.numbered([(0, "丁"), (0, "戊")], numId: 3) + TestDocx.numbered([(0, "己")], numId: 1), numbering: numbering)
        XCTAssertEqual(try text(docx), "1.甲\n2.乙\n3.丙\n1.丁\n2.戊\n4.己\n")
    }

    func testBulletsLegalNumbersAndLevelsThatNeverRestart() throws {
        let numbering = """
            <w:abstractNum w:abstractNumId="0">
              <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="第%1章"/></w:lvl>
              <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/><w:isLgl/><w:lvlRestart w:val="0"/></w:lvl>
            </w:abstractNum>
            <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="\u{F0B7}"/></w:lvl></w:abstractNum>
            <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
            <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
            """
        let docx = try TestDocx.make(body: TestDocx.numbered([(0, "总则"), (1, "目的"), (0, "分则"), (1, "范围")])
            + TestDocx.numbered([(0, "要点")], numId: 2), numbering: numbering)
        XCTAssertEqual(try text(docx), "第一章 总则\n1.1 目的\n第二章 分则\n2.2 范围\n要点\n")
    }

    func testTheSpaceAfterANumberIsKeptOnlyWhereTextWouldRunIntoIt() {
        let tab = WordNumbering.Suffix.tab
        XCTAssertEqual(WordBodyReader.numbered("完善制度", label: .init(text: "1.", suffix: tab)), "1.完善制度")
        XCTAssertEqual(WordBodyReader.numbered("2023年目标", label: .init(text: "1.", suffix: tab)), "1. 2023年目标")
        XCTAssertEqual(WordBodyReader.numbered("完善制度", label: .init(text: "1", suffix: .space)), "1 完善制度")
        XCTAssertEqual(WordBodyReader.numbered("2023年", label: .init(text: "一、", suffix: tab)), "一、2023年")
        XCTAssertEqual(WordBodyReader.numbered("2023年", label: .init(text: "1.", suffix: .nothing)), "1.2023年")
    }

    // MARK: Properties

    func testCoreTitleAndCreatorAreCluesAndItsDatesAreNot() throws {
        let docx = try TestDocx.make(body: "<w:p><w:r><w:t>正文</w:t></w:r></w:p>", core: """
            <dc:title>Microsoft Word - 余姚市教育局2023年工作总结.doc</dc:title><dc:creator>余姚市教育局办公室</dc:creator>
            <dcterms:created xsi:type="dcterms:W3CDTF">2019-03-01T00:00:00Z</dcterms:created>
            """)
        let clues = try DocxExtractor.extract(docx, name: "a.docx").clues
        XCTAssertEqual(clues.titles, [FormatClues.Clue("余姚市教育局2023年工作总结", from: "docx core title")])
        XCTAssertEqual(clues.issuers, [FormatClues.Clue("余姚市教育局办公室", from: "docx core creator")])
        XCTAssertNil(clues.published)
    }

    func testANewFilesDefaultNameIsNoTitle() {
        for name in ["文档1", "Document12", "新建 Microsoft Word 文档", "  ", "Microsoft Word - 文档3.docx", "1"] {
            XCTAssertNil(DocumentProperties.usableTitle(name), name)
        }
        XCTAssertEqual(DocumentProperties.usableTitle("宁海县教育局 2024年 工作要点"), "宁海县教育局 2024年 工作要点")
    }

    // MARK: The fixture

    func testTheFixtureReadsAsItsPlainTextTwin() throws {
        let extracted = try DocxExtractor.extract(try fixture("formats/same/report.docx"), name: "report.docx")
        let twin = String(decoding: try fixture("formats/same/report.txt"), as: UTF8.self).replacingOccurrences(of: "\t", with: " ")
        XCTAssertEqual(extracted.text, twin)
        XCTAssertEqual(extracted.format, .docx)
        XCTAssertEqual(extracted.encoding, "docx")
        XCTAssertEqual(extracted.clues.titles.map(\.value), ["余姚市教育局2023年工作总结"])
    }

    // MARK: Errors

    func testADamagedZipIsNotAReadableWordFile() throws {
        XCTAssertEqual(error(try fixture("formats/corrupt.docx")), "a.docx: is not a readable Word file (a damaged zip archive)")
        XCTAssertEqual(error(Array("PK\u{3}\u{4} not really a zip".utf8)), "a.docx: is not a readable Word file (a damaged zip archive)")
    }

    func testAZipWithoutTheDocumentIsNotAWordDocument() throws {
        XCTAssertEqual(error(try fixture("formats/nodocument.docx")),
                       "a.docx: is a zip archive without word/document.xml, not a Word document")
    }

    func testABrokenDocumentPartIsReportedWithItsLine() throws {
        let docx = try TestDocx.zip([("word/document.xml", "<w:document \(TestDocx.namespaces)><w:body>\n<w:p>\n</w:body></w:document>")])
        let message = error(docx)
        XCTAssertTrue(message.hasPrefix("a.docx: is not a readable Word file (word/document.xml is not well-formed XML: line 3: "), message)
    }

    func testAPasswordProtectedDocxIsNamedSo() {
        let encrypted = TestCompoundFile.make(streams: [("EncryptionInfo", [4, 0, 4, 0]), ("EncryptedPackage", [1, 2, 3])])
        XCTAssertEqual(error(encrypted), "a.docx: is password-protected; save a copy without a password")
    }

    func testADocumentWithoutTextSaysSo() throws {
        let docx = try TestDocx.make(body: "<w:p/><w:p><w:r><w:drawing/></w:r></w:p><w:sectPr/>")
        XCTAssertEqual(error(docx), "a.docx: has no text")
        let chunked = try TestDocx.make(body: #"<w:altChunk r:id="rId9"/><w:sectPr/>"#)
        XCTAssertEqual(error(chunked), "a.docx: holds its text only as embedded web pages or RTF (w:altChunk), which are not read; "
            + "open it in Word and save it again")
    }

    // MARK: Helpers

    private func text(_ docx: [UInt8]) throws -> String {
        try DocxExtractor.extract(docx, name: "a.docx").text
    }

    private func error(_ bytes: [UInt8]) -> String {
        do {
            let extracted = try DocxExtractor.extract(bytes, name: "a.docx")
            return "no error: \(extracted.text)"
        } catch {
            return "\(error)"
        }
    }
}

/// A file of the test bundle's `Fixtures` folder.
func fixture(_ path: String) throws -> [UInt8] {
    let folder = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
    return [UInt8](try Data(contentsOf: folder.appendingPathComponent(path)))
}

/// A .docx made in memory from the XML of its parts, with nothing else in it.
enum TestDocx {
    static let namespaces = """
        xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" \
        xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" \
        xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" \
        xmlns:v="urn:schemas-microsoft-com:vml"
        """
    private static let relationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

    /// GB/T 9704's heading numbers: 一、 （一） 1., no tab after them.
    static let officialNumbering = """
        <w:abstractNum w:abstractNumId="0">
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
          <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>
          <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/><w:suff w:val="nothing"/></w:lvl>
        </w:abstractNum>
        <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
        """

    /// Paragraphs numbered at the given levels of list `numId`.
    static func numbered(_ paragraphs: [(level: Int, text: String)], numId: Int = 1) -> String {
        paragraphs.map { level, text in
            "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"\(level)\"/><w:numId w:val=\"\(numId)\"/></w:numPr></w:pPr><w:r><w:t>\(text)</w:t></w:r></w:p>"
        }.joined()
    }

    /// - Parameters:
    ///   - body: the content of `w:body`; `styles`, `numbering`, `footnotes`: of those parts' roots;
    ///   - core: the content of `cp:coreProperties`; `header`, `footer`: of `w:hdr` and `w:ftr`.
    static func make(body: String, styles: String? = nil, numbering: String? = nil, footnotes: String? = nil,
                     header: String? = nil, footer: String? = nil, core: String? = nil) throws -> [UInt8] {
        var parts = [("word/document.xml", "<w:document \(namespaces)><w:body>\(body)</w:body></w:document>")]
        var related: [(type: String, part: String)] = []
        for (type, root, content) in [("styles", "styles", styles), ("numbering", "numbering", numbering),
                                      ("footnotes", "footnotes", footnotes), ("header", "hdr", header), ("footer", "ftr", footer)] {
            guard let content else { continue }
            parts.append(("word/\(type).xml", "<w:\(root) \(namespaces)>\(content)</w:\(root)>"))
            related.append((type, "\(type).xml"))
        }
        parts.append(("word/_rels/document.xml.rels", relationships(related)))
        var packageRelated = [(type: "officeDocument", part: "word/document.xml")]
        if let core {
            parts.append(("docProps/core.xml", """
                <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
                xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\(core)</cp:coreProperties>
                """))
            packageRelated.append(("core-properties", "docProps/core.xml"))
        }
        parts.append(("_rels/.rels", relationships(packageRelated)))
        return try zip(parts)
    }

    private static func relationships(_ targets: [(type: String, part: String)]) -> String {
        let items = targets.enumerated().map { i, target in
            "<Relationship Id=\"rId\(i + 1)\" Type=\"\(relationship)\(target.type)\" Target=\"\(target.part)\"/>"
        }
        return "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(items.joined())</Relationships>"
    }

    static func zip(_ parts: [(path: String, text: String)]) throws -> [UInt8] {
        let archive = try Archive(accessMode: .create)
        for part in parts {
            let data = Data(part.text.utf8)
            try archive.addEntry(with: part.path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        return [UInt8](try XCTUnwrap(archive.data))
    }
}
