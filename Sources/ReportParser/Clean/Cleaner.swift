#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ReportModel

/// Removes site chrome, spam and page-number markers, and re-joins lines that conversion broke.
struct Cleaner: Sendable {
    var rules: NoiseRules
    /// Chrome lines are short; a longer line is report text even if a pattern would match it.
    static let maxChromeLength = 200

    func clean(_ text: String) -> CleanText {
        var text = text
        return text.withUTF8 { clean(lines: $0, validating: false)! }
    }

    /// Cleans bytes not yet known to be UTF-8, checking each line as it is decoded; nil when they
    /// are not well-formed UTF-8. Otherwise the same as `clean(String(validating: bytes))`.
    /// - Precondition: no CR bytes (line ends already `\n`).
    func clean(validatingUTF8 bytes: UnsafeBufferPointer<UInt8>) -> CleanText? {
        clean(lines: bytes, validating: true)
    }

    private func clean(lines bytes: UnsafeBufferPointer<UInt8>, validating: Bool) -> CleanText? {
        var dropped: [DroppedText] = []
        var published: String?
        var lines: [Paragraph?] = []  // nil: a blank line, which separates paragraphs

        // Line-rule candidates, one flag a rule, filled anew for each line.
        let candidates = UnsafeMutableBufferPointer<Bool>.allocate(capacity: rules.lineRuleCount)
        candidates.initialize(repeating: false)
        defer { candidates.deallocate() }

        var number = 0
        var start = 0
        while start <= bytes.count {
            // One line at a time, decoded straight from the text's UTF-8 and trimmed in place.
            let end = Self.lineEnd(in: bytes, from: start)
            let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
            guard var scalars = validating ? Scalars(validatingUTF8: line) : Scalars(utf8: line) else { return nil }
            start = end + 1
            number += 1
            // Most lines hold no text rule's pattern: then the same pass has found the line rules' literals.
            let textMayApply = rules.scanLine(scalars, candidates: candidates)
            if textMayApply { cutTextRules(&scalars, line: number, dropped: &dropped) }
            stripTableChrome(&scalars, line: number, dropped: &dropped)
            guard !scalars.isEmpty else {
                lines.append(nil)
                continue
            }
            if scalars.count <= Self.maxChromeLength,
               let rule = textMayApply ? rules.lineRule(matching: scalars) : rules.lineRule(matching: scalars, candidates: candidates) {
                dropped.append(DroppedText(rule: rule.name, text: scalars.string, line: number))
                if rule.kind == .published, published == nil { published = DateReader.firstISODate(in: scalars) }
                continue
            }
            lines.append(Paragraph(text: scalars, line: number))
        }

        PageMarkers.remove(from: &lines, dropped: &dropped)
        let paragraphs = LineJoiner.join(lines)
        return CleanText(paragraphs: paragraphs, dropped: dropped.sorted { $0.line < $1.line }, publishedDate: published)
    }

    /// Where the line starting at `start` ends: memchr finds the newline far faster than a byte loop.
    private static func lineEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard start < bytes.count, let base = bytes.baseAddress,
              let hit = memchr(base + start, 0x0A, bytes.count - start) else { return bytes.count }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
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
    private func stripTableChrome(_ scalars: inout Scalars, line: Int, dropped: inout [DroppedText]) {
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
        // In place: most lines need nothing cut (and then not even the call), the rest no new array.
        if range.upperBound < scalars.count { scalars.removeSubrange(range.upperBound..<scalars.count) }
        if range.lowerBound > 0 { scalars.removeSubrange(0..<range.lowerBound) }
    }
}
