import Foundation

/// A report's `section` and `figure` lines of the build cache packed straight into
/// `PackedOutline`'s layout: they are 3.1 million of the 3.8 million lines at 100,000 reports, and
/// made three Strings and a `Figure` or `SectionSummary` each only to be packed and dropped.
struct OutlinePacker {
    /// The report's own figures (those before its first section) and its sections, the last still
    /// open: its fields up to its topics in `head`, its figures in `figures`.
    private var own: [UInt8] = [], ownCount = 0
    private var sections: [UInt8] = [], sectionCount = 0
    private var head: [UInt8] = [], figures: [UInt8] = [], figureCount = 0
    private var scratch: [UInt8] = [], topics: [Int] = []

    /// A `section` line (anchor, depth, number, heading, topics); false when it does not read.
    mutating func section(_ line: CacheLine) -> Bool {
        guard !line.isNull(1), let depth = line.int(2), !line.isNull(3), !line.isNull(4) else { return false }
        topics.removeAll(keepingCapacity: true)
        guard line.appendIndices(5, to: &topics) else { return false }
        closeSection()
        sectionCount += 1
        Self.append(line, 1, scratch: &scratch, to: &head)
        Varint.append(depth, to: &head)
        Self.append(line, 3, scratch: &scratch, to: &head)
        Self.append(line, 4, scratch: &scratch, to: &head)
        Varint.append(topics.count, to: &head)
        for t in topics { Varint.append(t, to: &head) }
        return true
    }

    /// A `figure` line (phrase, written, value, unit), the open section's or else the report's own;
    /// false when it does not read.
    mutating func figure(_ line: CacheLine) -> Bool {
        guard !line.isNull(1), !line.isNull(2), !line.isNull(4) else { return false }
        var value: Double?
        if let text = line.string(3) {
            guard let v = Double(text) else { return false }
            value = v
        }
        if sectionCount == 0 {
            ownCount += 1
            Self.append(line, value: value, scratch: &scratch, to: &own)
        } else {
            figureCount += 1
            Self.append(line, value: value, scratch: &scratch, to: &figures)
        }
        return true
    }

    /// The outline of the lines since the last call; nil when there were none.
    mutating func finish() -> PackedOutline? {
        guard ownCount > 0 || sectionCount > 0 else { return nil }
        closeSection()
        var out: [UInt8] = []
        out.reserveCapacity(own.count + sections.count + 8)
        Varint.append(ownCount, to: &out)
        out += own
        Varint.append(sectionCount, to: &out)
        out += sections
        own.removeAll(keepingCapacity: true)
        sections.removeAll(keepingCapacity: true)
        (ownCount, sectionCount) = (0, 0)
        return PackedOutline(packed: out)
    }

    private mutating func closeSection() {
        guard sectionCount > 0 else { return }
        sections += head
        Varint.append(figureCount, to: &sections)
        sections += figures
        head.removeAll(keepingCapacity: true)
        figures.removeAll(keepingCapacity: true)
        figureCount = 0
    }

    /// A figure: its phrase, written form and unit, then its value.
    private static func append(_ line: CacheLine, value: Double?, scratch: inout [UInt8], to out: inout [UInt8]) {
        append(line, 1, scratch: &scratch, to: &out)
        append(line, 2, scratch: &scratch, to: &out)
        append(line, 4, scratch: &scratch, to: &out)
        if let value {
            out.append(1)
            withUnsafeBytes(of: value.bitPattern.littleEndian) { out += $0 }
        } else {
            out.append(0)
        }
    }

    /// A string field as `PackedOutline` keeps a String: its UTF-8 length, then its bytes (invalid
    /// UTF-8 repaired as `String(decoding:as:)` repairs it).
    private static func append(_ line: CacheLine, _ i: Int, scratch: inout [UInt8], to out: inout [UInt8]) {
        if !line.hasEscape(i) {
            let field = line.raw(i)
            if isValidUTF8(field) {
                Varint.append(field.count, to: &out)
                out.append(contentsOf: field)
                return
            }
        }
        scratch.removeAll(keepingCapacity: true)
        line.appendUnescaped(i, to: &scratch)
        scratch.withUnsafeBufferPointer { unescaped in
            if !isValidUTF8(unescaped) { scratch = Array(String(decoding: unescaped, as: UTF8.self).utf8) }
        }
        Varint.append(scratch.count, to: &out)
        out += scratch
    }

    /// Well-formed UTF-8 as Unicode's table 3-7 gives it.
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let p = bytes.baseAddress else { return true }
        var i = 0
        let n = bytes.count
        while i < n {
            let c = p[i]
            if c < 0x80 {
                i += 1
                continue
            }
            let length: Int, low: UInt8, high: UInt8
            switch c {
            case 0xC2...0xDF: (length, low, high) = (2, 0x80, 0xBF)
            case 0xE0: (length, low, high) = (3, 0xA0, 0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: (length, low, high) = (3, 0x80, 0xBF)
            case 0xED: (length, low, high) = (3, 0x80, 0x9F)
            case 0xF0: (length, low, high) = (4, 0x90, 0xBF)
            case 0xF1...0xF3: (length, low, high) = (4, 0x80, 0xBF)
            case 0xF4: (length, low, high) = (4, 0x80, 0x8F)
            default: return false
            }
            guard i + length <= n, p[i + 1] >= low, p[i + 1] <= high else { return false }
            for k in 2..<length where p[i + k] & 0xC0 != 0x80 { return false }
            i += length
        }
        return true
    }
}
