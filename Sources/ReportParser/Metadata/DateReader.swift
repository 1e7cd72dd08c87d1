/// Dates as reports write them: `2023年12月26日`, `2023-12-26`, `二o一二年十二月二十一日`,
/// `二oo六年十二月二十日`, and anonymised ones like `XX年十 二月三日` (which have no year).
enum DateReader {
    struct Found: Equatable {
        var year: Int?
        var month: Int
        var day: Int
        var range: Range<Int>

        /// ISO date, or nil when the year is hidden: a date without a year is no date.
        var iso: String? {
            guard let year else { return nil }
            return "\(year)-\(pad(month))-\(pad(day))"
        }
    }

    /// The first `yyyy-mm-dd`, `yyyy/mm/dd`, `yyyy.mm.dd` or `yyyy年m月d日` in the text, as ISO.
    static func firstISODate(in text: Scalars) -> String? {
        var i = 0
        while i < text.count {
            if text[i].digitValue != nil, i == 0 || text[i - 1].digitValue == nil,
               let found = date(in: text, at: i), let iso = found.iso {
                return iso
            }
            i += 1
        }
        return nil
    }

    /// A date that ends the text (blanks and a closing full stop aside): where a signature puts it.
    static func trailingDate(in text: Scalars) -> Found? {
        var end = text.count
        while end > 0 && (text[end - 1].isBlank || text[end - 1] == "。") { end -= 1 }
        guard end > 0, text[end - 1] == "日" || text[end - 1] == "号" || text[end - 1].digitValue != nil else { return nil }
        // Dates are short; try every start in the last 24 scalars, longest first.
        var start = Swift.max(0, end - 24)
        while start < end {
            if let found = date(in: text, at: start), found.range.upperBound == end,
               start == 0 || !isDatePart(text[start - 1]) {
                return found
            }
            start += 1
        }
        return nil
    }

    /// Parses a date starting exactly at `i`.
    static func date(in text: Scalars, at i: Int) -> Found? {
        var p = i
        // Year: four digits (arabic or Chinese), or a hidden year (XX, xxxx, 20xx).
        let yearStart = p
        while p < text.count, p - yearStart < 4, isYearDigit(text[p]) || text[p].isAnonymiser { p += 1 }
        let yearScalars = text[yearStart..<p]
        guard yearScalars.count >= 2 else { return nil }
        let year: Int?
        if yearScalars.contains(where: { $0.isAnonymiser && $0.chineseDigitValue == nil }) {
            year = nil
        } else if yearScalars.count == 4, let y = ChineseNumber.digitwise(yearScalars), (1949...2100).contains(y) {
            year = y
        } else {
            return nil
        }
        p = skipBlanks(text, p)
        guard p < text.count else { return nil }
        let separator = text[p]
        let isChinese = separator == "年"
        guard isChinese || separator == "-" || separator == "/" || separator == "." else { return nil }
        p = skipBlanks(text, p + 1)
        guard let (month, afterMonth) = number(in: text, at: p), (1...12).contains(month) else { return nil }
        p = skipBlanks(text, afterMonth)
        guard p < text.count, isChinese ? text[p] == "月" : text[p] == separator else { return nil }
        p = skipBlanks(text, p + 1)
        guard let (day, afterDay) = number(in: text, at: p), (1...31).contains(day) else { return nil }
        p = afterDay
        if isChinese {
            p = skipBlanks(text, p)  // `5 日`
            guard p < text.count, text[p] == "日" || text[p] == "号" else { return nil }
            p += 1
        } else if p < text.count, text[p].digitValue != nil {
            return nil
        }
        return Found(year: year, month: month, day: day, range: i..<p)
    }

    /// A month or day: 1–2 arabic digits, or a Chinese number that may hold blanks (`十 二`).
    private static func number(in text: Scalars, at start: Int) -> (Int, Int)? {
        var p = start, value = 0
        while p < text.count, p - start < 2, let d = text[p].digitValue {
            value = value * 10 + d
            p += 1
        }
        if p > start { return (value, p) }
        var han: Scalars = []
        while p < text.count, han.count < 3, ChineseNumber.isNumeral(text[p]) || (text[p].isBlank && !han.isEmpty) {
            if !text[p].isBlank { han.append(text[p]) }
            p += 1
        }
        while p > start && text[p - 1].isBlank { p -= 1 }
        guard let v = ChineseNumber.value(han[...]) else { return nil }
        return (v, p)
    }

    private static func isYearDigit(_ s: Unicode.Scalar) -> Bool {
        s.digitValue != nil || s.chineseDigitValue != nil
    }

    private static func isDatePart(_ s: Unicode.Scalar) -> Bool {
        isYearDigit(s) || s.isAnonymiser
    }

    private static func skipBlanks(_ text: Scalars, _ p: Int) -> Int {
        var p = p
        while p < text.count && text[p].isBlank { p += 1 }
        return p
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
