/// A heading number as GB/T 9704 orders them: 一、 → (一) → 1. → (1) → ①.
struct HeadingMarker: Equatable, Sendable {
    enum Kind: Int, Comparable, Sendable {
        /// 一、
        case chinese = 1
        /// (一) （一）
        case chineseParen = 2
        /// 1. 1、 1． `1 .`
        case arabic = 3
        /// (1) （1）
        case arabicParen = 4
        /// ① … ⑳
        case circled = 5

        static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }

    var kind: Kind
    var number: Int
    /// Where the number starts and where the heading text after it starts.
    var range: Range<Int>

    /// Could a marker start with this scalar? A cheap filter before `parse`.
    static func mayStart(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x28, 0x30...0x39, 0xFF08, 0xFF10...0xFF19, 0x2460...0x2473: true
        case 0x3007, 0x4E00...0x9FFF: ChineseNumber.isNumeral(s)
        default: false
        }
    }

    /// `mayStart` for every scalar of the Basic Multilingual Plane (no marker starts beyond it),
    /// one bit each: the outline builder asks this of every scalar it reads.
    static let startBits: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        for v in 0..<0x10000 {
            if let s = Unicode.Scalar(v), mayStart(s) { bits[v >> 6] |= 1 << UInt64(v & 63) }
        }
        return bits
    }()

    /// The marker that starts exactly at `i`, if any.
    /// - Parameter enumerations: also return `四、` in `四、五中全会` (consecutive numerals), for callers
    ///   that ask whether text merely looks numbered.
    static func parse(_ text: Scalars, at i: Int, enumerations: Bool = false) -> HeadingMarker? {
        guard i < text.count else { return nil }
        let s = text[i]
        if ("①"..."⑳").contains(s) {
            return HeadingMarker(kind: .circled, number: Int(s.value - 0x2460) + 1, range: i..<(i + 1))
        }
        if s == "(" || s == "（" {
            var j = i + 1
            while j < text.count, j - i <= 3, text[j].digitValue != nil || ChineseNumber.isNumeral(text[j]) { j += 1 }
            guard j > i + 1, j < text.count, text[j] == ")" || text[j] == "）" else { return nil }
            let inner = text[(i + 1)..<j]
            if inner.allSatisfy({ $0.digitValue != nil }), inner.count <= 2, let n = ChineseNumber.digitwise(inner) {
                return HeadingMarker(kind: .arabicParen, number: n, range: i..<(j + 1))
            }
            if let n = ChineseNumber.value(inner) {
                return HeadingMarker(kind: .chineseParen, number: n, range: i..<(j + 1))
            }
            return nil
        }
        if s.digitValue != nil {
            var j = i, n = 0
            while j < text.count, j - i < 3, let d = text[j].digitValue {
                n = n * 10 + d
                j += 1
            }
            guard j - i <= 2 else { return nil }
            var k = j
            if k < text.count, text[k] == " " { k += 1 }  // `1 .`, as a .docx preview writes it
            guard k < text.count, text[k] == "." || text[k] == "、" || text[k] == "．" else { return nil }
            if k != j, text[k] != "." && text[k] != "．" { return nil }
            // 1.5 is a number, 1、2 an enumeration.
            if k + 1 < text.count, text[k + 1].digitValue != nil { return nil }
            return HeadingMarker(kind: .arabic, number: n, range: i..<(k + 1))
        }
        if ChineseNumber.isNumeral(s) {
            var j = i
            while j < text.count, j - i < 3, ChineseNumber.isNumeral(text[j]) { j += 1 }
            guard j < text.count, isChineseSeparator(text[j]), let n = ChineseNumber.value(text[i..<j]) else { return nil }
            // `一.5` or `十一.五` is a number, not a heading.
            if text[j] != "、", j + 1 < text.count, text[j + 1].digitValue != nil || ChineseNumber.isNumeral(text[j + 1]) { return nil }
            // 一、二年级, 四、五中全会: consecutive numerals enumerate, they do not head anything.
            if !enumerations, j + 1 < text.count, ChineseNumber.isNumeral(text[j + 1]) {
                var k = j + 1
                while k < text.count, k - j <= 3, ChineseNumber.isNumeral(text[k]) { k += 1 }
                if let next = ChineseNumber.value(text[(j + 1)..<k]), next == n + 1 { return nil }
            }
            return HeadingMarker(kind: .chinese, number: n, range: i..<(j + 1))
        }
        return nil
    }

    /// `、` after 一 二 三, or what a typist or OCR put in its place: `一'` `一’` `一.` `一．`.
    static func isChineseSeparator(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "、", "'", "’", ".", "．": true
        default: false
        }
    }
}
