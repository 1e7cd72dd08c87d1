@testable import Decode
import Foundation
import ReportModel
import XCTest

final class DocExtractorTests: XCTestCase {
    // MARK: Through antiword

    func testADocReadsAsParagraphLinesWithItsPropertiesAsClues() throws {
        try XCTSkipIf(DocExtractor.antiword.path == nil, "antiword is not installed")
        let extracted = try DocExtractor.extract(try fixture("formats/same/report.doc"), name: "report.doc")
        let lines = extracted.text.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "余姚市教育局2023年工作总结")
        XCTAssertEqual(lines.last, "2023年12月28日")
        XCTAssertTrue(lines.contains("普惠性幼儿园在园幼儿占比 97.1% 98.5%"), extracted.text)
        XCTAssertFalse(extracted.text.contains("|"), extracted.text)
        XCTAssertEqual(extracted.format, .doc)
        XCTAssertEqual(extracted.encoding, "doc")
        XCTAssertEqual(extracted.clues.titles, [FormatClues.Clue("余姚市教育局2023年工作总结", from: "doc summary title")])
        XCTAssertEqual(extracted.clues.issuers, [FormatClues.Clue("余姚市教育局办公室", from: "doc summary author")])
    }

    func testTableRowsStayWholeAndNotesAndTextBoxesAreDropped() throws {
        try XCTSkipIf(DocExtractor.antiword.path == nil, "antiword is not installed")
        // features.doc: a field, a footnote, a table whose middle cell wraps in antiword's text
        // rendering and whose last cell has two paragraphs, a text box; its title is 文档1.
        let extracted = try DocExtractor.extract(try fixture("word/features.doc"), name: "features.doc")
        XCTAssertEqual(extracted.text, """
            宁海县教育局2024年工作要点
            2024年全县教育工作的总体要求是：坚持立德树人，推进教育优质均衡发展。
            详见县教育局门户网站。[1]
            项目 内容 完成时间
            课后服务 全市中小学开展课后服务，参与学生比例逐年提高，服务内容涵盖作业辅导、体育锻炼、艺术活动和科普实践等多个方面 2024年6月 持续推进
            文本框锚定段落
            宁海县教育局
            2024年2月20日

            """)
        XCTAssertEqual(extracted.dropped, [DroppedText(rule: "doc-notes", text: "[1]网站栏目：政务公开", line: 8),
                                           DroppedText(rule: "doc-notes", text: "文本框中的说明", line: 8)])
        XCTAssertEqual(extracted.clues.titles, [])
        XCTAssertEqual(extracted.clues.issuers.map(\.value), ["宁海县教育局"])
    }

    func testWithoutTheDocBookRowsEachRenderedTableLineIsARow() {
        let rendering = "标题\n|项目   |内容         |\n|课后服务|全市中小学开展|\n|       |课后服务     |\n\n正文 [pic]\n"
        let (lines, dropped) = AntiwordText.read(rendering, tables: nil)
        XCTAssertEqual(lines, ["标题", "项目 内容", "课后服务 全市中小学开展", "课后服务", "正文"])
        XCTAssertEqual(dropped, [])
        XCTAssertEqual(AntiwordText.read(rendering, tables: [["项目 内容", "课后服务 全市中小学开展课后服务"]]).lines,
                       ["标题", "项目 内容", "课后服务 全市中小学开展课后服务", "正文"])
    }

    // MARK: Tools

    func testCatdocReadsWhereAntiwordIsMissing() throws {
        guard let catdoc = DocExtractor.catdoc.path else { throw XCTSkip("catdoc is not installed") }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("archive-catdoc-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("catdoc").path, withDestinationPath: catdoc)
        let extracted = try withPath(folder.path) { try DocExtractor.extract(try fixture("formats/same/report.doc"), name: "report.doc") }
        XCTAssertTrue(extracted.text.hasPrefix("余姚市教育局2023年工作总结\n"), extracted.text)
        XCTAssertTrue(extracted.text.contains("\n普惠性幼儿园在园幼儿占比 97.1% 98.5%\n"), extracted.text)
    }

    func testWithNeitherToolTheErrorNamesThePackageToInstall() throws {
        let doc = try fixture("formats/same/report.doc")
        let message = withPath("/nonexistent") { error(doc) }
        XCTAssertEqual(message, "a.doc: cannot be read without antiword, which is not installed: install the antiword package (apt-get install antiword)")
    }

    // MARK: Files that are not what their name says

    func testADocxNamedDocIsReadAsADocx() throws {
        let extracted = try DocExtractor.extract(try fixture("formats/same/report.docx"), name: "a.doc")
        XCTAssertEqual(extracted.format, .docx)
        XCTAssertTrue(extracted.text.hasPrefix("余姚市教育局2023年工作总结\n"))
    }

    func testAnOldDocNamedDocxIsReadAsADoc() throws {
        try XCTSkipIf(DocExtractor.antiword.path == nil, "antiword is not installed")
        let extracted = try DocxExtractor.extract(try fixture("formats/same/report.doc"), name: "a.docx")
        XCTAssertEqual(extracted.format, .doc)
    }

    func testRTFAndWebArchivesSavedAsDocAreNamedSo() {
        XCTAssertEqual(error(Array("{\\rtf1\\ansi\\ansicpg936 {\\fonttbl}总结}".utf8)),
                       "a.doc: is an RTF file saved as .doc; save it as .docx or .txt")
        XCTAssertEqual(error(Array("MIME-Version: 1.0\r\nContent-Type: multipart/related".utf8)),
                       "a.doc: is a web archive (MHT) saved as .doc; save it as .docx or .html")
    }

    func testAWebPageSavedAsDocIsReadAsAWebPage() {
        let page = Array("\u{FEFF}\n<html><head><title>总结</title></head><body><p>正文</p></body></html>".utf8)
        XCTAssertEqual(Result { () throws(DecodeError) in try DocExtractor.extract(page, name: "a.doc") },
                       Result { () throws(DecodeError) in try HTMLExtractor.extract(page, name: "a.doc") })
    }

    func testOtherOLEFilesAreNotWordDocuments() {
        XCTAssertEqual(error(TestCompoundFile.make(streams: [("Workbook", [9, 8])])), "a.doc: is an Excel workbook, not a Word document")
        XCTAssertEqual(error(TestCompoundFile.make(streams: [("PowerPoint Document", [1])])),
                       "a.doc: is a PowerPoint presentation, not a Word document")
        XCTAssertEqual(error(CompoundFile.signature + [UInt8](repeating: 0, count: 600)),
                       "a.doc: is not a readable Word file (a damaged OLE compound file)")
        XCTAssertEqual(error(Array("plain words".utf8)), "a.doc: is not a Word file (neither Word 97–2003 nor Word 2007 or later)")
    }

    func testAPasswordProtectedDocIsNamedSo() {
        // The File Information Block: Word's magic number, then fEncrypted at 0x0A.
        var fib = [UInt8](repeating: 0, count: 32)
        fib[0] = 0xEC
        fib[1] = 0xA5
        fib[0x0B] = 0x01
        XCTAssertEqual(error(TestCompoundFile.make(streams: [("WordDocument", fib), ("1Table", [0])])),
                       "a.doc: is password-protected; save a copy without a password")
        XCTAssertEqual(error(TestCompoundFile.make(streams: [("EncryptionInfo", [4]), ("EncryptedPackage", [1])])),
                       "a.doc: is password-protected; save a copy without a password")
    }

    func testAnOLEFileReadsItsStreamsAndSummary() throws {
        let file = try XCTUnwrap(CompoundFile(try fixture("formats/same/report.doc")))
        XCTAssertEqual(CompoundFile.uint16(try XCTUnwrap(file.stream("WordDocument", limit: 2)), 0), 0xA5EC)
        let summary = DocumentProperties(summaryInformation: try XCTUnwrap(file.stream(DocumentProperties.summaryStream)))
        XCTAssertEqual(summary, DocumentProperties(title: "余姚市教育局2023年工作总结", author: "余姚市教育局办公室"))
    }

    // MARK: Helpers

    private func error(_ bytes: [UInt8]) -> String {
        do {
            let extracted = try DocExtractor.extract(bytes, name: "a.doc")
            return "no error: \(extracted.text)"
        } catch {
            return "\(error)"
        }
    }

    /// `work` run with `PATH` set to `path`, restored after (the tests share one process).
    private func withPath<T>(_ path: String, _ work: () throws -> T) rethrows -> T {
        let saved = ProcessInfo.processInfo.environment["PATH"]
        setenv("PATH", path, 1)
        defer {
            if let saved { setenv("PATH", saved, 1) } else { unsetenv("PATH") }
        }
        return try work()
    }
}

/// An OLE compound file made in memory: version 3 (512-byte sectors), one FAT sector, one
/// directory sector (the root and up to three streams), each stream padded to 4 KB so that it
/// lies in ordinary sectors, not the mini stream.
enum TestCompoundFile {
    static func make(streams: [(name: String, bytes: [UInt8])]) -> [UInt8] {
        precondition(streams.count <= 3)
        let free: UInt32 = 0xFFFF_FFFF, endOfChain: UInt32 = 0xFFFF_FFFE, fatSector: UInt32 = 0xFFFF_FFFD
        var header = [UInt8](repeating: 0, count: 512)
        header.replaceSubrange(0..<8, with: CompoundFile.signature)
        put(&header, 0x18, 0x3E, bytes: 2)
        put(&header, 0x1A, 3, bytes: 2)
        put(&header, 0x1C, 0xFFFE, bytes: 2)
        put(&header, 0x1E, 9, bytes: 2)
        put(&header, 0x20, 6, bytes: 2)
        put(&header, 0x2C, 1)  // FAT sectors
        put(&header, 0x30, 1)  // first directory sector
        put(&header, 0x38, 4096)  // mini stream cutoff
        put(&header, 0x3C, endOfChain)
        put(&header, 0x44, endOfChain)
        for i in 0..<109 { put(&header, 0x4C + 4 * i, i == 0 ? 0 : free) }

        var fat: [UInt32] = [fatSector, endOfChain]
        var directory = entry(name: "Root Entry", type: 5, start: endOfChain, size: 0)
        var data: [UInt8] = []
        for stream in streams {
            let padded = stream.bytes + [UInt8](repeating: 0, count: Swift.max(4096, (stream.bytes.count + 511) / 512 * 512) - stream.bytes.count)
            let first = UInt32(fat.count)
            let sectors = padded.count / 512
            fat += (1..<sectors).map { first + UInt32($0) } + [endOfChain]
            directory += entry(name: stream.name, type: 2, start: first, size: UInt32(padded.count))
            data += padded
        }
        directory += [UInt8](repeating: 0, count: 512 - directory.count)
        var fatBytes = [UInt8](repeating: 0xFF, count: 512)
        for (i, value) in fat.enumerated() { put(&fatBytes, 4 * i, value) }
        return header + fatBytes + directory + data
    }

    private static func entry(name: String, type: UInt8, start: UInt32, size: UInt32) -> [UInt8] {
        var entry = [UInt8](repeating: 0, count: 128)
        for (i, unit) in name.utf16.enumerated() { put(&entry, 2 * i, UInt32(unit), bytes: 2) }
        put(&entry, 0x40, UInt32(name.utf16.count + 1) * 2, bytes: 2)
        entry[0x42] = type
        for offset in [0x44, 0x48, 0x4C] { put(&entry, offset, 0xFFFF_FFFF) }
        put(&entry, 0x74, start)
        put(&entry, 0x78, size)
        return entry
    }

    private static func put(_ bytes: inout [UInt8], _ offset: Int, _ value: UInt32, bytes count: Int = 4) {
        for i in 0..<count { bytes[offset + i] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(i))) }
    }
}
