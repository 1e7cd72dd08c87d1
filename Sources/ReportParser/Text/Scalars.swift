/// Text as an array of Unicode scalars: the parser's working form.
///
/// Scanning scalars by index is an order of magnitude faster than walking `Character`s,
/// and every marker the parser looks for (、 （ ① 〇 …) is a single scalar.
typealias Scalars = [Unicode.Scalar]

extension Array where Element == Unicode.Scalar {
    init(_ string: some StringProtocol) {
        self.init()
        reserveCapacity(string.utf8.count / 2)
        append(contentsOf: string.unicodeScalars)
    }

    var string: String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: self)
        return String(view)
    }
}

extension ArraySlice where Element == Unicode.Scalar {
    var string: String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: self)
        return String(view)
    }
}

extension Unicode.Scalar {
    /// ASCII space/tab, the ideographic space and no-break spaces.
    var isBlank: Bool {
        switch value {
        case 0x20, 0x09, 0x0B, 0x0C, 0xA0, 0x3000, 0x2002...0x200B, 0xFEFF: true
        default: false
        }
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
        (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) || value == 0x3007
    }

    /// 0–9 in ASCII or full width.
    var digitValue: Int? {
        switch value {
        case 0x30...0x39: Int(value - 0x30)
        case 0xFF10...0xFF19: Int(value - 0xFF10)
        default: nil
        }
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
        case "x", "X", "*", "×", "_", "某", "ｘ", "Ｘ", "＊", "＿", "Ｘ", "※", "○": true
        default: false
        }
    }
}

extension Array where Element == Unicode.Scalar {
    /// Index of the first occurrence of `needle` at or after `start`.
    func firstIndex(of needle: Scalars, from start: Int = 0, to end: Int? = nil) -> Int? {
        let limit = (end ?? count) - needle.count
        guard let first = needle.first, start <= limit else { return nil }
        var i = Swift.max(start, 0)
        while i <= limit {
            if self[i] == first {
                var j = 1
                while j < needle.count && self[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
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
