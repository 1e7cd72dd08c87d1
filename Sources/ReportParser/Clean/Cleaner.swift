import ReportModel

/// Removes site chrome, spam and page-number markers, and re-joins lines that conversion broke.
struct Cleaner: Sendable {
    var rules: NoiseRules
    /// Chrome lines are short; a longer line is report text even if a pattern would match it.
    static let maxChromeLength = 200

    func clean(_ text: String) -> CleanText {
        var dropped: [DroppedText] = []
        var published: String?
        var lines: [Paragraph?] = []  // nil: a blank line, which separates paragraphs

        var number = 0
        var text = text
        let rawLines: [Scalars] = text.withUTF8 { bytes in
            var out: [Scalars] = []
            var start = 0
            for i in 0...bytes.count where i == bytes.count || bytes[i] == 0x0A {
                out.append(Scalars(utf8: UnsafeBufferPointer(rebasing: bytes[start..<i])))
                start = i + 1
            }
            return out
        }
        for var scalars in rawLines {
            number += 1
            cutTextRules(&scalars, line: number, dropped: &dropped)
            let trimmed = stripTableChrome(scalars, line: number, dropped: &dropped)
            guard !trimmed.isEmpty else {
                lines.append(nil)
                continue
            }
            if trimmed.count <= Self.maxChromeLength, let rule = rules.lineRule(matching: trimmed) {
                dropped.append(DroppedText(rule: rule.name, text: trimmed.string, line: number))
                if rule.kind == .published, published == nil { published = DateReader.firstISODate(in: trimmed) }
                continue
            }
            lines.append(Paragraph(text: trimmed, line: number))
        }

        PageMarkers.remove(from: &lines, dropped: &dropped)
        let paragraphs = LineJoiner.join(lines)
        return CleanText(paragraphs: paragraphs, dropped: dropped.sorted { $0.line < $1.line }, publishedDate: published)
    }

    private func cutTextRules(_ scalars: inout Scalars, line: Int, dropped: inout [DroppedText]) {
        for rule in rules.textRules {
            while let i = scalars.firstIndex(of: rule.literal) {
                scalars.removeSubrange(i..<(i + rule.literal.count))
                dropped.append(DroppedText(rule: rule.name, text: rule.pattern, line: line))
            }
        }
    }

    /// Trims blanks, and the `|` cell borders a converted HTML table leaves at line ends.
    private func stripTableChrome(_ scalars: Scalars, line: Int, dropped: inout [DroppedText]) -> Scalars {
        var range = scalars.trimmedRange()
        var cut = false
        while let last = range.last, scalars[last] == "|" || scalars[last] == "｜" {
            range = scalars.trimmedRange(range.lowerBound..<last)
            cut = true
        }
        while let first = range.first, scalars[first] == "|" || scalars[first] == "｜" {
            range = scalars.trimmedRange((first + 1)..<range.upperBound)
            cut = true
        }
        if cut {
            dropped.append(DroppedText(rule: "table-border", text: "|", line: line))
        }
        return Array(scalars[range])
    }
}
