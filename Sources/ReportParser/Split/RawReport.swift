import ReportModel

/// One report's cleaned text, cut out of its source, before its structure is read.
struct RawReport: Sendable {
    /// The title as a 目录 entry or `第N篇` marker gave it.
    var listedTitle: String?
    /// The report's own title line, when it has one.
    var title: String?
    /// Where the title came from when it is not a line of the text: `file name`.
    var titleOrigin: String?
    var paragraphs: [Paragraph]
    /// The source ends inside this report while the collection promised more.
    var cutOffByEnd: Bool = false
    var dropped: [DroppedText] = []
}

/// What the splitter found in one source.
struct SplitText: Sendable {
    var kind: Source.Kind
    var collectionTitle: String?
    var listedCount: Int
    var reports: [RawReport]
    /// Noise and chrome outside every report.
    var dropped: [DroppedText]
}

/// A place in the cleaned text: paragraph index and scalar offset in it.
struct TextPosition: Comparable, Sendable {
    var paragraph: Int
    var offset: Int

    static func < (a: TextPosition, b: TextPosition) -> Bool {
        (a.paragraph, a.offset) < (b.paragraph, b.offset)
    }
}

extension Array where Element == Paragraph {
    /// The paragraphs between two positions, cut inside the first and last where needed.
    func slice(from start: TextPosition, to end: TextPosition) -> [Paragraph] {
        guard start < end else { return [] }
        var out: [Paragraph] = []
        out.reserveCapacity(Swift.min(end.paragraph, count - 1) - start.paragraph + 1)
        for p in start.paragraph...Swift.min(end.paragraph, count - 1) {
            let text = self[p].text
            let lo = p == start.paragraph ? start.offset : 0
            let hi = p == end.paragraph ? Swift.min(end.offset, text.count) : text.count
            let range = text.trimmedRange(lo..<hi)
            guard !range.isEmpty else { continue }
            if range == text.indices, self[p].lineStarts.allSatisfy({ $0 > 0 && $0 < text.count }) {
                out.append(self[p])  // whole: share the storage rather than copy the text
                continue
            }
            let starts = self[p].lineStarts.filter { $0 > range.lowerBound && $0 < range.upperBound }.map { $0 - range.lowerBound }
            out.append(Paragraph(text: Scalars(text[range]), utf8: self[p].utf8(of: range), line: self[p].line, lineStarts: starts))
        }
        return out
    }

    var endPosition: TextPosition {
        TextPosition(paragraph: count, offset: 0)
    }
}
