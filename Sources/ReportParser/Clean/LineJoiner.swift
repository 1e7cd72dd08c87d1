/// Turns lines into paragraphs. A blank line or a new line ends a paragraph, except in text
/// hard-wrapped at a fixed width (PDF or DOCX conversion), where a full line that does not end
/// a sentence runs on into the next.
enum LineJoiner {
    /// Consumes the lines: each is moved into its paragraph, so that the first line a wrapped
    /// paragraph runs on from is extended in place rather than copied out of the array.
    static func join(_ lines: consuming [Paragraph?]) -> [Paragraph] {
        var lengths: [Int] = []
        lengths.reserveCapacity(lines.count)
        var paragraphs: [Paragraph] = []
        // Read in place: `for line in lines` copies each line, a retain of its text and line starts
        // even where only the length is wanted.
        lines.withUnsafeBufferPointer { lines in
            for i in lines.indices { if let n = lines[i]?.text.count { lengths.append(n) } }
        }
        let width = wrapWidth(lengths)
        paragraphs.reserveCapacity(lengths.count)
        var runOn = false
        for i in lines.indices {
            guard let line = lines[i].take() else {
                runOn = false
                continue
            }
            let count = line.text.count
            let endsSentence = width == nil || line.text.endsSentence
            if runOn, !paragraphs.isEmpty {
                // Appended to the last paragraph in place, not popped and pushed back.
                let last = paragraphs.count - 1
                paragraphs[last].lineStarts.append(paragraphs[last].text.count)
                paragraphs[last].text += line.text
            } else {
                paragraphs.append(line)
            }
            if let width {
                runOn = count >= width - 2 && !endsSentence
            }
        }
        return paragraphs
    }

    /// Lengths up to this are counted in an array.
    private static let maxCountedLength = 4096

    /// The width text was wrapped at, when enough lines share one length to show it.
    static func wrapWidth(_ lengths: [Int]) -> Int? {
        guard lengths.count >= 8 else { return nil }
        // The most common length of 15 or more (the longer on a tie). Counted in an array: hashing
        // each line's length into a dictionary cost more than the rest of the joining.
        let longest = lengths.max()!
        guard longest >= 15 else { return nil }
        var counts = [Int](repeating: 0, count: Swift.min(longest, maxCountedLength) + 1)
        var longCounts: [Int: Int] = [:]  // lines longer still: rare (a report on one line)
        for n in lengths where n >= 15 {
            if n <= maxCountedLength { counts[n] += 1 } else { longCounts[n, default: 0] += 1 }
        }
        var width = 0, best = 0
        for n in 15..<counts.count where counts[n] > 0 && counts[n] >= best { (width, best) = (n, counts[n]) }
        for (n, count) in longCounts where (count, n) > (best, width) { (width, best) = (n, count) }
        let near = lengths.count { abs($0 - width) <= 1 }
        // Longer lines than the width would contradict a wrap.
        let longer = lengths.count { $0 > width + 1 }
        return near * 10 >= lengths.count * 4 && longer * 20 <= lengths.count ? width : nil
    }
}
