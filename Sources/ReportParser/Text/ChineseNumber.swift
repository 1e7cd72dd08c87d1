/// Values of Chinese numerals as they appear in headings (一 … 九十九) and dates (二〇二三, 二十一).
enum ChineseNumber {
    /// 十, 百 and the Han characters among `chineseDigitValue`'s, spelled out: this runs on
    /// every character the outline builder looks at.
    static func isNumeral(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "十", "百", "〇", "零", "一", "二", "两", "三", "四", "五", "六", "七", "八", "九": true
        default: false
        }
    }

    /// 一 → 1, 十 → 10, 十二 → 12, 二十 → 20, 二十一 → 21; nil for anything else.
    static func value(_ s: ArraySlice<Unicode.Scalar>) -> Int? {
        guard !s.isEmpty, s.count <= 4 else { return nil }
        var total = 0, current = -1
        for c in s {
            if c == "十" {
                total += (current < 0 ? 1 : current) * 10
                current = -1
            } else if c == "百" {
                total += (current < 0 ? 1 : current) * 100
                current = -1
            } else if let d = c.chineseDigitValue, c.isHan {
                if current >= 0 { return nil }  // 二三 is not a number here
                current = d
            } else {
                return nil
            }
        }
        return total + Swift.max(current, 0)
    }

    /// Digit by digit, as years are written: 二〇一二 → 2012, 二oo六 → 2006.
    static func digitwise(_ s: some Collection<Unicode.Scalar>) -> Int? {
        guard !s.isEmpty else { return nil }
        var v = 0
        for c in s {
            guard let d = c.chineseDigitValue ?? c.digitValue else { return nil }
            v = v * 10 + d
        }
        return v
    }

    /// An amount written in words, as figures are: 十二 → 12, 一百二十 → 120, 两千 → 2000,
    /// 一千零五 → 1005, 三点五 → 3.5; nil for anything else (二三, an empty run).
    /// Any run indexed by offset, so that a slice of the figure reader's buffer is read in place.
    static func amount<Run: RandomAccessCollection<Unicode.Scalar>>(_ s: Run) -> Double? where Run.Index == Int {
        var total = 0, current = -1
        var i = s.startIndex
        while i < s.endIndex, s[i] != "点" {
            let c = s[i]
            let place = c == "十" ? 10 : c == "百" ? 100 : c == "千" ? 1000 : 0
            if place > 0 {
                total += (current < 0 ? 1 : current) * place
                current = -1
            } else if c == "零" || c == "〇" {
                current = -1
            } else if let d = c.chineseDigitValue, c.isHan {
                if current >= 0 { return nil }
                current = d
            } else {
                return nil
            }
            i += 1
        }
        guard i > s.startIndex else { return nil }
        var value = Double(total + Swift.max(current, 0))
        guard i < s.endIndex else { return value }
        // Decimals after 点 digit by digit: 三点一四 → 3.14.
        guard let fraction = digitwise(s[(i + 1)...]) else { return nil }
        var scale = 1
        for _ in (i + 1)..<s.endIndex { scale *= 10 }
        value += Double(fraction) / Double(scale)
        return value
    }

    /// Inverse of `value` for 1…99, to name the next heading in a sequence.
    static func numeral(_ n: Int) -> String {
        let digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        if n < 10 { return digits[n] }
        return (n / 10 == 1 ? "" : digits[n / 10]) + "十" + digits[n % 10]
    }
}
