/// What sites put around a title, taken off: `编号:658229379 `, `20201218:`, `【第1篇 ` in front;
/// `_市教育局工作总结范文` (an SEO tail), `范文`, `精选`, `.docx`, `VIP` and spam behind.
/// A title runs to the end of its last report word; what follows it is kept only when it is
/// neither a site's tail nor set off by a blank (`…工作总结范例范本`, `…工作计划（讨论稿）`).
/// Works on ranges, so that the title is cut from the text as written.
enum TitleJunk {
    /// The part of `text[range]` that is the title. `text` is the matching form (simplified script).
    static func strip(_ text: Scalars, _ range: Range<Int>, words: TitleWords = .standard) -> Range<Int> {
        var r = text.trimmedRange(range)
        // In front, repeatedly: a site may stack them (`20201218:【第1篇 最新…`).
        while let next = prefixEnd(text, r, words: words) {
            r = text.trimmedRange(next..<r.upperBound)
        }
        // An SEO tail after `_` or `|`, when the part before is a title by itself.
        for separator in words[.cut] {
            if let at = text.firstIndex(of: separator, from: r.lowerBound, to: r.upperBound),
               !words.reportWords(in: text, r.lowerBound..<at).isEmpty {
                r = text.trimmedRange(r.lowerBound..<at)
            }
        }
        guard let last = words.reportWords(in: text, r).map(\.end).max() else { return r }
        // Set off by a blank, or an advertisement: no part of the title.
        if last < r.upperBound, text[last].isBlank || words.contains(.spam, in: text, last..<r.upperBound) {
            r = r.lowerBound..<last
        }
        // Site tails behind the last report word, repeatedly (`范文精选`, `(精选).docx`), when what they
        // leave is the title alone or with a note of its own (`（讨论稿）`); `范例范本` is no tail of that kind.
        var shorter = r
        while shorter.upperBound > last, let start = tailStart(text, shorter, after: last, words: words) {
            shorter = text.trimmedRange(shorter.lowerBound..<start)
        }
        let left = text.trimmedRange(last..<shorter.upperBound)
        if left.isEmpty || bracketedEnd(text, from: left.lowerBound, before: left.upperBound) == left.upperBound {
            r = shorter
        }
        return r
    }

    /// Where the title starts after one prefix a site put in front, if there is one.
    private static func prefixEnd(_ t: Scalars, _ r: Range<Int>, words: TitleWords) -> Int? {
        guard !r.isEmpty else { return nil }
        var i = r.lowerBound
        // `编号:658229379` / `编号：A-123`: a document site's number.
        if t.hasPrefix(Scalars("编号"), at: i) {
            i += 2
            if i < r.upperBound, t[i] == ":" || t[i] == "：" { i += 1 }
            while i < r.upperBound, t[i].isASCII, t[i].properties.isAlphabetic || t[i].digitValue != nil || t[i] == "-" { i += 1 }
            return i
        }
        // `20201218:` / `658229379 `: a stamp or number of six digits or more, then a colon or blank.
        var digits = i
        while digits < r.upperBound, t[digits].digitValue != nil { digits += 1 }
        if digits - i >= 6, digits < r.upperBound, t[digits] == ":" || t[digits] == "：" || t[digits].isBlank {
            return digits + 1
        }
        // `【第1篇 ` / `第一篇：` / `【第3篇】`: a collection's article number.
        if t[i] == "【" || t[i] == "[" { i += 1 }
        if i < r.upperBound, t[i] == "第" {
            var j = i + 1
            while j < r.upperBound, t[j].digitValue != nil || t[j].chineseDigitValue != nil && t[j].isHan || t[j] == "十" { j += 1 }
            if j > i + 1, j < r.upperBound, t[j] == "篇" {
                j += 1
                while j < r.upperBound, t[j] == "】" || t[j] == "]" || t[j] == ":" || t[j] == "：" || t[j].isBlank { j += 1 }
                return j
            }
        }
        i = r.lowerBound
        // `【最新】` / `(精选)` / `最新`: a site's label, when a title is left after it.
        if let close = bracketedEnd(t, from: i, before: r.upperBound), close - i <= 8,
           isJunk(t, i + 1..<(close - 1), words: words) {
            return close
        }
        for word in words[.head] where t.hasPrefix(word, at: i) && r.count - word.count >= 6 {
            return i + word.count
        }
        return nil
    }

    /// Where a site's tail at the end of `t[r]` starts (after the last report word), if there is one.
    private static func tailStart(_ t: Scalars, _ r: Range<Int>, after last: Int, words: TitleWords) -> Int? {
        let end = r.upperBound
        for word in words[.tail] where end - word.count >= last && t.hasPrefix(word, at: end - word.count) {
            return end - word.count
        }
        // A bracketed label at the end: `（精选）`, `【VIP】`, `(最新范文)`.
        if end - 1 > last, t[end - 1] == "）" || t[end - 1] == ")" || t[end - 1] == "】" || t[end - 1] == "]" {
            var open = end - 2
            while open >= last, !(t[open] == "（" || t[open] == "(" || t[open] == "【" || t[open] == "[") { open -= 1 }
            if open >= last, isJunk(t, open + 1..<(end - 1), words: words) { return open }
        }
        // A stray separator left behind: `…工作总结-`, `…工作总结.`
        if end - 1 >= last, t[end - 1] == "-" || t[end - 1] == "—" || t[end - 1] == "." || t[end - 1] == "·" { return end - 1 }
        return nil
    }

    /// The end (past the closer) of a bracketed group opening at `i`.
    private static func bracketedEnd(_ t: Scalars, from i: Int, before end: Int) -> Int? {
        guard i < end, t[i] == "【" || t[i] == "[" || t[i] == "（" || t[i] == "(" else { return nil }
        var j = i + 1
        while j < end {
            if t[j] == "】" || t[j] == "]" || t[j] == "）" || t[j] == ")" { return j + 1 }
            j += 1
        }
        return nil
    }

    /// `t[r]` is made only of site labels (tail or head words), blanks and counts: `精选5篇` is not,
    /// `精选` and `最新范文` are.
    private static func isJunk(_ t: Scalars, _ r: Range<Int>, words: TitleWords) -> Bool {
        var i = r.lowerBound
        guard i < r.upperBound else { return false }
        outer: while i < r.upperBound {
            if t[i].isBlank { i += 1; continue }
            for word in words[.tail] + words[.head] where t.hasPrefix(word, at: i) && i + word.count <= r.upperBound {
                i += word.count
                continue outer
            }
            return false
        }
        return true
    }
}
