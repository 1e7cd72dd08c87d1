import XCTest

@testable import SiteBuilder

final class CacheLineTests: XCTestCase {
    private func signature(_ text: String, size: Int) -> [UInt16]? {
        Array(text.utf8).withUnsafeBytes { CacheLine.signature($0, size: size) }
    }

    /// Every value reads back as written; any byte but `0`–`9` and `a`–`f`, at any place, or
    /// another length, and the signature does not read.
    func testASignatureReadsBackAndABadDigitAnywhereIsRefused() {
        var generator = SystemRandomNumberGenerator()
        let values = (0..<128).map { _ in UInt16.random(in: .min ... .max, using: &generator) } + [0, 0xffff, 0x0a9f, 0xf0a9]
        let text = values.map { String(format: "%04x", $0) }.joined()
        XCTAssertEqual(signature(text, size: values.count), values)
        XCTAssertNil(signature(text, size: values.count - 2))
        XCTAssertNil(signature(String(text.dropLast(4)), size: values.count))
        var scalars = Array(text.unicodeScalars)
        for at in scalars.indices {
            let kept = scalars[at]
            for bad in ["g", "A", "F", "/", ":", "`", " ", "\u{7f}", "é"] as [Unicode.Scalar] {
                scalars[at] = bad
                let altered = String(String.UnicodeScalarView(scalars))
                // A two-byte scalar lengthens the field: refused for its length.
                XCTAssertNil(signature(altered, size: values.count), "\(bad) at \(at)")
            }
            scalars[at] = kept
        }
    }

    private func hex(_ text: String) -> UInt64? {
        let bytes = Array(("source\t" + text + "\tx").utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            let ends = UnsafeMutableBufferPointer<Int>.allocate(capacity: CacheLine.capacity)
            defer { ends.deallocate() }
            var line = CacheLine(buffer, ends: ends)
            line.split(0, buffer.count)
            return line.hex(1)
        }
    }

    /// A hex number reads as `UInt64(_:radix: 16)` reads it, whatever its length, case or digits.
    func testAHexNumberReadsAsUInt64ReadsIt() {
        var generator = SystemRandomNumberGenerator()
        var values: [UInt64] = [0, 1, 0xf, 0x10, 0x0123_4567_89ab_cdef, 0xfedc_ba98_7654_3210, .max, 1 << 63, 0x8000_0000_ffff_0000]
        values += (0..<1000).map { _ in UInt64.random(in: .min ... .max, using: &generator) }
        for value in values {
            let text = String(value, radix: 16)
            XCTAssertEqual(hex(text), value, text)
            XCTAssertEqual(hex(text.uppercased()), value, text)
            XCTAssertEqual(hex(String(repeating: "0", count: 16 - text.count) + text), value, text)
        }
        for text in ["", "g", "ffffffffffffffffff", "0123456789abcdeg", "g123456789abcdef", "01234567-9abcdef", "0123456789abcde\u{7f}",
                     "/123456789abcdef", ":123456789abcdef", "`123456789abcdef", "+123456789abcdef"] {
            XCTAssertEqual(hex(text), UInt64(text, radix: 16), text)
        }
    }
}
