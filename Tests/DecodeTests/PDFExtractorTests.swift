@testable import Decode
import Foundation
import ReportModel
import XCTest

/// On the PDFs in Fixtures/pdf (made by make-pdf-fixtures.py there) and Fixtures/formats, read by
/// the pdftotext installed.
final class PDFExtractorTests: XCTestCase {
    private func fixture(_ name: String) throws -> [UInt8] {
        let folder = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return try [UInt8](Data(contentsOf: folder.appendingPathComponent(name)))
    }

    private func reason(_ bytes: [UInt8], name: String = "a.pdf", file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            _ = try PDFExtractor.extract(bytes, name: name)
            XCTFail("read", file: file, line: line)
            return ""
        } catch {
            XCTAssertEqual(error.path, name, file: file, line: line)
            return error.reason
        }
    }

    /// report.pdf's paragraphs, as written in the document it was exported from.
    private let paragraphs = [
        "德清县教育局2022年工作总结",
        "2022年，县教育局围绕“办公平而有质量的教育”这一目标，统筹推进各类教育协调发展，全年教育经费投入18.3亿元，同比增长5.2%。现将全年工作总结如下。",
        "一、主要工作成效", "（一）学前教育普及普惠",
        "全年新建幼儿园5所，新增学位1350个，普惠性幼儿园覆盖率达到96.8%。我们把幼儿园建设列入县政府民生实事项目，实行月通报、季督查，确保每一所新建园按期开园。",
        "（二）义务教育优质均衡",
        "组建城乡教育共同体28个，实现乡村学校全覆盖。共同体内统一教学管理、统一教师研修、统一质量评价，全年开展同步课堂1260节，送教下乡活动310场次，乡村学校教学质量稳步提高，群众满意度明显提升。",
        "二、教师队伍建设",
        "全年公开招聘新教师196名，实施“青蓝工程”，为新入职教师配备结对导师。新增市级名教师和学科骨干教师52名，建成名师工作室21个，交流轮岗教师248名，城乡师资配置更加均衡。",
        "三、存在的问题",
        "一是城区学前教育资源仍然偏紧，部分新建小区配套幼儿园建设滞后；二是乡村学校优秀教师流失问题依然存在；三是职业教育专业设置与本地产业需求的匹配度有待提高。",
        "四、2023年工作打算",
        "2023年，我们将继续深化教育领域综合改革，新建、改扩建幼儿园6所，推进义务教育优质均衡发展，完善教师招聘、培养、评价和激励机制，努力办好人民满意的教育。",
        "德清县教育局", "2023年1月10日",
    ]

    func testAParagraphALineWithoutHeadersPageNumbersOrSpacesBetweenChineseCharacters() throws {
        let extracted = try PDFExtractor.extract(try fixture("pdf/report.pdf"), name: "report.pdf")
        XCTAssertEqual(extracted.format, .pdf)
        XCTAssertEqual(extracted.encoding, "pdf")
        // Two paragraphs run from one page onto the next: each is one line all the same.
        XCTAssertEqual(extracted.text, paragraphs.joined(separator: "\n") + "\n")
    }

    func testTheSameReportAsPDFReadsAsItsText() throws {
        let folder = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        let written = try String(contentsOf: folder.appendingPathComponent("formats/same/report.txt"), encoding: .utf8)
        let extracted = try PDFExtractor.extract(try fixture("formats/same/report.pdf"), name: "report.pdf")
        let lines = extracted.text.split(separator: "\n").map(String.init)
        // Every paragraph a line, in order; a table's cells are not put back in rows.
        var from = 0
        for paragraph in written.split(separator: "\n").map(String.init) where !paragraph.contains("\t") {
            let found = lines[from...].firstIndex(of: paragraph)
            XCTAssertNotNil(found, paragraph)
            from = found.map { $0 + 1 } ?? from
        }
        XCTAssertEqual(extracted.dropped.count { $0.rule == "pdf-running-header" }, 5)
        XCTAssertEqual(extracted.dropped.count { $0.rule == "pdf-page-number" }, 5)
    }

    func testRunningHeadersAndPageNumbersAreRecordedAtTheLineThatFollowsThem() throws {
        let extracted = try PDFExtractor.extract(try fixture("pdf/report.pdf"), name: "report.pdf")
        // Pages 1 and 2 end inside a paragraph: their footers and the next headers stood in it.
        let page2 = try XCTUnwrap(paragraphs.firstIndex { $0.hasPrefix("组建城乡教育共同体") }) + 1
        let page3 = try XCTUnwrap(paragraphs.firstIndex { $0.hasPrefix("一是城区") }) + 1
        XCTAssertEqual(extracted.dropped, [
            DroppedText(rule: "pdf-running-header", text: "德清县教育局文件", line: 1),
            DroppedText(rule: "pdf-page-number", text: "— 1 —", line: page2),
            DroppedText(rule: "pdf-running-header", text: "德清县教育局文件", line: page2),
            DroppedText(rule: "pdf-page-number", text: "— 2 —", line: page3),
            DroppedText(rule: "pdf-running-header", text: "德清县教育局文件", line: page3),
            DroppedText(rule: "pdf-page-number", text: "— 3 —", line: paragraphs.count),
        ])
    }

    func testTheDocumentInformationGivesATitleAndAnIssuerCandidate() throws {
        let clues = try PDFExtractor.extract(try fixture("pdf/report.pdf"), name: "report.pdf").clues
        XCTAssertEqual(clues.titles, [.init("德清县教育局2022年工作总结", from: "pdf info title")])
        XCTAssertEqual(clues.issuers, [.init("德清县教育局办公室", from: "pdf info author")])
    }

    func testTitlesAndAuthorsThatNameNoReportAreLeftOut() {
        XCTAssertEqual(DocumentInfo.clues(title: "Microsoft Word - 2022年工作总结.docx", author: "Administrator"), FormatClues())
        XCTAssertEqual(DocumentInfo.clues(title: "untitled", author: "德清县教育局"),
                       FormatClues(issuers: [.init("德清县教育局", from: "pdf info author")]))
    }

    func testAPDFThatOnlyForbidsCopyingIsRead() throws {
        // One page: its header is not running, its page number goes.
        let extracted = try PDFExtractor.extract(try fixture("pdf/permissions.pdf"), name: "permissions.pdf")
        XCTAssertEqual(extracted.text, (["德清县教育局文件"] + paragraphs.prefix(2) + paragraphs.suffix(2)).joined(separator: "\n") + "\n")
        XCTAssertEqual(extracted.dropped.map(\.rule), ["pdf-page-number"])
    }

    func testAScannedPDFSaysToOCRIt() throws {
        XCTAssertEqual(reason(try fixture("formats/scanned.pdf")), "has no text layer (a scanned PDF?); OCR it first, e.g. with ocrmypdf")
    }

    func testAPDFWithAPasswordSaysToSaveACopyWithoutOne() throws {
        XCTAssertEqual(reason(try fixture("formats/encrypted.pdf")), "is encrypted with a password; save a copy without one")
    }

    func testAFileThatIsNoPDFSaysSo() throws {
        XCTAssertEqual(reason(Array("一、总体情况\n全年新建幼儿园5所。\n".utf8)),
                       "is not a readable PDF (it does not start with %PDF: is it really a PDF?)")
        // Cut short: no trailer, no cross-reference table. pdftotext's first error is quoted.
        let cut = reason(Array(try fixture("pdf/report.pdf").prefix(4000)))
        XCTAssertTrue(cut.hasPrefix("is not a readable PDF (Syntax Error: "), cut)
        XCTAssertEqual(reason([]), "the file is empty")
    }

    func testAMissingPdftotextSaysWhichPackageToInstall() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("no-tools-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let path = ProcessInfo.processInfo.environment["PATH"]
        setenv("PATH", empty.path, 1)
        defer {
            if let path { setenv("PATH", path, 1) } else { unsetenv("PATH") }
            try? FileManager.default.removeItem(at: empty)
        }
        let message = reason(try fixture("pdf/report.pdf"))
        XCTAssertTrue(message.contains("pdftotext"), message)
        XCTAssertTrue(message.contains("apt-get install poppler-utils"), message)
    }

    func testTheDispatcherSendsPDFsHere() throws {
        let extracted = try SourceExtractor.extract(try fixture("pdf/report.pdf"), name: "德清县/报告.PDF")
        XCTAssertEqual(extracted.format, .pdf)
        XCTAssertTrue(extracted.text.hasPrefix("德清县教育局2022年工作总结\n"))
    }
}
