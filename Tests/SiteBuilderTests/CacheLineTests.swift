import XCTest

@testable import SiteBuilder

final class CacheLineTests: XCTestCase {
    private func signature(_ text: String, size: Int) -> [UInt16]? {
        let bytes = Array(("minhash\t" + text).utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            let ends = UnsafeMutableBufferPointer<Int>.allocate(capacity: CacheLine.capacity)
            defer { ends.deallocate() }
            var line = CacheLine(buffer, ends: ends)
            line.split(0, buffer.count)
            return line.signature(1, size: size)
        }
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
}
