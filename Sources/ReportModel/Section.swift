/// A numbered part of a report (GB/T 9704 levels: 一、 → (一) → 1. → (1) → ①).
public struct Section: Codable, Sendable, Equatable {
    /// The numbering as written, punctuation included: `一、`, `(二)`, `3 .`.
    public var number: String
    /// The heading text after the number; empty for an unnamed numbered paragraph.
    public var heading: String
    /// 1 for 一、, 2 for (一), 3 for 1., 4 for (1), 5 for ①; 1 also for an unnumbered section title.
    public var level: Int
    public var paragraphs: [String]
    public var children: [Section]

    public init(number: String, heading: String, level: Int, paragraphs: [String] = [], children: [Section] = []) {
        self.number = number
        self.heading = heading
        self.level = level
        self.paragraphs = paragraphs
        self.children = children
    }

    /// Number and heading as they stand in the source.
    public var fullHeading: String { number + heading }
}
