/// A collection's 目录: numbered titles with page numbers, either run together on one line
/// (`目录L区教育局2023年工作总结22,区教育局…73 .市教育局…`, as a .docx preview flattens it)
/// or one entry a line (`1.title 3`).
struct TableOfContents: Sendable {
    var titles: [Scalars]
    /// Where the text after the 目录 begins.
    var end: TextPosition
    /// The 目录 as written, kept for the record of what was consumed.
    var text: String

    static let heading: Scalars = Scalars("目录")
    /// A 目录 stands this near the start of its line or not at all (`6篇汇编目录`, a page's first words).
    static let maxHeadLength = 100

    /// Reads a 目录 that starts at `start` (at the word 目录).
    static func read(_ paragraphs: [Paragraph], at start: TextPosition) -> TableOfContents? {
        let text = paragraphs[start.paragraph].text
        var after = start.offset + heading.count
        if after < text.count, text[after] == ":" || text[after] == "：" { after += 1 }  // `目录：`
        if text.trimmedRange(after..<text.count).isEmpty {
            return readOnePerLine(paragraphs, from: start.paragraph + 1)
        }
        return readInline(text, from: after, heading: start.offset, paragraph: start.paragraph)
    }

    private static func readInline(_ text: Scalars, from start: Int, heading: Int, paragraph: Int) -> TableOfContents? {
        var q = skipFirstMarker(text, start)
        var titles: [Scalars] = []
        var k = 2
        while true {
            if let (markerStart, markerEnd) = findMarker(k, in: text, from: q + 4, within: 80) {
                titles.append(stripPageNumber(text[q..<markerStart]))
                q = markerEnd
                k += 1
            } else if let pageStart = lastEntryEnd(text, from: q + 4) {
                titles.append(stripPageNumber(text[q..<pageStart]))
                var end = pageStart
                while end < text.count, text[end].digitValue != nil { end += 1 }
                guard titles.count >= 2 else { return nil }
                return TableOfContents(titles: titles, end: TextPosition(paragraph: paragraph, offset: end),
                                       text: text[heading..<end].string)
            } else {
                return nil
            }
        }
    }

    private static func readOnePerLine(_ paragraphs: [Paragraph], from first: Int) -> TableOfContents? {
        var titles: [Scalars] = []
        var p = first
        var lines: [String] = ["目录"]
        while p < paragraphs.count {
            let text = paragraphs[p].text
            guard let (n, afterMarker) = entryMarker(text, at: 0), n == titles.count + 1 else { break }
            var end = text.count
            while end > afterMarker && (text[end - 1].digitValue != nil || text[end - 1].isBlank || isLeader(text[end - 1])) { end -= 1 }
            guard end > afterMarker else { break }
            titles.append(Array(text[text.trimmedRange(afterMarker..<end)]))
            lines.append(text.string)
            p += 1
        }
        guard titles.count >= 2 else { return nil }
        return TableOfContents(titles: titles, end: TextPosition(paragraph: p, offset: 0), text: lines.joined(separator: "\n"))
    }

    /// The first entry's number, which OCR of a flattened .docx often turns into `L` or `l`.
    private static func skipFirstMarker(_ text: Scalars, _ start: Int) -> Int {
        var q = text.trimmedRange(start..<text.count).lowerBound
        guard q < text.count else { return q }
        if let (n, after) = entryMarker(text, at: q), n == 1 { return after }
        if ["L", "l", "I", "|", "1", "１"].contains(text[q]) {
            q += 1
            if q < text.count, isSeparator(text[q]) { q += 1 }
        }
        return q
    }

    /// `k` followed by a separator (`.` `,` `、` `．`, blanks allowed before it), at or after `from`.
    private static func findMarker(_ k: Int, in text: Scalars, from: Int, within: Int) -> (Int, Int)? {
        let digits = Scalars(String(k))
        var i = from
        while i < Swift.min(text.count, from + within) {
            if text.hasPrefix(digits, at: i) {
                var j = i + digits.count
                while j < text.count && text[j].isBlank { j += 1 }
                if j < text.count, isSeparator(text[j]), j + 1 < text.count, text[j + 1].digitValue == nil {
                    return (i, j + 1)
                }
            }
            i += 1
        }
        return nil
    }

    /// Where the last entry's page number starts: a short digit run that is not part of a date.
    private static func lastEntryEnd(_ text: Scalars, from: Int) -> Int? {
        var i = from
        while i < Swift.min(text.count, from + 80) {
            if text[i].digitValue != nil, text[i - 1].digitValue == nil {
                var j = i
                while j < text.count, text[j].digitValue != nil { j += 1 }
                let next = j < text.count ? text[j] : " "
                if j - i <= 3, next != "年", next != "月", next != "日", next != "%", next != "." {
                    return i
                }
                i = j
                continue
            }
            i += 1
        }
        return nil
    }

    /// `N.` `N、` `N．` `N,` at `i`: the entry number and where its title starts.
    private static func entryMarker(_ text: Scalars, at i: Int) -> (Int, Int)? {
        var j = i, n = 0
        while j < text.count, j - i < 3, let d = text[j].digitValue {
            n = n * 10 + d
            j += 1
        }
        guard j > i else { return nil }
        while j < text.count && text[j].isBlank { j += 1 }
        guard j < text.count, isSeparator(text[j]) else { return nil }
        return (n, j + 1)
    }

    private static func stripPageNumber(_ s: ArraySlice<Unicode.Scalar>) -> Scalars {
        var end = s.endIndex
        while end > s.startIndex, s[end - 1].isBlank { end -= 1 }  // `1.title 2 2.title`
        while end > s.startIndex, s[end - 1].digitValue != nil { end -= 1 }
        while end > s.startIndex, s[end - 1].isBlank || isLeader(s[end - 1]) { end -= 1 }
        return Array(s[s.startIndex..<end]).trimmed()
    }

    private static func isSeparator(_ s: Unicode.Scalar) -> Bool {
        s == "." || s == "," || s == "、" || s == "．" || s == "，"
    }

    /// Dots that lead from a title to its page number.
    private static func isLeader(_ s: Unicode.Scalar) -> Bool {
        s == "." || s == "…" || s == "．" || s == "·" || s == "-"
    }
}
