import ReportModel

/// Reads key figures from a paragraph: a number followed by a unit of `figure-words.txt`, with the
/// phrase before it that says what it measures (`新建幼儿园12所`, `投入资金3.2亿元`, `普惠率达91.17%`).
///
/// A number is digits (ASCII or full width, with a decimal point and `,` grouping by threes) or,
/// with 十/百/千 or a multiplier, a Chinese numeral (十二, 一百二十, 三点五万); 万 and 亿 after it are
/// multiplied into the value. A range (`10—15个`) or a list (`686、598人`) is kept as written, with no
/// value. Not figures: a number without a unit (2023年, 5月, 12日, 一、), an ordinal (第三), and small
/// counts in words (两所, 三个一, 四个全面), which in these reports name slogans more often than they count.
enum FigureReader {
    /// A count in words below this is a slogan's number, not a figure (see above).
    static let smallestCountInWords = 10.0
    /// A phrase longer than this keeps its end: the words next to the number name what it measures.
    static let longestPhrase = 16

    /// The figures of `paragraphs`, in reading order.
    static func figures(in paragraphs: [String], words: FigureWords = .standard) -> [Figure] {
        var out: [Figure] = []
        for i in paragraphs.indices where mayHoldFigure(paragraphs[i]) {
            read(Scalars(paragraphs[i]), words: words, into: &out)
        }
        return out
    }

    /// Fills each section's `figures` from its own paragraphs, down the tree.
    static func fill(_ sections: inout [Section], words: FigureWords = .standard) {
        for i in sections.indices {
            sections[i].figures = figures(in: sections[i].paragraphs, words: words)
            fill(&sections[i].children, words: words)
        }
    }

    /// The figures of one text.
    static func figures(in text: Scalars, words: FigureWords = .standard) -> [Figure] {
        var out: [Figure] = []
        read(text, words: words, into: &out)
        return out
    }

    private static func read(_ t: Scalars, words: FigureWords, into out: inout [Figure]) {
        var i = 0
        while i < t.count {
            let c = t[i]
            let number: Amount?
            if c.digitValue != nil {
                number = digits(t, from: i)
            } else if c.startsWordNumber, i == 0 || !t[i - 1].isNumeralWord {
                number = wordNumber(t, from: i)
            } else {
                i += 1
                continue
            }
            guard let number else {
                i += 1
                continue
            }
            if !isPartOfName(t, before: i), let figure = figure(t, number, start: i, words: words) {
                out.append(figure.figure)
                i = figure.end
            } else {
                i = Swift.max(number.end, i + 1)  // past the whole number: none starts inside it
            }
        }
    }

    /// A number as read, before its unit: `end` is the first scalar after it (and after 万/亿).
    private struct Amount {
        var value: Double?
        var end: Int
    }

    /// Digits, a decimal part, then a range's or a list's other numbers; the value is nil for those two.
    private static func digits(_ t: Scalars, from start: Int) -> Amount {
        let first = decimal(t, from: start)
        var value: Double? = first.value, end = first.end
        if end + 1 < t.count, t[end] == "、", t[end + 1].digitValue != nil {
            while end + 1 < t.count, t[end] == "、", t[end + 1].digitValue != nil { end = decimal(t, from: end + 1).end }
            return Amount(value: nil, end: end)
        }
        if let dash = rangeSeparatorLength(t, at: end), end + dash < t.count, t[end + dash].digitValue != nil {
            end = decimal(t, from: end + dash).end
            value = nil
        }
        return multiplied(Amount(value: value, end: end), t)
    }

    /// `12`, `91.17`, `１２`, `19,925`: the value from its digits, exact for a decimal's written digits.
    private static func decimal(_ t: Scalars, from start: Int) -> (value: Double, end: Int) {
        var mantissa = 0.0, places = 0, i = start, inFraction = false
        while i < t.count {
            if let d = t[i].digitValue {
                mantissa = mantissa * 10 + Double(d)
                if inFraction { places += 1 }
                i += 1
            } else if !inFraction, t[i] == "." || t[i] == "．", i + 1 < t.count, t[i + 1].digitValue != nil {
                inFraction = true
                i += 1
            } else if !inFraction, t[i] == ",", isGroupOfThree(t, at: i + 1) {
                i += 1
            } else {
                break
            }
        }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return (mantissa / scale, i)
    }

    /// Three digits and no fourth: `19,925` groups by thousands, `3,4` lists.
    private static func isGroupOfThree(_ t: Scalars, at i: Int) -> Bool {
        guard i + 3 <= t.count else { return false }
        for k in i..<(i + 3) where t[k].digitValue == nil { return false }
        return i + 3 == t.count || t[i + 3].digitValue == nil
    }

    /// `-`, `~`, `至`, `—`, `——` between two numbers.
    private static func rangeSeparatorLength(_ t: Scalars, at i: Int) -> Int? {
        guard i < t.count else { return nil }
        switch t[i] {
        case "—" where i + 1 < t.count && t[i + 1] == "—": return 2
        case "-", "–", "—", "―", "~", "～", "至", "到": return 1
        default: return nil
        }
    }

    /// A Chinese numeral run (十二, 一百二十, 三点五万), kept when it reads at least `smallestCountInWords`.
    private static func wordNumber(_ t: Scalars, from start: Int) -> Amount? {
        var end = start
        while end < t.count, t[end].isNumeralWord || (t[end] == "点" && end + 1 < t.count && t[end + 1].isNumeralWord) {
            end += 1
        }
        guard let value = ChineseNumber.amount(t[start..<end]) else { return nil }
        let amount = multiplied(Amount(value: value, end: end), t)
        guard let read = amount.value, read >= smallestCountInWords else { return nil }
        return amount
    }

    /// 万 or 亿 after a number multiplies it.
    private static func multiplied(_ amount: Amount, _ t: Scalars) -> Amount {
        guard amount.end < t.count else { return amount }
        let factor: Double = switch t[amount.end] {
        case "万": 10_000
        case "亿": 100_000_000
        default: 1
        }
        guard factor > 1 else { return amount }
        return Amount(value: amount.value.map { $0 * factor }, end: amount.end + 1)
    }

    /// An ordinal (第三, 第12), or digits inside a code or address (G20, v1.2, 9:27, news/255090).
    private static func isPartOfName(_ t: Scalars, before i: Int) -> Bool {
        guard i > 0 else { return false }
        let p = t[i - 1]
        if p == "第" { return true }
        return p.isASCII && (p.properties.isAlphabetic || p == "." || p == "/" || p == ":" || p == "_")
    }

    /// The figure whose number is `number`, starting at `start`: nil without a unit or a phrase.
    private static func figure(_ t: Scalars, _ number: Amount, start: Int, words: FigureWords) -> (figure: Figure, end: Int)? {
        var end = number.end
        while end < t.count, t[end].isBlank { end += 1 }  // `17 所`, as text from a PDF spaces it
        if let about = words.match(.about, in: t, at: end) { end += about.count }
        guard let unit = words.match(.unit, in: t, at: end) else { return nil }
        end += unit.count
        let phrase = self.phrase(t, before: start, words: words)
        guard !phrase.isEmpty else { return nil }
        let unitText = unit == ["％"] ? "%" : unit.string
        return (Figure(phrase: phrase.string, written: t[start..<end].string, value: number.value, unit: unitText), end)
    }

    /// The run of Han text before the number, back to punctuation or another number: a date's tail
    /// (when a number precedes it) and a time word taken off its start, linking words off its end,
    /// then its last `longestPhrase` scalars.
    private static func phrase(_ t: Scalars, before start: Int, words: FigureWords) -> ArraySlice<Unicode.Scalar> {
        var hi = start
        while hi > 0, t[hi - 1].isBlank { hi -= 1 }
        var lo = hi
        while lo > 0, t[lo - 1].isHan { lo -= 1 }
        if lo > 0, t[lo - 1].digitValue != nil {
            while lo < hi, let lead = words.match(.lead, in: t, at: lo), lead.count <= hi - lo { lo += lead.count }
        }
        if let when = words.match(.when, in: t, at: lo), when.count < hi - lo { lo += when.count }
        while lo < hi, words.suffix(.keep, of: t, lo..<hi) == nil, let link = words.suffix(.link, of: t, lo..<hi) { hi -= link.count }
        return t[Swift.max(lo, hi - longestPhrase)..<hi]
    }

    /// A paragraph with no digit and no 十 百 千 万 亿 holds no figure: skipped without decoding.
    static func mayHoldFigure(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b >= 0x30 && b <= 0x39 { return true }
                if b >= 0xE4 && b <= 0xEF && i + 2 < bytes.count {
                    switch (b, bytes[i + 1], bytes[i + 2]) {
                    case (0xEF, 0xBC, 0x90...0x99),  // ０–９
                         (0xE5, 0x8D, 0x81), (0xE7, 0x99, 0xBE), (0xE5, 0x8D, 0x83),  // 十 百 千
                         (0xE4, 0xB8, 0x87), (0xE4, 0xBA, 0xBF):  // 万 亿
                        return true
                    default: break
                    }
                    i += 3
                } else {
                    i += 1
                }
            }
            return false
        }
    }
}

extension Unicode.Scalar {
    /// A Chinese numeral of an amount: digits, 〇/零 and the places 十 百 千.
    fileprivate var isNumeralWord: Bool {
        switch self {
        case "〇", "零", "一", "二", "两", "三", "四", "五", "六", "七", "八", "九", "十", "百", "千": true
        default: false
        }
    }

    /// Where an amount in words may start: a digit or 十 (十二), not a place alone (百年, 千家万户).
    fileprivate var startsWordNumber: Bool {
        isNumeralWord && self != "〇" && self != "零" && self != "百" && self != "千"
    }
}
