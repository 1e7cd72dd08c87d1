import Foundation

/// One line of a `SourceCache` file, its fields decoded in place from the file's bytes: through
/// array slices and a `String` per number, the 263 MB at 100,000 reports took 7–9 s of CPU, now 2.
/// A field is text with tab, newline, carriage return and backslash escaped, or `\N` for null.
struct CacheLine {
    let bytes: UnsafeBufferPointer<UInt8>
    /// Where each field ends in `bytes` (the next starts after its tab), the first `capacity` of them;
    /// storage the caller lends, kept between lines.
    private let ends: UnsafeMutableBufferPointer<Int>
    private var start = 0
    /// How many fields the line has, counting those past `capacity`.
    private(set) var count = 0

    /// The most fields a line of any kind has.
    static let capacity = 19

    init(_ bytes: UnsafeBufferPointer<UInt8>, ends: UnsafeMutableBufferPointer<Int>) {
        precondition(ends.count >= Self.capacity)
        (self.bytes, self.ends) = (bytes, ends)
    }

    /// Splits `bytes[start..<end]`, a line without its newline, at its tabs.
    mutating func split(_ start: Int, _ end: Int) {
        self.start = start
        count = 0
        let base = bytes.baseAddress!
        var field = start
        while let tab = memchr(base + field, 0x09, end - field) {
            let at = base.distance(to: tab.assumingMemoryBound(to: UInt8.self))
            if count < Self.capacity { ends[count] = at }
            count += 1
            field = at + 1
        }
        if count < Self.capacity { ends[count] = end }
        count += 1
    }

    /// Field `i` of a line with more than `i` fields, `i` below `capacity`.
    func range(_ i: Int) -> Range<Int> { (i == 0 ? start : ends[i - 1] + 1)..<ends[i] }

    func raw(_ i: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[range(i)]) }

    func `is`(_ i: Int, _ word: StaticString) -> Bool {
        let r = range(i)
        return r.count == word.utf8CodeUnitCount && memcmp(bytes.baseAddress! + r.lowerBound, word.utf8Start, r.count) == 0
    }

    func isNull(_ i: Int) -> Bool { `is`(i, "\\N") }

    func hasEscape(_ i: Int) -> Bool {
        let r = range(i)
        return !r.isEmpty && memchr(bytes.baseAddress! + r.lowerBound, 0x5C, r.count) != nil
    }

    var firstByte: UInt8? { start < ends[0] ? bytes[start] : nil }

    func text(_ i: Int) -> String { String(decoding: raw(i), as: UTF8.self) }

    func string(_ i: Int) -> String? {
        if isNull(i) { return nil }
        guard hasEscape(i) else { return text(i) }
        var out: [UInt8] = []
        appendUnescaped(i, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The field's text bytes, escapes undone (a null field gives `N`: callers check `isNull` first).
    func appendUnescaped(_ i: Int, to out: inout [UInt8]) {
        let field = raw(i)
        guard hasEscape(i) else { return out.append(contentsOf: field) }
        var escaped = false
        for b in field {
            if escaped {
                out.append(b == 0x74 ? 0x09 : b == 0x6E ? 0x0A : b == 0x72 ? 0x0D : b)
                escaped = false
            } else if b == 0x5C {
                escaped = true
            } else {
                out.append(b)
            }
        }
    }

    /// A decimal number as `Int(_:)` reads it; nil for null.
    func int(_ i: Int) -> Int? { CacheLine.int(raw(i)) }

    /// A number as `UInt64(_:radix: 16)` reads it. Sixteen lower-case digits, most hashes, are read
    /// eight at a time: every build reads some 400,000 of them.
    func hex(_ i: Int) -> UInt64? {
        Self.hex(raw(i)) ?? UInt64(text(i), radix: 16)
    }

    /// Up to sixteen lower-case hex digits, read eight at a time with zeros before them; nil for
    /// anything else (upper case included), which callers read the slow way.
    static func hex(_ field: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard (1...16).contains(field.count) else { return nil }
        var digits: (UInt64, UInt64) = (0x3030_3030_3030_3030, 0x3030_3030_3030_3030)
        withUnsafeMutableBytes(of: &digits) { padded in
            UnsafeMutableRawBufferPointer(rebasing: padded[(16 - field.count)...]).copyMemory(from: UnsafeRawBufferPointer(field))
        }
        guard isLowerHex(digits.0), isLowerHex(digits.1) else { return nil }
        func value(_ pairs: UInt64) -> UInt64 { (pairs & 0xFFFF) << 16 | (pairs >> 32 & 0xFFFF) }
        return value(pairs(digits.0)) << 32 | value(pairs(digits.1))
    }

    /// True when fields `i` and `j` hold the same bytes.
    func same(_ i: Int, _ j: Int) -> Bool {
        let a = range(i), b = range(j)
        return a.count == b.count && memcmp(bytes.baseAddress! + a.lowerBound, bytes.baseAddress! + b.lowerBound, a.count) == 0
    }

    /// Comma-separated numbers; empty for an empty field. The array is made its size at once, not grown.
    func indices(_ i: Int) -> [Int]? {
        let field = raw(i)
        var out: [Int] = []
        guard !field.isEmpty else { return out }
        out.reserveCapacity(1 + field.reduce(0) { $0 + ($1 == 0x2C ? 1 : 0) })
        return appendIndices(i, to: &out) ? out : nil
    }

    /// Appends the field's comma-separated numbers; false when one does not read.
    func appendIndices(_ i: Int, to out: inout [Int]) -> Bool {
        let field = raw(i)
        guard !field.isEmpty else { return true }
        var start = 0
        for at in 0...field.count where at == field.count || field[at] == 0x2C {
            guard let n = CacheLine.int(UnsafeBufferPointer(rebasing: field[start..<at])) else { return false }
            out.append(n)
            start = at + 1
        }
        return true
    }

    /// A `MinHash` signature of `size` values, four lower-case hex digits a value, read eight digits
    /// (two values) at a time: every build reads one for each of the archive's reports.
    static func signature(_ field: UnsafeRawBufferPointer, size: Int) -> [UInt16]? {
        guard field.count == size * 4, size % 2 == 0 else { return nil }
        var valid = true
        let out = [UInt16](unsafeUninitializedCapacity: size) { values, count in
            for k in stride(from: 0, to: size, by: 2) {
                let digits = field.loadUnaligned(fromByteOffset: k * 4, as: UInt64.self)
                valid = valid && Self.isLowerHex(digits)
                let pairs = Self.pairs(digits)
                values[k] = UInt16(truncatingIfNeeded: pairs)
                values[k + 1] = UInt16(truncatingIfNeeded: pairs >> 32)
            }
            count = size
        }
        return valid ? out : nil
    }

    /// The values of eight lower-case hex digits loaded from memory (the first in the lowest byte),
    /// four digits a value: the first four's in bits 0–15, the last four's in bits 32–47.
    private static func pairs(_ digits: UInt64) -> UInt64 {
        // Each byte's low four bits, plus 9 for a letter (bit 6).
        let nibbles = (digits & 0x0F0F_0F0F_0F0F_0F0F) &+ ((digits >> 6) & 0x0101_0101_0101_0101) &* 9
        let bytes = (nibbles & 0x00FF_00FF_00FF_00FF) << 4 | (nibbles >> 8) & 0x00FF_00FF_00FF_00FF
        return (bytes & 0x0000_FFFF_0000_FFFF) << 8 | (bytes >> 16) & 0x0000_FFFF_0000_FFFF
    }

    /// True when each of the eight bytes is `0`–`9` or `a`–`f`. A byte's high bit is set by adding
    /// what lifts the bound to 0x80; bytes below 0x80 cannot carry into the next.
    private static func isLowerHex(_ x: UInt64) -> Bool {
        let high: UInt64 = 0x8080_8080_8080_8080
        func atLeast(_ bound: UInt64) -> UInt64 { (x &+ (0x80 - bound) &* 0x0101_0101_0101_0101) & high }
        return x & high == 0 && (atLeast(0x30) & ~atLeast(0x3A)) | (atLeast(0x61) & ~atLeast(0x67)) == high
    }

    /// Plain digits read here, up to 18 of them (no overflow); anything else as `Int(_:)` reads it.
    private static func int(_ field: UnsafeBufferPointer<UInt8>) -> Int? {
        guard (1...18).contains(field.count) else { return slowInt(field) }
        var v = 0
        for b in field {
            let digit = b &- 0x30
            guard digit < 10 else { return slowInt(field) }
            v = v * 10 + Int(digit)
        }
        return v
    }

    private static func slowInt(_ field: UnsafeBufferPointer<UInt8>) -> Int? {
        Int(String(decoding: field, as: UTF8.self))
    }
}
