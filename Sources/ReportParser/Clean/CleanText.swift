import ReportModel

/// A paragraph of cleaned text, with the source line it started on.
struct Paragraph: Sendable, Equatable {
    var text: Scalars
    /// 1-based line in the decoded source.
    var line: Int
    /// Offsets in `text` where a hard-wrapped line was joined on: a heading may start there.
    var lineStarts: [Int] = []
}

/// What the cleaner hands to the splitter: the text without noise, and the record of the noise.
struct CleanText: Sendable {
    var paragraphs: [Paragraph]
    var dropped: [DroppedText]
    /// The page's own publication date (ISO), when a date line or portal table gave one.
    var publishedDate: String?
}
