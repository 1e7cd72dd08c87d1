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

    /// The width text was wrapped at, when enough lines share one length to show it.
    static func wrapWidth(_ lengths: [Int]) -> Int? {
        guard lengths.count >= 8 else { return nil }
        var counts: [Int: Int] = [:]
        for n in lengths where n >= 15 { counts[n, default: 0] += 1 }
        guard let (width, _) = counts.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }) else { return nil }
        let near = lengths.filter { abs($0 - width) <= 1 }.count
        // Longer lines than the width would contradict a wrap.
        let longer = lengths.filter { $0 > width + 1 }.count
        return near * 10 >= lengths.count * 4 && longer * 20 <= lengths.count ? width : nil
    }
}
