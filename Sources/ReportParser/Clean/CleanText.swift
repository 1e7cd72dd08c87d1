import ReportModel

/// A paragraph of cleaned text, with the source line it started on.
struct Paragraph: Sendable, Equatable {
    private var scalars: Scalars
    /// Where the UTF-8 of `text` lies in the source's bytes (`CleanText.utf8`) when it is known,
    /// so that strings are copied from there rather than encoded again. A range, not a slice: a
    /// slice's reference to the bytes cost a retain and a release at every copy of a paragraph.
    /// Any change to `text` clears it: the range cannot come to hold other text.
    private(set) var utf8: Range<Int>?
    /// 1-based line in the decoded source.
    var line: Int
    /// Offsets in `text` where a hard-wrapped line was joined on: a heading may start there.
    var lineStarts: [Int] = []

    /// - Precondition: `utf8`, when given, holds exactly the UTF-8 of `text` in the source's bytes.
    init(text: Scalars, utf8: Range<Int>? = nil, line: Int, lineStarts: [Int] = []) {
        scalars = text
        self.utf8 = utf8
        self.line = line
        self.lineStarts = lineStarts
    }

    var text: Scalars {
        _read { yield scalars }
        // Changed in place (not got and set, which would copy the array), after the range is let go.
        _modify {
            utf8 = nil
            yield &scalars
        }
    }

    /// Where the UTF-8 of `text[range]` lies, when the paragraph's is known: its offsets are the
    /// UTF-8 lengths of the scalars before each bound, summed from whichever end is nearer.
    func utf8(of range: Range<Int>) -> Range<Int>? {
        guard let utf8 else { return nil }
        let n = scalars.count
        let lower = range.lowerBound <= n - range.lowerBound
            ? utf8.lowerBound + scalars.utf8Count(0..<range.lowerBound)
            : utf8.upperBound - scalars.utf8Count(range.lowerBound..<n)
        let upper = range.upperBound - range.lowerBound <= n - range.upperBound
            ? lower + scalars.utf8Count(range)
            : utf8.upperBound - scalars.utf8Count(range.upperBound..<n)
        return lower..<upper
    }

    /// `text[range].string`, copied from the source's bytes when the paragraph's are known.
    func string(_ range: Range<Int>, in source: [UInt8]) -> String {
        if let bytes = utf8(of: range) { return source.validUTF8String(bytes) }
        return scalars[range].string
    }

    /// `text.string`, copied from the source's bytes when the paragraph's are known.
    func string(in source: [UInt8]) -> String {
        if let utf8 { return source.validUTF8String(utf8) }
        return scalars.string
    }

    /// Keeps only `text[range]`, and where its UTF-8 lies when known.
    mutating func keep(_ range: Range<Int>) {
        let bytes = utf8(of: range)
        if range.upperBound < scalars.count { scalars.removeSubrange(range.upperBound...) }
        if range.lowerBound > 0 { scalars.removeSubrange(..<range.lowerBound) }
        utf8 = bytes
    }

    /// Appends `other`'s text. When both UTF-8s are known, the two are copied together onto the
    /// end of `source` and the paragraph's range points there (far cheaper than encoding later).
    mutating func append(_ other: Paragraph, source: inout [UInt8]) {
        var bytes: Range<Int>?
        if let head = utf8, let tail = other.utf8, head.count + tail.count > 0 {
            // Joined apart, then appended: the array cannot be read while it grows, and a
            // zero-filled growth to copy into was written a byte at a time.
            let joined = source.withUnsafeBufferPointer { bytes in
                [UInt8](unsafeUninitializedCapacity: head.count + tail.count) { buffer, count in
                    let base = buffer.baseAddress!
                    base.initialize(from: bytes.baseAddress! + head.lowerBound, count: head.count)
                    (base + head.count).initialize(from: bytes.baseAddress! + tail.lowerBound, count: tail.count)
                    count = head.count + tail.count
                }
            }
            bytes = source.count..<(source.count + joined.count)
            source += joined
        }
        scalars += other.scalars
        utf8 = bytes
    }

    /// The same text and lines: where the text's UTF-8 lies is no part of the value.
    static func == (a: Paragraph, b: Paragraph) -> Bool {
        a.scalars == b.scalars && a.line == b.line && a.lineStarts == b.lineStarts
    }
}

/// What the cleaner hands to the splitter: the text without noise, and the record of the noise.
struct CleanText: Sendable {
    var paragraphs: [Paragraph]
    var dropped: [DroppedText]
    /// The page's own publication date (ISO), when a date line or portal table gave one.
    var publishedDate: String?
    /// The source's UTF-8 (and the joins made of it), where the paragraphs' `utf8` ranges point.
    var utf8: [UInt8] = []
}
