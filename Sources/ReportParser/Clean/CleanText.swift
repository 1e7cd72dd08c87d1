import ReportModel

/// A paragraph of cleaned text, with the source line it started on.
struct Paragraph: Sendable, Equatable {
    private var scalars: Scalars
    /// The UTF-8 of `text` when it lies as it is in the source (a slice of the source's bytes),
    /// so that strings are copied from it rather than encoded again; nil when not known.
    /// Any change to `text` clears it: the invariant `utf8 == text's UTF-8` cannot be broken.
    private(set) var utf8: ArraySlice<UInt8>?
    /// 1-based line in the decoded source.
    var line: Int
    /// Offsets in `text` where a hard-wrapped line was joined on: a heading may start there.
    var lineStarts: [Int] = []

    /// - Precondition: `utf8`, when given, is exactly the UTF-8 of `text`.
    init(text: Scalars, utf8: ArraySlice<UInt8>? = nil, line: Int, lineStarts: [Int] = []) {
        scalars = text
        self.utf8 = utf8
        self.line = line
        self.lineStarts = lineStarts
    }

    var text: Scalars {
        _read { yield scalars }
        // Changed in place (not got and set, which would copy the array), after the bytes are let go.
        _modify {
            utf8 = nil
            yield &scalars
        }
    }

    /// The UTF-8 of `text[range]`, when the paragraph's is known: its offsets are the UTF-8
    /// lengths of the scalars before each bound, summed from whichever end is nearer.
    func utf8(of range: Range<Int>) -> ArraySlice<UInt8>? {
        guard let utf8 else { return nil }
        let n = scalars.count
        let lower = range.lowerBound <= n - range.lowerBound
            ? utf8.startIndex + scalars.utf8Count(0..<range.lowerBound)
            : utf8.endIndex - scalars.utf8Count(range.lowerBound..<n)
        let upper = range.upperBound - range.lowerBound <= n - range.upperBound
            ? lower + scalars.utf8Count(range)
            : utf8.endIndex - scalars.utf8Count(range.upperBound..<n)
        return utf8[lower..<upper]
    }

    /// `text[range].string`, copied from the source's bytes when they are known.
    func string(_ range: Range<Int>) -> String {
        if let bytes = utf8(of: range) { return bytes.validUTF8String }
        return scalars[range].string
    }

    /// `text.string`, copied from the source's bytes when they are known.
    var string: String {
        if let utf8 { return utf8.validUTF8String }
        return scalars.string
    }

    /// Keeps only `text[range]`, and its UTF-8 when known.
    mutating func keep(_ range: Range<Int>) {
        let bytes = utf8(of: range)
        if range.upperBound < scalars.count { scalars.removeSubrange(range.upperBound...) }
        if range.lowerBound > 0 { scalars.removeSubrange(..<range.lowerBound) }
        utf8 = bytes
    }

    /// Appends `other`'s text. The UTF-8 is kept when both have it, in a buffer of its own
    /// (copying the bytes costs far less than encoding the text again).
    mutating func append(_ other: Paragraph) {
        var bytes: ArraySlice<UInt8>?
        if let utf8, let tail = other.utf8 {
            var joined: [UInt8] = []
            joined.reserveCapacity(utf8.count + tail.count)
            joined += utf8
            joined += tail
            bytes = joined[...]
        }
        scalars += other.scalars
        utf8 = bytes
    }

    /// The same text and lines: where the text's UTF-8 is kept is no part of the value.
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
}
