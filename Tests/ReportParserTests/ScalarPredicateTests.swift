import Decode
import Foundation
import XCTest

@testable import ReportParser

/// The scalar tests every scan asks (`isBlank`, `isHan`, `digitValue`), written as arithmetic for
/// speed, checked against their plain definitions on every scalar; and the byte-wise scans that
/// replaced scalar-view walks (head-line length, traditional script).
final class ScalarPredicateTests: XCTestCase {
    private static let blanks = Set<UInt32>([0x20, 0x09, 0x0B, 0x0C, 0xA0, 0x3000, 0xFEFF]).union(0x2002...0x200B)

    private func everyScalar(_ body: (Unicode.Scalar) -> Void) {
        for v in UInt32(0)...0x10FFFF {
            if let s = Unicode.Scalar(v) { body(s) }
        }
    }

    func testBlankIsExactlyTheListedSpaces() {
        everyScalar { s in
            if s.isBlank != Self.blanks.contains(s.value) { XCTFail("isBlank U+\(String(s.value, radix: 16))") }
        }
        XCTAssertFalse(Unicode.Scalar(0x0A).isBlank)  // a line end is no blank
    }

    func testHanIsTheUnifiedIdeographsExtensionAAndIdeographicZero() {
        everyScalar { s in
            let han = (0x4E00...0x9FFF).contains(s.value) || (0x3400...0x4DBF).contains(s.value) || s.value == 0x3007
            if s.isHan != han { XCTFail("isHan U+\(String(s.value, radix: 16))") }
        }
    }

    func testDigitValueIsASCIIAndFullWidthDigitsOnly() {
        everyScalar { s in
            let expected: Int? = switch s.value {
            case 0x30...0x39: Int(s.value - 0x30)
            case 0xFF10...0xFF19: Int(s.value - 0xFF10)
            default: nil
            }
            if s.digitValue != expected { XCTFail("digitValue U+\(String(s.value, radix: 16))") }
        }
    }

    /// A head line is counted in scalars, not bytes: forty Han characters (120 bytes) still are one.
    func testHeadLineLengthCountsScalars() {
        let limit = MetadataRanking.headLineMaxScalars
        XCTAssertFalse(MetadataReader.isLong(String(repeating: "教", count: limit)))
        XCTAssertTrue(MetadataReader.isLong(String(repeating: "教", count: limit + 1)))
        XCTAssertFalse(MetadataReader.isLong(String(repeating: "a", count: limit)))
        XCTAssertTrue(MetadataReader.isLong(String(repeating: "a", count: limit + 1)))
        XCTAssertFalse(MetadataReader.isLong(String(repeating: "𠀀", count: limit)))  // four bytes each
        XCTAssertTrue(MetadataReader.isLong(String(repeating: "é", count: limit) + "x"))
        XCTAssertFalse(MetadataReader.isLong(""))
    }

    /// The scan of a string and the scan of its scalars agree, and find a traditional character anywhere.
    func testTraditionalFoundAtAnyPosition() {
        for text in ["縣教育局", "教育局工作總結", "2021年 區教育局", "教育局", "a", ""] {
            let scalars = Scalars(text)
            XCTAssertEqual(SimplifiedForm.hasTraditional(text), scalars.contains(where: SimplifiedForm.isTraditional), text)
            XCTAssertEqual(SimplifiedForm.of(scalars) != scalars, SimplifiedForm.hasTraditional(text), text)
        }
        XCTAssertTrue(SimplifiedForm.hasTraditional("教育局工作總結"))
        XCTAssertFalse(SimplifiedForm.hasTraditional("显著成绩，与时俱进"))  // ICU maps 著 and 俱, simplified text uses them
    }

    /// The table of traditional-only characters is ICU's `Hant-Hans` mapping less GB 2312, made
    /// again here from both; when a new ICU maps otherwise, the failure prints the table to paste.
    func testTraditionalTableIsICUsMappingLessGB2312() throws {
        let (start, end) = (TraditionalCharacters.start, TraditionalCharacters.end)
        var gb2312: [UInt8] = []
        for row in UInt8(0xB0)...0xF7 {
            for cell in UInt8(0xA1)...0xFE where !(row == 0xD7 && cell >= 0xFA) {  // D7FA–D7FE are unassigned
                gb2312 += [row, cell]
            }
        }
        let standard = Set(try XCTUnwrap(Iconv.decode(gb2312, from: "GB2312")).unicodeScalars.map(\.value))
        XCTAssertEqual(standard.count, 6_763, "GB 2312's Han characters")
        var all = String.UnicodeScalarView()
        for v in start..<end {
            all.append(Unicode.Scalar(v)!)
            all.append("\n")
        }
        let lines = try XCTUnwrap(String(all).applyingTransform(StringTransform("Hant-Hans"), reverse: false))
            .split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertGreaterThanOrEqual(lines.count, Int(end - start))
        var bits = [UInt64](repeating: 0, count: Int(end - start + 63) / 64)
        for (i, line) in lines.prefix(Int(end - start)).enumerated() {
            let v = start + UInt32(i)
            if line.unicodeScalars.map(\.value) != [v], !standard.contains(v) { bits[i >> 6] |= 1 << UInt64(i & 63) }
        }
        XCTAssertGreaterThan(bits.reduce(0) { $0 + $1.nonzeroBitCount }, 2_000, "ICU maps thousands of traditional characters")
        if bits != TraditionalCharacters.bits {
            let rows = stride(from: 0, to: bits.count, by: 4).map { row in
                "        " + bits[row..<min(row + 4, bits.count)].map { "0x" + String($0, radix: 16, uppercase: true) }.joined(separator: ", ") + ","
            }
            XCTFail("TraditionalCharacters.bits differs from ICU's mapping; the table as made here:\n" + rows.joined(separator: "\n"))
        }
    }
}
