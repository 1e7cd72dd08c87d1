import Foundation
import ReportModel
import XCTest

@testable import Decode
@testable import ReportParser

/// The decode stage: bytes → text with `\n` line ends, or an error that names the file.
final class DecodeTests: XCTestCase {
    private let sentence = "县教育局2023年工作总结。"

    /// GB18030 bytes of 县教育局2023年工作总结。, checked with `iconv -f UTF-8 -t GB18030`
    /// (县 CF D8, 教 BD CC, 育 D3 FD, 局 BE D6, 年 C4 EA, 工 B9 A4, 作 D7 F7, 总 D7 DC, 结 BD E1, 。 A1 A3).
    private let gb18030Sentence: [UInt8] = [
        0xCF, 0xD8, 0xBD, 0xCC, 0xD3, 0xFD, 0xBE, 0xD6, 0x32, 0x30, 0x32, 0x33, 0xC4, 0xEA, 0xB9, 0xA4,
        0xD7, 0xF7, 0xD7, 0xDC, 0xBD, 0xE1, 0xA1, 0xA3,
    ]

    private func utf16(_ text: String, littleEndian: Bool) -> [UInt8] {
        var bytes: [UInt8] = littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
        for unit in text.utf16 {
            let lo = UInt8(unit & 0xFF), hi = UInt8(unit >> 8)
            bytes += littleEndian ? [lo, hi] : [hi, lo]
        }
        return bytes
    }

    private func decodeError(_ bytes: [UInt8], path: String, file: StaticString = #filePath, line: UInt = #line) -> DecodeError? {
        do {
            let decoded = try TextDecoder.decode(bytes, path: path)
            XCTFail("expected a DecodeError, decoded \(decoded.encoding): \(decoded.text.debugDescription)", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    // MARK: Encodings

    func testUTF8WithoutBOM() throws {
        let decoded = try TextDecoder.decode(Array("\(sentence)\n第二行".utf8), path: "a.txt")
        XCTAssertEqual(decoded.text, "\(sentence)\n第二行")
        XCTAssertEqual(decoded.encoding, "utf-8")
    }

    func testUTF8BOMIsRemovedAndNamed() throws {
        // The BOM must not survive as U+FEFF at the start of the first line (it would hide a title).
        let decoded = try TextDecoder.decode([0xEF, 0xBB, 0xBF] + Array(sentence.utf8), path: "a.txt")
        XCTAssertEqual(decoded.text, sentence)
        XCTAssertFalse(decoded.text.unicodeScalars.contains("\u{FEFF}"))
        XCTAssertEqual(decoded.encoding, "utf-8-bom")
    }

    func testUTF16LittleEndianWithBOM() throws {
        // 县 U+53BF, CR LF, 局 U+5C40, each unit low byte first.
        let decoded = try TextDecoder.decode([0xFF, 0xFE, 0xBF, 0x53, 0x0D, 0x00, 0x0A, 0x00, 0x40, 0x5C], path: "le.txt")
        XCTAssertEqual(decoded.text, "县\n局")
        XCTAssertEqual(decoded.encoding, "utf-16le")
    }

    func testUTF16BigEndianWithBOM() throws {
        let decoded = try TextDecoder.decode([0xFE, 0xFF, 0x53, 0xBF, 0x00, 0x0A, 0x5C, 0x40], path: "be.txt")
        XCTAssertEqual(decoded.text, "县\n局")
        XCTAssertEqual(decoded.encoding, "utf-16be")
    }

    func testUTF16OfALongerTextRoundTrips() throws {
        let text = "\(sentence)\n一、加强党的建设\n(一)强化政治建设。"
        XCTAssertEqual(try TextDecoder.decode(utf16(text, littleEndian: true), path: "le.txt").text, text)
        XCTAssertEqual(try TextDecoder.decode(utf16(text, littleEndian: false), path: "be.txt").text, text)
    }

    func testUTF16SurrogatePairsDecode() throws {
        // 𠀀 (U+20000) needs a surrogate pair: the decoder must combine the two units.
        let decoded = try TextDecoder.decode(utf16("𠀀县", littleEndian: true), path: "a.txt")
        XCTAssertEqual(decoded.text, "𠀀县")
    }

    func testGB18030() throws {
        let decoded = try TextDecoder.decode(gb18030Sentence, path: "gb.txt")
        XCTAssertEqual(decoded.text, sentence)
        XCTAssertEqual(decoded.encoding, "gb18030")
    }

    func testGB18030FourByteSequenceAndCRLF() throws {
        // 𠀀 is 95 32 82 36 in GB18030 only (not GBK): the decoder must use GB18030, not GBK.
        let bytes: [UInt8] = [0x95, 0x32, 0x82, 0x36, 0x0D, 0x0A] + gb18030Sentence
        let decoded = try TextDecoder.decode(bytes, path: "gb.txt")
        XCTAssertEqual(decoded.text, "𠀀\n\(sentence)")
        XCTAssertEqual(decoded.encoding, "gb18030")
    }

    func testParseReportsTheEncodingOfTheSource() throws {
        let source = try ReportParser().parse(bytes: gb18030Sentence, source: "content/gb.txt")
        XCTAssertEqual(source.encoding, "gb18030")
        XCTAssertEqual(source.reports.first?.paragraphs, [sentence])
    }

    // MARK: Line ends

    func testCRLFAndLoneCRBecomeLF() throws {
        let decoded = try TextDecoder.decode(Array("一\r\n二\r三\n四\r".utf8), path: "a.txt")
        XCTAssertEqual(decoded.text, "一\n二\n三\n四\n")
    }

    func testCRBeforeCRLFIsTwoLineEnds() throws {
        // \r\r\n is a lone CR then a CRLF: a blank line, not one line end swallowed.
        XCTAssertEqual(try TextDecoder.decode(Array("一\r\r\n二".utf8), path: "a.txt").text, "一\n\n二")
    }

    func testLineNumbersCountCRLFLinesOnce() throws {
        // Dropped noise records its line: a CRLF file must number lines as its LF copy does.
        let text = "县教育局2023年工作总结\r\n今年全县教育工作取得新成效。\r\n免责声明:本站内容来自网络\r\n"
        let source = try ReportParser().parse(bytes: Array(text.utf8), source: "crlf.txt")
        let dropped = (source.dropped + source.reports.flatMap(\.dropped)).filter { $0.rule == "disclaimer" }
        XCTAssertEqual(dropped.map(\.line), [3])
    }

    // MARK: Errors name the file

    func testNULBytesAreBinaryAndTheErrorNamesThePath() {
        let error = decodeError([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00], path: "content/report.docx")
        XCTAssertEqual(error?.path, "content/report.docx")
        XCTAssertTrue(error?.description.contains("content/report.docx") ?? false, "\(String(describing: error))")
        XCTAssertTrue(error?.reason.contains("binary") ?? false, "\(String(describing: error))")
    }

    func testControlBytesWithoutNULAreBinary() {
        // No NUL at all, but one byte in ten a C0 control: not text in any encoding we read.
        var bytes: [UInt8] = []
        for i in 0..<200 { bytes.append(i % 10 == 0 ? UInt8(1 + i % 7) : 0x41) }
        let error = decodeError(bytes, path: "noise.bin")
        XCTAssertTrue(error?.description.contains("noise.bin") ?? false, "\(String(describing: error))")
    }

    func testControlCountReadsEveryByteUpToTheThreshold() {
        // 1,003 bytes: 20 controls (2%) are still text, 21 are not; the first stands in the last
        // three bytes, after the final eight-byte word.
        func bytes(controls: Int) -> [UInt8] {
            var b = [UInt8](repeating: 0x41, count: 1003)
            for k in 0..<controls { b[1002 - k * 7] = 0x01 }
            return b
        }
        XCTAssertNoThrow(try TextDecoder.decode(bytes(controls: 20), path: "a.txt"))
        XCTAssertNotNil(decodeError(bytes(controls: 21), path: "a.txt"))
    }

    func testTabsFormFeedsAndLineEndsAreNotControlNoise() throws {
        // Tabs, form feeds and CRs are ordinary in converted text, however many there are.
        let text = "\t一、\u{0C}\r\n\t二、\t\t\r\n"
        XCTAssertEqual(try TextDecoder.decode(Array(text.utf8), path: "a.txt").text, "\t一、\u{0C}\n\t二、\t\t\n")
    }

    func testNULPastTheSniffedPrefixIsStillBinary() {
        // The quick check looks at the first 8 KB; a NUL after that must still be caught.
        let bytes = Array(String(repeating: "县教育局工作总结。\n", count: 400).utf8) + [0x00] + Array("尾".utf8)
        XCTAssertGreaterThan(bytes.count, 8192)
        XCTAssertEqual(decodeError(bytes, path: "late-nul.txt")?.path, "late-nul.txt")
    }

    func testUTF16TextHoldingNULIsBinary() {
        // A BOM does not make NUL characters text.
        let error = decodeError(utf16("县\u{0}\u{0}局", littleEndian: true), path: "u16.bin")
        XCTAssertEqual(error?.path, "u16.bin")
    }

    func testInvalidBytesAfterBOMsAreErrors() {
        // A UTF-8 BOM before bytes that are not UTF-8, and UTF-16 with an odd byte count.
        XCTAssertEqual(decodeError([0xEF, 0xBB, 0xBF, 0xFF, 0x41], path: "bom8.txt")?.path, "bom8.txt")
        XCTAssertEqual(decodeError([0xFF, 0xFE, 0xBF, 0x53, 0x41], path: "bom16.txt")?.path, "bom16.txt")
        // A lone high surrogate is not UTF-16.
        XCTAssertEqual(decodeError([0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00], path: "surrogate.txt")?.path, "surrogate.txt")
    }

    func testNeitherUTF8NorGB18030IsAnErrorNamingThePath() {
        // 0x81 must be followed by a GB18030 trail byte; a blank is not one.
        let error = decodeError(Array("abc".utf8) + [0x81, 0x20], path: "broken.txt")
        XCTAssertTrue(error?.description.hasPrefix("broken.txt: ") ?? false, "\(String(describing: error))")
    }

    func testEmptyBytesAreAnErrorNamingThePath() {
        let error = decodeError([], path: "content/empty.txt")
        XCTAssertEqual(error?.description, "content/empty.txt: the file is empty")
    }

    func testByteOrderMarkAloneIsAnEmptyFile() {
        // Three bytes, but no text at all: as empty as a file of zero bytes.
        let error = decodeError([0xEF, 0xBB, 0xBF], path: "content/bom-only.txt")
        XCTAssertEqual(error?.path, "content/bom-only.txt")
        XCTAssertThrowsError(try ReportParser().parse(bytes: [0xFF, 0xFE], source: "content/bom16-only.txt")) { error in
            XCTAssertEqual((error as? DecodeError)?.path, "content/bom16-only.txt")
        }
    }

    // MARK: Files on disk

    private func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("decode-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    func testEmptyFileThrowsNamingThePath() throws {
        let path = try temporaryFolder().appendingPathComponent("empty.txt").path
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data()))
        XCTAssertThrowsError(try ReportParser().parse(file: path)) { error in
            XCTAssertEqual((error as? DecodeError)?.path, path)
            XCTAssertTrue(String(describing: error).contains(path), "\(error)")
        }
    }

    func testMissingFileThrowsNamingTheDisplayName() throws {
        let path = try temporaryFolder().appendingPathComponent("missing.txt").path
        XCTAssertThrowsError(try ReportParser().parse(file: path, displayName: "content/missing.txt")) { error in
            XCTAssertEqual((error as? DecodeError)?.path, "content/missing.txt")
        }
    }

    func testFolderWithOneBinaryFileStillParsesTheOthers() throws {
        let folder = try temporaryFolder()
        let utf8 = "县教育局2023年工作总结\n一、加强党建\n全年召开党建工作会议4次。\n"
        try Data(utf8.utf8).write(to: folder.appendingPathComponent("a.txt"))
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]).write(to: folder.appendingPathComponent("b.txt"))
        try Data(gb18030Sentence).write(to: folder.appendingPathComponent("c.txt"))

        let parser = ReportParser()
        var parsed: [String: Source] = [:]
        var failures: [String: DecodeError] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
            let path = folder.appendingPathComponent(name).path
            do {
                parsed[name] = try parser.parse(file: path, displayName: name)
            } catch let error as DecodeError {
                failures[name] = error
            }
        }
        XCTAssertEqual(Set(parsed.keys), ["a.txt", "c.txt"])
        XCTAssertEqual(Set(failures.keys), ["b.txt"])
        XCTAssertEqual(failures["b.txt"]?.path, "b.txt")
        XCTAssertEqual(parsed["a.txt"]?.reports.first?.title, "县教育局2023年工作总结")
        XCTAssertEqual(parsed["a.txt"]?.reports.first?.sections.map(\.fullHeading), ["一、加强党建"])
        XCTAssertEqual(parsed["c.txt"]?.encoding, "gb18030")
        XCTAssertEqual(parsed["c.txt"]?.source, "c.txt")
    }

    // MARK: Validating while decoding

    /// The parser checks plain UTF-8 itself as it decodes lines; it must accept exactly what
    /// `String(validating:)` accepts, so that invalid bytes still fall back to GB18030.
    func testLineDecodingValidatesUTF8AsTheStandardLibraryDoes() {
        let cases: [[UInt8]] = [
            Array("县教育局2023年工作总结。".utf8), Array("é ß ① 𠀀 😀".utf8), [],
            [0x80], [0xBF, 0x41], [0xC0, 0xAF], [0xC1, 0xBF], [0xC2], [0xC2, 0x41], [0xC2, 0xA9], [0xDF, 0xBF],
            [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF], [0xE0, 0xA0, 0x80], [0xE4, 0xB8], [0xE4, 0xB8, 0x41], [0xE4, 0x41, 0x80],
            [0xED, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xEE, 0x80, 0x80], [0xEF, 0xBF, 0xBF],
            [0xF0, 0x8F, 0xBF, 0xBF], [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80],
            [0xF5, 0x80, 0x80, 0x80], [0xF0, 0x90, 0x80], [0xFF], [0xFE], [0x41, 0xE4, 0xB8, 0xAD, 0xE4],
        ]
        // Every three-byte lead with continuation bytes at and beyond their bounds.
        let threeByte: [[UInt8]] = (0xE0...0xEF).flatMap { lead in
            [0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC0].flatMap { b1 in [0x7F, 0x80, 0xBF, 0xC0].map { b2 in [UInt8(lead), b1, b2] } }
        }
        for bytes in cases + threeByte {
            let decoded = bytes.withUnsafeBufferPointer { Scalars(validatingUTF8: $0) }
            let expected = String(validating: bytes, as: UTF8.self).map { Array($0.unicodeScalars) }
            XCTAssertEqual(decoded, expected, "\(bytes.map { String($0, radix: 16) })")
        }
    }

    /// The decoders allocate what `scalarCount` says, counted a word at a time: too few would
    /// overrun the buffer. Every slice of a mixed text, invalid bytes included, across word bounds.
    func testScalarCountIsTheNumberOfNonContinuationBytes() {
        let bytes = Array("a县é教育局ß2023年①工作𠀀总结😀。".utf8) + [0x80, 0xBF, 0xC0, 0xFF, 0x41, 0xE4]
        bytes.withUnsafeBufferPointer { all in
            for start in 0...all.count {
                for end in start...all.count {
                    let slice = UnsafeBufferPointer(rebasing: all[start..<end])
                    XCTAssertEqual(Scalars.scalarCount(slice), slice.count { $0 & 0xC0 != 0x80 }, "\(start)..<\(end)")
                }
            }
        }
    }

    func testInvalidUTF8OnALaterLineStillFallsBackToGB18030() throws {
        // The first line is ASCII, valid as UTF-8; the second is GB18030 only.
        let bytes = Array("2023\n".utf8) + gb18030Sentence
        let source = try ReportParser().parse(bytes: bytes, source: "later.txt")
        XCTAssertEqual(source.encoding, "gb18030")
    }

    /// A report's id starts with the slug of its file's name (`ReportID`); the name is found byte-wise.
    func testFileNameIsTheLastPathComponent() {
        for (path, name) in [("content/000_abc.txt", "000_abc.txt"), ("/a/b.c.d", "b.c.d"), ("a/b/", ""), ("", ""), ("plain", "plain"),
                             ("内容/报告.txt", "报告.txt"), ("x/é.txt", "é.txt")] {
            XCTAssertEqual(ReportParser.fileName(path), name, path)
        }
        XCTAssertEqual(ReportParser().parse(text: "县教育局2023年工作总结\n一、概况\n全年工作顺利。", source: "content/000_abc.txt").reports.map(\.id),
                       ["000-abc-1"])
    }
}
