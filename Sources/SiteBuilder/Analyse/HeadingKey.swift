/// A heading reduced to what says what it is about: no numbering (一、 （二） 3. ① 第一部分), no year
/// (2023年, 二〇二三年度, xx年), no punctuation or spaces. Two reports of one office in two years
/// number and date the same chapter differently; what is left is what a reader compares.
enum HeadingKey {
    static func scalars(_ heading: String) -> [Unicode.Scalar] {
        let s = Array(heading.unicodeScalars)
        var i = numberingEnd(s)
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count - i)
        while i < s.count {
            if let end = yearEnd(s, at: i) {
                i = end
                continue
            }
            if s[i].isWordScalar { out.append(s[i]) }
            i += 1
        }
        return out
    }

    static func bigrams(_ heading: String) -> Bigrams { Bigrams(scalars(heading)) }

    /// Where a numbering left at the start of the heading's text ends (0 when there is none).
    private static func numberingEnd(_ s: [Unicode.Scalar]) -> Int {
        var i = 0
        while i < s.count, s[i] == " " || s[i] == "\u{3000}" || s[i] == "\t" { i += 1 }
        guard i < s.count else { return i }
        if (0x2460...0x24FF).contains(s[i].value) || (0x2776...0x2793).contains(s[i].value) { return i + 1 }  // ① ⑴ ❶
        if s[i] == "（" || s[i] == "(" {
            var k = i + 1
            while k < s.count, k - i <= 3, s[k].isDigit || s[k].isNumeralWord { k += 1 }
            if k > i + 1, k < s.count, s[k] == "）" || s[k] == ")" { return k + 1 }
            return i
        }
        let ordinal = s[i] == "第"
        var k = ordinal ? i + 1 : i
        let start = k
        while k < s.count, k - start < 3, s[k].isDigit || s[k].isNumeralWord { k += 1 }
        guard k > start, k < s.count else { return i }
        switch s[k] {
        case "、", ".", "．", "，", ",", "章", "节", "条", "篇": return k + 1
        case "部" where ordinal && k + 1 < s.count && s[k + 1] == "分": return k + 2
        default: return i
        }
    }

    /// The end of a year that starts at `i`, with its 年 and 度: 2023年, 二〇二三年, xx年 (a year
    /// the site hid); nil when none starts there.
    private static func yearEnd(_ s: [Unicode.Scalar], at i: Int) -> Int? {
        var k = i
        if s[i].isDigit {
            guard i == 0 || !s[i - 1].isDigit else { return nil }
            while k < s.count, s[k].isDigit { k += 1 }
            guard k - i == 4, Self.century(s[i], s[i + 1]) else { return nil }
        } else if s[i].isYearDigitWord || s[i].isAnonymiser {
            while k < s.count, k - i < 4, s[k].isYearDigitWord || s[k].isAnonymiser { k += 1 }
            guard k - i >= 2, k < s.count, s[k] == "年" else { return nil }
        } else {
            return nil
        }
        if k < s.count, s[k] == "年" {
            k += 1
            if k < s.count, s[k] == "度" { k += 1 }
        }
        return k
    }

    /// 19xx or 20xx: four digits that are a year rather than a count (1000所).
    private static func century(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
        let digit = { (s: Unicode.Scalar) in s.value >= 0xFF10 ? s.value - 0xFF10 : s.value - 0x30 }
        return (digit(a), digit(b)) == (1, 9) || (digit(a), digit(b)) == (2, 0)
    }
}

extension Unicode.Scalar {
    /// A digit of a year written in words: 二〇二三 (and the ○ people type for 〇).
    fileprivate var isYearDigitWord: Bool {
        switch self {
        case "〇", "○", "零", "一", "二", "三", "四", "五", "六", "七", "八", "九": true
        default: false
        }
    }

    /// A character put in place of a hidden number: xx年, XXXX年, **年, 某年.
    fileprivate var isAnonymiser: Bool {
        switch self {
        case "x", "X", "*", "×", "某", "ｘ", "Ｘ", "＊": true
        default: false
        }
    }
}
