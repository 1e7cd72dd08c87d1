import ReportModel

/// Page numbers that document-sharing sites put at the start of each page's line: `1、 … 16、`.
///
/// Only the running sequence counts, and only when it breaks sentences: a list `1、2、3、`
/// whose items end in 。 is content, and `6、598人` out of sequence is text.
enum PageMarkers {
    /// - Parameter utf8: the source's bytes, where the paragraphs' `utf8` ranges point; joins are added to it.
    static func remove(from lines: inout [Paragraph?], dropped: inout [DroppedText], utf8: inout [UInt8]) {
        guard let candidates = runningMarkers(in: lines) else { return }
        for c in candidates.reversed() {
            // Each line taken out of the array before it is changed: shared with it, its text was copied.
            guard var line = lines[c.index].take() else { continue }
            dropped.append(DroppedText(rule: "page-marker", text: line.text[0..<c.length].string, line: line.line))
            line.keep(c.length..<line.text.count)
            if line.text.allSatisfy(\.isBlank) {
                lines.remove(at: c.index)  // the marker stood alone
                continue
            }
            if let p = previousLineIndex(before: c.index, in: lines), var previous = lines[p].take() {
                previous.append(line, source: &utf8)  // the page broke a running text: join without a gap
                lines[p] = previous
                lines.remove(at: c.index)
            } else {
                lines[c.index] = line
            }
        }
    }

    /// The running sequence's markers (line and length), when it breaks sentences; nil otherwise.
    private static func runningMarkers(in lines: [Paragraph?]) -> [(index: Int, length: Int)]? {
        var candidates: [(index: Int, length: Int)] = []
        var expected = 1
        for i in lines.indices {
            // Each line read in place: bound to a name (`for (i, line) in …`), each was retained.
            guard let (value, length) = lines[i].flatMap({ marker($0.text) }), value == expected else { continue }
            candidates.append((i, length))
            expected += 1
        }
        guard !candidates.isEmpty else { return nil }
        // A short .docx preview has one or two pages: its markers count when each one is a page's
        // mark (the text's first line, a marker alone, or one that breaks a sentence); a list's
        // `1、` `2、` after finished sentences is content.
        if candidates.count < 3 {
            return candidates.allSatisfy { isPageMark($0, in: lines) } ? candidates : nil
        }
        // Page breaks fall mid-sentence most of the time; list items follow finished sentences.
        var midSentence = 0
        for c in candidates.dropFirst() {
            if let previous = previousLine(before: c.index, in: lines), !previous.text.endsSentence { midSentence += 1 }
        }
        return midSentence * 2 >= candidates.count - 1 ? candidates : nil
    }

    private static func isPageMark(_ c: (index: Int, length: Int), in lines: [Paragraph?]) -> Bool {
        guard let line = lines[c.index] else { return false }
        let rest = line.text[c.length...]
        guard let first = rest.first(where: { !$0.isBlank }) else { return true }  // `1、` alone
        if first.isTerminal || first == "，" || first == "," || first == "、" { return true }  // `2、。`: the page cut a sentence
        guard let previous = previousLine(before: c.index, in: lines) else {
            // The first line: a page that opens with the report's title (alone, or the page's text after it).
            return c.index == firstLineIndex(in: lines) && TitleLine.titleEnd(atStartOf: Array(rest)) != nil
        }
        // A page cuts running text: the line before holds finished sentences but stops mid-sentence
        // (a heading `1、基本情况` before `2、主要工作` holds none).
        return !previous.text.endsSentence && previous.text.contains(where: \.isTerminal)
    }

    private static func firstLineIndex(in lines: [Paragraph?]) -> Int? {
        lines.firstIndex { $0 != nil }
    }

    /// `N、` at the start of a line: its value and length.
    private static func marker(_ text: Scalars) -> (Int, Int)? {
        var i = 0, value = 0
        while i < text.count, i < 3, let d = text[i].digitValue {
            value = value * 10 + d
            i += 1
        }
        guard i > 0, i < text.count, text[i] == "、" else { return nil }
        return (value, i + 1)
    }

    private static func previousLineIndex(before index: Int, in lines: [Paragraph?]) -> Int? {
        var i = index - 1
        while i >= 0 {
            if lines[i] != nil { return i }
            i -= 1
        }
        return nil
    }

    private static func previousLine(before index: Int, in lines: [Paragraph?]) -> Paragraph? {
        previousLineIndex(before: index, in: lines).flatMap { lines[$0] }
    }
}
