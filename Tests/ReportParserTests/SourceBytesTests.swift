import Foundation
import ReportModel
import XCTest

@testable import ReportParser

/// A paragraph carries the source's UTF-8 of its text, so that strings are copied rather than
/// encoded. The invariant: when a paragraph has bytes, they are exactly its text's UTF-8, after
/// every stage that changes text; and strings made from them equal strings encoded from the scalars.
final class SourceBytesTests: XCTestCase {
    private func assertBytesMatchText(_ paragraphs: some Sequence<Paragraph>, in source: [UInt8],
                                      file: StaticString = #filePath, line: UInt = #line) {
        for p in paragraphs {
            guard let utf8 = p.utf8 else { continue }
            XCTAssertEqual(String(decoding: source[utf8], as: UTF8.self), p.text.string, "line \(p.line)", file: file, line: line)
            XCTAssertEqual(p.string(in: source), p.text.string, file: file, line: line)
        }
    }

    private func stripped(_ p: Paragraph) -> Paragraph {
        Paragraph(text: p.text, line: p.line, lineStarts: p.lineStarts)
    }

    private func clean(_ lines: [String]) -> CleanText {
        Cleaner(rules: .standard).clean(validatingUTF8: Array(lines.joined(separator: "\n").utf8))!
    }

    func testCleanedLinesKeepTheirBytesLessTrimmedBlanksAndBorders() {
        let lines = [
            " \u{3000}一、加强党的建设\u{A0}\t",  // blanks of one, two and three bytes at both ends
            "| 𠀀𠀁学校 😀 人数 ｜ ",  // four-byte characters, bars of one and three bytes
            "｜｜ café × 5\u{3000}|",
            "plain ASCII line.",
            "\u{FEFF}全年召开会议四次。",
        ]
        let clean = clean(lines)
        XCTAssertEqual(clean.paragraphs.map(\.text.string),
                       ["一、加强党的建设", "𠀀𠀁学校 😀 人数", "café × 5", "plain ASCII line.", "全年召开会议四次。"])
        XCTAssertTrue(clean.paragraphs.allSatisfy { $0.utf8 != nil }, "an uncut line keeps its bytes")
        assertBytesMatchText(clean.paragraphs, in: clean.utf8)
    }

    func testTextRuleCutDropsTheBytes() {
        let clean = clean(["全年召开会议四次本文来自网络整理。,开展活动十二场。"])
        XCTAssertEqual(clean.paragraphs.map(\.text.string), ["全年召开会议四次,开展活动十二场。"])
        XCTAssertNil(clean.paragraphs[0].utf8)
    }

    func testPageMarkerJoinsKeepMatchingBytes() {
        let clean = clean(["1、教育局工作总结。优先提拔在校区三年及以上工", "2、作经历的名校干部😀,对在集团校区交流", "", "3、轮岗的名校教师予以倾斜。"])
        // A blank line before a page's marker does not stop the join.
        XCTAssertEqual(clean.paragraphs.map(\.text.string), ["教育局工作总结。优先提拔在校区三年及以上工作经历的名校干部😀,对在集团校区交流轮岗的名校教师予以倾斜。"])
        XCTAssertTrue(clean.paragraphs.allSatisfy { $0.utf8 != nil })
        assertBytesMatchText(clean.paragraphs, in: clean.utf8)
    }

    func testWrappedLinesJoinWithMatchingOrNoBytes() {
        let text = "全年召开党建工作会议四次,开展专题学习😀活动十二场,组织党员干部深入基层调研走访,帮助学校解决实际困难和问题,推动党建工作与教育教学深度融合。"
        let chars = [Character](text)
        let wrapped = stride(from: 0, to: chars.count, by: 20).map { String(chars[$0..<min($0 + 20, chars.count)]) }
        let clean = clean(["县教育局2023年工作总结", "一、加强党的建设"] + wrapped + wrapped)
        XCTAssertTrue(clean.paragraphs.contains { !$0.lineStarts.isEmpty }, "the wrap was rejoined")
        assertBytesMatchText(clean.paragraphs, in: clean.utf8)
    }

    func testAnyChangeToTheTextDropsTheBytes() {
        var p = clean(["教育𠀀局"]).paragraphs[0]
        XCTAssertNotNil(p.utf8)
        p.text.append("x")
        XCTAssertNil(p.utf8)
        let clean = clean(["教育𠀀局"])
        var q = clean.paragraphs[0]
        q.text = Scalars("教育局")
        XCTAssertNil(q.utf8)
        XCTAssertEqual(q.string(in: clean.utf8), "教育局")
    }

    func testBytesOfEveryRangeAndKeptRange() {
        let clean = clean(["line one", " a é 教 😀 z\u{3000}𠀀b "])
        let source = clean.utf8, p = clean.paragraphs[1]
        let n = p.text.count
        for lo in 0...n {
            for hi in lo...n {
                XCTAssertEqual(p.utf8(of: lo..<hi).map { Array(source[$0]) }, Array(p.text[lo..<hi].string.utf8), "\(lo)..<\(hi)")
                XCTAssertEqual(p.string(lo..<hi, in: source), p.text[lo..<hi].string)
                var kept = p
                kept.keep(lo..<hi)
                XCTAssertEqual(kept.text, Array(p.text[lo..<hi]))
                XCTAssertNotNil(kept.utf8)
                assertBytesMatchText([kept], in: source)
            }
        }
    }

    /// Splitting (markers, a run-on title, cuts inside paragraphs), the signature and the outline
    /// give the same result with the bytes as without them.
    func testStagesAgreeWithAndWithoutBytes() throws {
        var sources = [[
            "教育局年度工作总结两篇",
            "第一篇 南和区教育局2009年度工作总结",
            "南和区教育局2009年度工作总结",
            " 2009年,在区委😀的正确领导下,各项工作取得新成效。现将有关情况报告如下：",
            "一、基本情况 (一)实施𠀀工程。成功举办了科技创新活动。 (二)高中级专业技术职务实行评聘分开。",
            "二、存在问题：教师队伍结构性缺编 三、下一步打算 继续努力。",
            "| 南和区教育局 2009年12月26日 |",
            "第二篇 县教育局2023年工作总结",
            "县教育局2023年工作总结2023年,全县教育工作稳步推进。",
            "1、一是加强党建,二是推进改革",
            "2、继续努力。",
            "3、质量稳步提升。",
            "县教育局",
            "二〇二三年十二月二十日",
        ].joined(separator: "\n")]
        for name in try FileManager.default.contentsOfDirectory(atPath: TestPaths.root.appendingPathComponent("content").path)
        where name.hasSuffix(".txt") {
            sources.append(try String(contentsOfFile: TestPaths.content(name), encoding: .utf8))
        }
        for source in sources {
            let clean = Cleaner(rules: .standard).clean(validatingUTF8: Array(source.utf8))!
            var bare = clean
            bare.paragraphs = clean.paragraphs.map(stripped)
            bare.utf8 = []
            XCTAssertTrue(clean.paragraphs.contains { $0.utf8 != nil })
            assertBytesMatchText(clean.paragraphs, in: clean.utf8)
            let split = Splitter().split(clean), bareSplit = Splitter().split(bare)
            XCTAssertEqual(split.dropped, bareSplit.dropped)
            XCTAssertEqual(split.reports.map(\.title), bareSplit.reports.map(\.title))
            for (report, bareReport) in zip(split.reports, bareSplit.reports) {
                assertBytesMatchText(report.paragraphs, in: clean.utf8)
                XCTAssertEqual(report.paragraphs, bareReport.paragraphs)
                var paragraphs = report.paragraphs[...], bareParagraphs = bareReport.paragraphs[...]
                // The bare paragraphs get no bytes at all: their strings can only be encoded.
                let signature = SignatureFinder.extract(from: &paragraphs, utf8: clean.utf8)
                XCTAssertEqual(signature?.text, SignatureFinder.extract(from: &bareParagraphs, utf8: [])?.text)
                assertBytesMatchText(paragraphs, in: clean.utf8)
                let outline = OutlineBuilder.build(paragraphs, utf8: clean.utf8)
                let bareOutline = OutlineBuilder.build(ArraySlice(paragraphs.map(stripped)), utf8: [])
                XCTAssertEqual(outline.paragraphs, bareOutline.paragraphs)
                XCTAssertEqual(outline.sections, bareOutline.sections)
            }
        }
    }

    /// The cleaner's own pass finds what the decoder would change (a CR) or refuse (a NUL), in the
    /// eight-byte steps and in the bytes after them, so that such text takes the decoder's path.
    func testNulOrCRAnywhereLeavesTheBytesToTheDecoder() throws {
        let text = Array("县教育局2023年工作总结\n一、加强党的建设。\n全年召开会议四次。".utf8)
        XCTAssertNotNil(Cleaner(rules: .standard).clean(validatingUTF8: text))
        for offset in 0...text.count {
            for byte: UInt8 in [0x0D, 0x00] {
                var bytes = text
                bytes.insert(byte, at: offset)
                XCTAssertNil(Cleaner(rules: .standard).clean(validatingUTF8: bytes), "\(byte) at \(offset)")
            }
        }
        // Through the parser: CR line ends read as LF ones, and a NUL is an error.
        let crlf = String(decoding: text, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n")
        let parser = ReportParser()
        XCTAssertEqual(try parser.parse(bytes: Array(crlf.utf8), source: "a.txt"), try parser.parse(bytes: text, source: "a.txt"))
        XCTAssertThrowsError(try parser.parse(bytes: text + [0x00], source: "a.txt"))
    }
}
