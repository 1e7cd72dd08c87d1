/// Text as an array of Unicode scalars: the parser's working form.
///
/// Scanning scalars by index is an order of magnitude faster than walking `Character`s,
/// and every marker the parser looks for (、 （ ① 〇 …) is a single scalar.
typealias Scalars = [Unicode.Scalar]

/// One step of decoding valid UTF-8, for the scans that read a string's bytes directly.
public enum UTF8Scalar {
    /// How many bytes the UTF-8 sequence that `lead` starts takes (valid UTF-8).
    @inline(__always)
    static func length(lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// The value of the scalar whose UTF-8 starts at `i`, moving `i` past it. Three-byte
    /// sequences (all of CJK) are tested first. `bytes` must be valid UTF-8, as a `String` holds.
    @inlinable @inline(__always)
    public static func next(in bytes: UnsafeBufferPointer<UInt8>, at i: inout Int) -> UInt32 {
        let b = UInt32(bytes[i])
        if b & 0xF0 == 0xE0 {
            defer { i += 3 }
            return (b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
        }
        if b < 0x80 {
            i += 1
            return b
        }
        if b < 0xE0 {
            defer { i += 2 }
            return (b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
        }
        defer { i += 4 }
        return (b & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F)
    }
}

extension Array where Element == Unicode.Scalar {
    /// The scalars of `string`, decoded from its UTF-8 in one pass (several times faster than
    /// `Array(string.unicodeScalars)`), for other modules' scans.
    public static func decoding(_ string: some StringProtocol) -> [Unicode.Scalar] { Self(string) }

    init(_ string: some StringProtocol) {
        var string = String(string)
        self = string.withUTF8 { Scalars(utf8: $0) }
    }

    /// Decodes valid UTF-8 (as Swift strings hold it) without going through `Character`; valid
    /// UTF-8 always yields a valid scalar, so the value is stored without the checked
    /// initialiser's branch.
    init(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        self.init(unsafeUninitializedCapacity: Self.scalarCount(bytes)) { buffer, count in
            var i = 0, n = 0
            let end = bytes.count
            while i < end {
                buffer[n] = unsafeBitCast(UTF8Scalar.next(in: bytes, at: &i), to: Unicode.Scalar.self)
                n += 1
            }
            count = n
        }
    }

    /// Decodes UTF-8 that has not been validated; nil unless it is well-formed (Unicode Table 3-7,
    /// as `String(validating:)` requires: no overlong forms, surrogates or values past U+10FFFF).
    /// Decoding and checking in one pass saves the parser a separate validation of its input.
    init?(validatingUTF8 bytes: UnsafeBufferPointer<UInt8>) {
        var valid = true
        self.init(unsafeUninitializedCapacity: Self.scalarCount(bytes)) { buffer, count in
            var i = 0, n = 0
            let end = bytes.count
            decoding: while i < end {
                let b = UInt32(bytes[i])
                var v: UInt32
                if b & 0xF0 == 0xE0 {
                    guard i + 2 < end else { valid = false; break decoding }
                    let b1 = UInt32(bytes[i + 1]), b2 = UInt32(bytes[i + 2])
                    // Both continuation bytes in one test, and surrogates (D800–DFFF) in one mask.
                    guard (b1 | b2 << 8) & 0xC0C0 == 0x8080 else { valid = false; break decoding }
                    v = (b & 0x0F) << 12 | (b1 & 0x3F) << 6 | (b2 & 0x3F)
                    guard v >= 0x800, v & 0xF800 != 0xD800 else { valid = false; break decoding }
                    i += 3
                } else if b < 0x80 {
                    v = b
                    i += 1
                } else if b >= 0xC2 && b < 0xE0 {
                    guard i + 1 < end, bytes[i + 1] & 0xC0 == 0x80 else { valid = false; break decoding }
                    v = (b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                    i += 2
                } else if b >= 0xF0 && b <= 0xF4 {
                    guard i + 3 < end, bytes[i + 1] & 0xC0 == 0x80, bytes[i + 2] & 0xC0 == 0x80, bytes[i + 3] & 0xC0 == 0x80 else {
                        valid = false
                        break decoding
                    }
                    v = (b & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F)
                    guard v >= 0x10000, v <= 0x10FFFF else { valid = false; break decoding }
                    i += 4
                } else {
                    valid = false  // a continuation byte, C0/C1 (overlong) or F5…FF
                    break decoding
                }
                buffer[n] = unsafeBitCast(v, to: Unicode.Scalar.self)
                n += 1
            }
            count = n
        }
        guard valid else { return nil }
    }

    /// Bytes that are not continuation bytes: the scalar count of valid UTF-8, and an upper bound
    /// for any bytes. Allocating that, not a scalar a byte, keeps a line of Chinese in a third of the memory.
    /// Counted eight bytes a step: a continuation byte (10xxxxxx) has bit 7 set and bit 6 clear,
    /// and the byte-wise loop did not vectorise.
    static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let words = UnsafeRawPointer(base)
        var n = 0, i = 0
        while i &+ 8 <= bytes.count {
            let w = words.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let continuation = (w & ~(w << 1) & 0x8080_8080_8080_8080) >> 7
            // One bit a continuation byte, summed into the top byte by the multiply.
            n &+= 8 &- Int(truncatingIfNeeded: (continuation &* 0x0101_0101_0101_0101) >> 56)
            i &+= 8
        }
        while i < bytes.count {
            if bytes[i] & 0xC0 != 0x80 { n &+= 1 }
            i &+= 1
        }
        return n
    }

    /// The scalars of the first `limit` UTF-8 bytes of `string`; a character the limit cuts is left out.
    init(_ string: String, utf8Limit limit: Int) {
        var string = string
        self = string.withUTF8 { bytes in
            var end = Swift.min(limit, bytes.count)
            while end > 0 && end < bytes.count && bytes[end] & 0xC0 == 0x80 { end -= 1 }  // continuation byte
            return Scalars(utf8: UnsafeBufferPointer(rebasing: bytes[..<end]))
        }
    }

    var string: String { self[...].string }
}

extension Array where Element == Unicode.Scalar {
    /// The UTF-8 length of the scalars in `range`: where a scalar offset falls in the text's bytes.
    func utf8Count(_ range: Range<Int>) -> Int {
        precondition(range.lowerBound >= 0 && range.upperBound <= count)  // the reads below are unchecked
        return withUnsafeBufferPointer { scalars in
            var n = 0
            for i in range {
                // One byte, and one more past each of 7F, 7FF and FFFF: the sign bit of `limit - v`
                // (v ≤ 10FFFF), without branches, so that the loop vectorises.
                let v: UInt32 = scalars[i].value
                let two: UInt32 = (0x7F &- v) >> 31, three: UInt32 = (0x7FF &- v) >> 31, four: UInt32 = (0xFFFF &- v) >> 31
                n &+= Int(1 &+ two &+ three &+ four)
            }
            return n
        }
    }
}

extension Array where Element == UInt8 {
    /// A string of bytes in `range` known to be well-formed UTF-8 (input already validated):
    /// copied in as they are where the standard library allows it, as `Scalars.string` does.
    func validUTF8String(_ range: Range<Int>) -> String {
        precondition(range.lowerBound >= 0 && range.upperBound <= count)  // the reads below are unchecked
        guard !range.isEmpty else { return "" }
        return withUnsafeBufferPointer { buffer in
            let bytes = UnsafeBufferPointer(rebasing: buffer[range])
            if #available(macOS 26, *) {
                return String(copying: UTF8Span(unchecked: bytes.span))
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}

extension ArraySlice where Element == Unicode.Scalar {
    /// Encodes to UTF-8 directly: far cheaper than appending to a `String.UnicodeScalarView`.
    var string: String {
        withUnsafeBufferPointer { $0.string }
    }
}

extension UnsafeBufferPointer where Element == Unicode.Scalar {
    /// Encodes to UTF-8 directly. The bytes are well-formed by construction, so where the standard
    /// library takes them unchecked (`UTF8Span`) they are copied in as they are: its validation
    /// cost more than the encoding.
    var string: String {
        guard !isEmpty else { return "" }
        if #available(macOS 26, *) {
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count * 4) { buffer in
                let n = encode(self, into: buffer)
                return String(copying: UTF8Span(unchecked: UnsafeBufferPointer<UInt8>(rebasing: buffer[..<n]).span))
            }
        }
        return String(unsafeUninitializedCapacity: count * 4) { buffer in encode(self, into: buffer) }
    }

    private func encode(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var n = 0
        for s in scalars {
            let v = s.value
            if v >= 0x800 && v < 0x10000 {  // CJK first: most of the text
                buffer[n] = UInt8(0xE0 | v >> 12)
                buffer[n + 1] = UInt8(0x80 | v >> 6 & 0x3F)
                buffer[n + 2] = UInt8(0x80 | v & 0x3F)
                n += 3
            } else if v < 0x80 {
                buffer[n] = UInt8(v)
                n += 1
            } else if v < 0x800 {
                buffer[n] = UInt8(0xC0 | v >> 6)
                buffer[n + 1] = UInt8(0x80 | v & 0x3F)
                n += 2
            } else {
                buffer[n] = UInt8(0xF0 | v >> 18)
                buffer[n + 1] = UInt8(0x80 | v >> 12 & 0x3F)
                buffer[n + 2] = UInt8(0x80 | v >> 6 & 0x3F)
                buffer[n + 3] = UInt8(0x80 | v & 0x3F)
                n += 4
            }
        }
        return n
    }
}

extension Unicode.Scalar {
    /// ASCII space/tab, the ideographic space and no-break spaces.
    /// Tested by subtraction, not by a `switch` over ranges: that compiled to a call a range (as
    /// do `isHan` and `digitValue`), and these three are asked of nearly every scalar parsed.
    var isBlank: Bool {
        let v = value
        return v == 0x20 || v == 0x3000 || v == 0x09 || v == 0x0B || v == 0x0C || v == 0xA0 || v &- 0x2002 <= 0x200B - 0x2002
            || v == 0xFEFF
    }

    /// Ends a sentence: a heading or a paragraph that stops here is complete.
    var isTerminal: Bool {
        switch self {
        case "。", "！", "？", "!", "?", "；", ";", "…": true
        default: false
        }
    }

    var isClosingQuote: Bool {
        switch self {
        case "”", "’", "」", "』", "\"", "）", ")", "】", "》": true
        default: false
        }
    }

    var isHan: Bool {
        let v = value
        return v &- 0x4E00 <= 0x9FFF - 0x4E00 || v &- 0x3400 <= 0x4DBF - 0x3400 || v == 0x3007
    }

    /// 0–9 in ASCII or full width.
    var digitValue: Int? {
        let ascii = value &- 0x30, wide = value &- 0xFF10
        if ascii < 10 { return Int(ascii) }
        return wide < 10 ? Int(wide) : nil
    }

    /// 〇 一 二 … 九 and the look-alikes people type for zero in years (o O ○ 0 零).
    var chineseDigitValue: Int? {
        switch self {
        case "〇", "零", "○", "o", "O", "0", "０", "Ｏ": 0
        case "一": 1
        case "二", "两": 2
        case "三": 3
        case "四": 4
        case "五": 5
        case "六": 6
        case "七": 7
        case "八": 8
        case "九": 9
        default: nil
        }
    }

    /// A character people put in place of a hidden name or number: xx区, XX县, **县, ×市, _____县, 某县.
    var isAnonymiser: Bool {
        switch self {
        case "x", "X", "*", "×", "_", "某", "ｘ", "Ｘ", "＊", "＿", "※", "○": true
        default: false
        }
    }
}

extension Array where Element == Unicode.Scalar {
    /// Index of the first occurrence of `needle` at or after `start`.
    func firstIndex(of needle: Scalars, from start: Int = 0, to end: Int? = nil) -> Int? {
        let limit = (end ?? count) - needle.count
        guard let first = needle.first, start <= limit else { return nil }
        return withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { pin in
                var i = Swift.max(start, 0)
                while i <= limit {
                    if hay[i] == first {
                        var j = 1
                        while j < pin.count && hay[i + j] == pin[j] { j += 1 }
                        if j == pin.count { return i }
                    }
                    i += 1
                }
                return nil
            }
        }
    }

    func hasPrefix(_ prefix: Scalars, at start: Int = 0) -> Bool {
        guard start >= 0, start + prefix.count <= count else { return false }
        for k in 0..<prefix.count where self[start + k] != prefix[k] { return false }
        return true
    }

    func hasSuffix(_ suffix: Scalars) -> Bool {
        hasPrefix(suffix, at: count - suffix.count)
    }

    /// The range left after blanks at both ends are skipped.
    func trimmedRange(_ range: Range<Int>? = nil) -> Range<Int> {
        let r = range ?? 0..<count
        var lo = r.lowerBound, hi = r.upperBound
        while lo < hi && self[lo].isBlank { lo += 1 }
        while hi > lo && self[hi - 1].isBlank { hi -= 1 }
        return lo..<hi
    }

    func trimmed() -> Scalars { Array(self[trimmedRange()]) }

    /// Last scalar that is not blank or a closing quote: what decides whether a text ends a sentence.
    var endsSentence: Bool {
        var i = count - 1
        while i >= 0 && (self[i].isBlank || self[i].isClosingQuote) { i -= 1 }
        return i >= 0 && (self[i].isTerminal || self[i] == "：" || self[i] == ":")
    }
}
