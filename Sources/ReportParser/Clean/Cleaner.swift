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
        // Its UTF-8 copied out once (a copy, not an encoding), so that its paragraphs carry their bytes too.
        let source = Array(text.utf8)
        return source.withUnsafeBufferPointer { clean(lines: $0, of: source, validating: false)! }
    }

    /// Cleans bytes not yet known to be UTF-8, checking each line as it is decoded; nil when they
    /// are not well-formed UTF-8, or hold a NUL byte (binary, which the decoder refuses) or a CR
    /// (a line end the decoder turns into `\n`). Otherwise the same as `clean(String(validating: bytes))`.
    func clean(validatingUTF8 bytes: [UInt8]) -> CleanText? {
        bytes.withUnsafeBufferPointer { clean(lines: $0, of: bytes, validating: true) }
    }

    /// - Parameter source: the array `bytes` points into: a paragraph's UTF-8 is a slice of it.
    private func clean(lines bytes: UnsafeBufferPointer<UInt8>, of source: [UInt8], validating: Bool) -> CleanText? {
        var dropped: [DroppedText] = []
        var published: String?
        var lines: [Paragraph?] = []  // nil: a blank line, which separates paragraphs
        // Room for every line at once: grown step by step, the array was copied and freed again
        // (moving paragraphs) about once a doubling.
        let counted = Self.countLines(bytes)
        if validating && counted.nulOrCR { return nil }
        lines.reserveCapacity(counted.lines)

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
            let lineStart = start
            start = end + 1
            number += 1
            // Most lines hold no text rule's pattern: then the same pass has found the line rules' literals.
            let scan = rules.scanLine(scalars, candidates: candidates)
            let cut = scan.textMayApply && cutTextRules(&scalars, line: number, dropped: &dropped)
            let trimmed = stripTableChrome(&scalars, line: number, dropped: &dropped)
            guard !scalars.isEmpty else {
                lines.append(nil)
                continue
            }
            // Uncut, the line's text is its bytes less those trimmed off its ends.
            let paragraph = Paragraph(text: scalars, utf8: cut ? nil : (lineStart + trimmed.head)..<(end - trimmed.tail),
                                      line: number)
            if scalars.count <= Self.maxChromeLength,
               let rule = scan.textMayApply ? rules.lineRule(matching: scalars)
                   : rules.lineRule(matching: scalars, candidates: candidates, marked: scan.lineRuleMarked) {
                dropped.append(DroppedText(rule: rule.name, text: paragraph.string(in: source), line: number))
                if rule.kind == .published, published == nil { published = DateReader.firstISODate(in: scalars) }
                continue
            }
            lines.append(paragraph)
        }

        var utf8 = source  // page-marker joins copy their bytes onto the end
        PageMarkers.remove(from: &lines, dropped: &dropped, utf8: &utf8)
        let paragraphs = LineJoiner.join(lines)
        return CleanText(paragraphs: paragraphs, dropped: dropped.sorted { $0.line < $1.line }, publishedDate: published, utf8: utf8)
    }

    /// Newlines plus one (the lines the loop below reads), and whether a NUL or CR byte occurs.
    /// Counted eight bytes a step (a byte loop cost more than the growth it saves): a byte of
    /// `w ^ 0x0A…` is zero where a newline stands, and the high bit of `(x & 0x7F…) + 0x7F… | x` is
    /// set exactly in the bytes that are not zero; `(x - 0x01…) & ~x & 0x80…` is non-zero exactly
    /// when some byte of `x` is zero.
    private static func countLines(_ bytes: UnsafeBufferPointer<UInt8>) -> (lines: Int, nulOrCR: Bool) {
        guard let base = bytes.baseAddress else { return (1, false) }
        let words = UnsafeRawPointer(base)
        let (ones, highs, lows) = (UInt64(0x0101_0101_0101_0101), UInt64(0x8080_8080_8080_8080), UInt64(0x7F7F_7F7F_7F7F_7F7F))
        var n = 1, i = 0
        var zeroes: UInt64 = 0
        while i &+ 8 <= bytes.count {
            let w = words.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let x = w ^ 0x0A0A_0A0A_0A0A_0A0A
            let nonZero = ((x & lows) &+ lows | x) & highs
            n &+= 8 &- nonZero.nonzeroBitCount
            let r = w ^ 0x0D0D_0D0D_0D0D_0D0D
            zeroes |= (w &- ones) & ~w & highs | (r &- ones) & ~r & highs
            i &+= 8
        }
        var nulOrCR = zeroes != 0
        while i < bytes.count {
            if bytes[i] == 0x0A { n &+= 1 }
            if bytes[i] == 0 || bytes[i] == 0x0D { nulOrCR = true }
            i &+= 1
        }
        return (n, nulOrCR)
    }

    /// Where the line starting at `start` ends: memchr finds the newline far faster than a byte loop.
    private static func lineEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard start < bytes.count, let base = bytes.baseAddress,
              let hit = memchr(base + start, 0x0A, bytes.count - start) else { return bytes.count }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
    }

    /// Whether any pattern was cut out.
    private func cutTextRules(_ scalars: inout Scalars, line: Int, dropped: inout [DroppedText]) -> Bool {
        var cut = false
        for rule in rules.textRules {
            guard let tail = rule.tail else {
                while let i = scalars.firstIndex(of: rule.literal) {
                    scalars.removeSubrange(i..<(i + rule.literal.count))
                    dropped.append(DroppedText(rule: rule.name, text: rule.pattern, line: line))
                    cut = true
                }
                continue
            }
            var from = 0
            while let i = scalars.firstIndex(of: rule.literal, from: from) {
                let afterHead = i + rule.literal.count
                guard let t = tail.isEmpty ? scalars.count : scalars.firstIndex(of: tail, from: afterHead) else {
                    from = afterHead  // a head with no tail is text
                    continue
                }
                var end = t + tail.count
                // The blank that set the span off goes with it: `详见 HYPERLINK "…" 网站` reads `详见 网站`.
                while end < scalars.count, scalars[end].isBlank, i == 0 || scalars[i - 1].isBlank { end += 1 }
                dropped.append(DroppedText(rule: rule.name, text: scalars[i..<end].string, line: line))
                scalars.removeSubrange(i..<end)
                cut = true
                from = i
            }
        }
        return cut
    }

    /// Trims blanks, and the `|` cell borders a converted HTML table leaves at line ends; returns
    /// the UTF-8 lengths trimmed off the head and the tail.
    private func stripTableChrome(_ scalars: inout Scalars, line: Int, dropped: inout [DroppedText]) -> (head: Int, tail: Int) {
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
        var trimmed = (head: 0, tail: 0)
        if range.upperBound < scalars.count {
            trimmed.tail = scalars.utf8Count(range.upperBound..<scalars.count)
            scalars.removeSubrange(range.upperBound..<scalars.count)
        }
        if range.lowerBound > 0 {
            trimmed.head = scalars.utf8Count(0..<range.lowerBound)
            scalars.removeSubrange(0..<range.lowerBound)
        }
        return trimmed
    }
}
