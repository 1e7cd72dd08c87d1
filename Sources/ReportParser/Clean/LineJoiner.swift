/// Turns lines into paragraphs. A blank line or a new line ends a paragraph, except in text
/// hard-wrapped at a fixed width (PDF or DOCX conversion), where a full line that does not end
/// a sentence runs on into the next.
enum LineJoiner {
    static func join(_ lines: [Paragraph?]) -> [Paragraph] {
        let width = wrapWidth(lines.compactMap { $0?.text.count })
        var paragraphs: [Paragraph] = []
        var runOn = false
        for line in lines {
            guard let line else {
                runOn = false
                continue
            }
            if runOn, var last = paragraphs.popLast() {
                last.lineStarts.append(last.text.count)
                last.text += line.text
                paragraphs.append(last)
            } else {
                paragraphs.append(line)
            }
            if let width {
                runOn = line.text.count >= width - 2 && !line.text.endsSentence
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
        let near = lengths.filter { abs($0 - width) <= 1 }.count
        // Longer lines than the width would contradict a wrap.
        let longer = lengths.filter { $0 > width + 1 }.count
        return near * 10 >= lengths.count * 4 && longer * 20 <= lengths.count ? width : nil
    }
}
