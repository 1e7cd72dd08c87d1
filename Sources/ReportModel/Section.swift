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
    /// Key figures of the section's own paragraphs (not its children's), in reading order.
    public var figures: [Figure]

    public init(number: String, heading: String, level: Int, paragraphs: [String] = [], children: [Section] = [],
                figures: [Figure] = []) {
        self.number = number
        self.heading = heading
        self.level = level
        self.paragraphs = paragraphs
        self.children = children
        self.figures = figures
    }

    enum CodingKeys: String, CodingKey {
        case number, heading, level, paragraphs, children, figures
    }

    /// JSON written before sections had figures reads as a section without any.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        number = try c.decode(String.self, forKey: .number)
        heading = try c.decode(String.self, forKey: .heading)
        level = try c.decode(Int.self, forKey: .level)
        paragraphs = try c.decode([String].self, forKey: .paragraphs)
        children = try c.decode([Section].self, forKey: .children)
        figures = try c.decodeIfPresent([Figure].self, forKey: .figures) ?? []
    }

    /// Number and heading as they stand in the source.
    public var fullHeading: String { number + heading }
}
