import ReportModel

// Read from the scalars the outline builder has just scanned, never from the paragraphs' strings:
// a second pass over the strings cost 10% of the parser before reading a single figure.

/// Reads key figures from a paragraph: a number followed by a unit of `figure-words.txt`, with the
/// phrase before it that says what it measures (`新建幼儿园12所`, `投入资金3.2亿元`, `普惠率达91.17%`).
///
/// A number is digits (ASCII or full width, with a decimal point and `,` grouping by threes) or,
/// with 十/百/千 or a multiplier, a Chinese numeral (十二, 一百二十, 三点五万); 万 and 亿 after it are
/// multiplied into the value. A range (`10—15个`) or a list (`686、598人`) is kept as written, with no
/// value. Not figures: a number without a unit (2023年, 5月, 12日, 一、), an ordinal (第三), a word
/// that starts like a unit but is none (90周年, 7—12周岁), and a count in words below ten before
/// the words it counts (两所学校, 三个一, 四个全面), which in these reports names a slogan more often
/// than it counts: only at the end of its clause is it a figure (新建学校三所。). 一 is never one:
/// it says "a" (一批, 一次) as often as "one".
enum FigureReader {
    typealias Text = UnsafeBufferPointer<Unicode.Scalar>

    /// A count in words below this is a figure only at the end of its clause (see above).
    static let smallestCountInWords = 10.0
    /// A phrase longer than this keeps its end: the words next to the number name what it measures.
    static let longestPhrase = 16

    /// Appends the figures of a paragraph's scalars to `out`, in reading order.
    static func read(_ text: ArraySlice<Unicode.Scalar>, words: FigureWords = .standard, into out: inout [Figure]) {
        text.withUnsafeBufferPointer { read($0, words: words, into: &out) }
    }

    /// The figures of one text.
    static func figures(in text: String, words: FigureWords = .standard) -> [Figure] {
        var out: [Figure] = []
        read(Scalars(text)[...], words: words, into: &out)
        return out
    }

    /// Where a number is looked for: a digit, or a numeral in words but 一, 〇 and 零 (一 counts only
    /// inside a larger amount, found from its place or multiplier). Any other scalar is passed over
    /// with one test, and most of a paragraph is.
    /// Listed: testing each of the plane's 65,536 scalars against them took milliseconds at start-up.
    private static let numberMarks: ScalarBits = {
        var marks = ScalarBits()
        for s in "0123456789０１２３４５６７８９二两三四五六七八九十百千万亿".unicodeScalars { marks.insert(s) }
        return marks
    }()

    private static func read(_ t: Text, words: FigureWords, into out: inout [Figure]) {
        var previousEnd: Int?  // where the last figure appended here ended
        var i = numberMarks.firstIndex(in: t, from: 0)
        while i < t.count {
            var start = i
            let number: Amount?
            if t[i].digitValue != nil {
                number = digits(t, from: i)
            } else {
                start = wordNumberStart(t, around: i)
                number = t[start].startsWordNumber ? wordNumber(t, from: start) : nil
            }
            var end = i
            if let number, !isPartOfName(t, before: start),
               appendFigure(t, number, start: start, end: &end, after: previousEnd, words: words, to: &out) {
                previousEnd = end
                i = end
            } else {
                i = Swift.max(number?.end ?? i, i + 1)  // past the whole number: none starts inside it
            }
            i = numberMarks.firstIndex(in: t, from: i)
        }
    }

    /// The start of the run of numerals in words that holds `i` (三 of 三点五万).
    private static func wordNumberStart(_ t: Text, around i: Int) -> Int {
        var start = i
        while start > 0, t[start - 1].isNumeralWord || t[start - 1] == "点" && t[start].isNumeralWord { start -= 1 }
        return start
    }

    /// A number as read, before its unit: `end` is the index after it (and after 万/亿).
    private struct Amount {
        var value: Double?
        var end: Int
        /// A count in words below `smallestCountInWords`: a figure only at the end of its clause.
        var isSmallCount = false
    }

    /// Digits, a decimal part, then a range's or a list's other numbers; the value is nil for those two.
    private static func digits(_ t: Text, from start: Int) -> Amount {
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
    private static func decimal(_ t: Text, from start: Int) -> (value: Double, end: Int) {
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
    private static func isGroupOfThree(_ t: Text, at i: Int) -> Bool {
        guard i + 3 <= t.count else { return false }
        for k in i..<(i + 3) where t[k].digitValue == nil { return false }
        return i + 3 == t.count || t[i + 3].digitValue == nil
    }

    /// `-`, `~`, `至`, `—`, `——` between two numbers.
    private static func rangeSeparatorLength(_ t: Text, at i: Int) -> Int? {
        guard i < t.count else { return nil }
        switch t[i] {
        case "—" where i + 1 < t.count && t[i + 1] == "—": return 2
        case "-", "–", "—", "―", "~", "～", "至", "到": return 1
        default: return nil
        }
    }

    /// A Chinese numeral run (十二, 一百二十, 三点五万, 三). Only a place (十 百 千) or a multiplier takes
    /// it to `smallestCountInWords`; a run with neither is a small count, of a single numeral.
    private static func wordNumber(_ t: Text, from start: Int) -> Amount? {
        var end = start, hasPlace = false
        while end < t.count, t[end].isNumeralWord || (t[end] == "点" && end + 1 < t.count && t[end + 1].isNumeralWord) {
            hasPlace = hasPlace || t[end] == "十" || t[end] == "百" || t[end] == "千"
            end += 1
        }
        if !hasPlace, multiplier(t, at: end) == nil {
            guard end == start + 1, t[start] != "一", let digit = t[start].chineseDigitValue else { return nil }
            return Amount(value: Double(digit), end: end, isSmallCount: true)
        }
        guard let value = ChineseNumber.amount(t[start..<end]) else { return nil }
        return multiplied(Amount(value: value, end: end), t)
    }

    /// 万 or 亿 after a number multiplies it.
    private static func multiplied(_ amount: Amount, _ t: Text) -> Amount {
        guard let factor = multiplier(t, at: amount.end) else { return amount }
        return Amount(value: amount.value.map { $0 * factor }, end: amount.end + 1)
    }

    private static func multiplier(_ t: Text, at i: Int) -> Double? {
        guard i < t.count else { return nil }
        return switch t[i] {
        case "万": 10_000
        case "亿": 100_000_000
        default: nil
        }
    }

    /// An ordinal (第三, 第12), or digits inside a code or address (G20, v1.2, 9:27, news/255090).
    private static func isPartOfName(_ t: Text, before i: Int) -> Bool {
        guard i > 0 else { return false }
        let p = t[i - 1]
        return p == "第" || ("a"..."z").contains(p) || ("A"..."Z").contains(p) || p == "." || p == "/" || p == ":" || p == "_"
    }

    /// Appends the figure whose number is `number`, starting at `start` and ending at `end`; false
    /// without a unit or a phrase. `previousEnd` is where the last figure of `out` ended, when it was
    /// read before this one in the same text: a figure right after it shares its phrase
    /// (`112套3920平方米`), which is read from `out` rather than carried along with a retain.
    private static func appendFigure(_ t: Text, _ number: Amount, start: Int, end figureEnd: inout Int,
                                     after previousEnd: Int?, words: FigureWords, to out: inout [Figure]) -> Bool {
        var end = number.end
        while end < t.count, t[end].isBlank { end += 1 }  // `17 所`, as text from a PDF spaces it
        guard let unit = words.unit(in: t, at: end) else { return false }
        if number.isSmallCount, unit.end < t.count, t[unit.end].isHan || t[unit.end].digitValue != nil || t[unit.end].isClosingQuote {
            return false  // 三所学校, or a slogan's name: “双八条”
        }
        let phrase = self.phrase(t, before: start, words: words)
        let phraseText: String
        if !phrase.range.isEmpty {
            phraseText = Text(rebasing: t[phrase.range]).string
        } else if let previousEnd, previousEnd >= phrase.runStart {  // all the run was that figure's unit
            phraseText = out[out.count - 1].phrase
        } else {
            return false
        }
        figureEnd = unit.end
        out.append(Figure(phrase: phraseText, written: Text(rebasing: t[start..<unit.end]).string, value: number.value, unit: unit.name))
        return true
    }

    /// The run of Han text before the number (`runStart`), back to punctuation or another number,
    /// then cut: what ends the number before it taken off its start (`3名干部和` → 干部和, `2023年新建`
    /// → 新建), and a time word (`今年新建` → 新建); linking words off its end; then its last
    /// `longestPhrase` scalars. An empty range is a run that held no more than that.
    private static func phrase(_ t: Text, before start: Int, words: FigureWords) -> (range: Range<Int>, runStart: Int) {
        var hi = start
        while hi > 0, t[hi - 1].isBlank { hi -= 1 }
        var lo = hi
        while lo > 0, t[lo - 1].isHan { lo -= 1 }
        let runStart = lo
        if lo > 0, t[lo - 1].digitValue != nil || t[lo - 1].isAnonymiser {
            lo += numberTail(t, at: lo, before: hi, words: words)
        }
        if let when = words.match(.when, in: t, at: lo), when < hi - lo { lo += when }
        while lo < hi, words.suffix(.keep, of: t, lo..<hi) == nil, let link = words.suffix(.link, of: t, lo..<hi) { hi -= link }
        return (Swift.max(lo, hi - longestPhrase)..<hi, runStart)
    }

    /// The length of what ends a number at `start`, not past `limit`: a unit, with the multiplier
    /// and `about` word before it (`万余人`), or else a date's or an age's tail (`年底`, `周岁`).
    private static func numberTail(_ t: Text, at start: Int, before limit: Int, words: FigureWords) -> Int {
        let afterMultiplier = multiplier(t, at: start) == nil ? start : start + 1
        if let unit = words.unit(in: t, at: afterMultiplier), unit.end <= limit {
            return unit.end - start
        }
        var i = start
        while i < limit, let lead = words.match(.lead, in: t, at: i), i + lead <= limit { i += lead }
        return i - start
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
