/// A sentence of a section that shows what it says about a topic, for the topic's page.
public struct TopicPassage: Sendable, Equatable {
    /// The topic's index in the taxonomy.
    public var topic: Int
    /// The sentence as written, cut around its first keyword when long (… stands for the cut).
    public var text: String
    /// The topic's keywords in `text`, as UTF-8 offsets, in order and apart.
    public var marks: [Range<Int>]

    public init(topic: Int, text: String, marks: [Range<Int>]) {
        self.topic = topic
        self.text = text
        self.marks = marks
    }
}

extension TopicPassage {
    /// `marks` as the build cache writes them: `start-end` pairs, comma-separated.
    var marksText: String { marks.map { "\($0.lowerBound)-\($0.upperBound)" }.joined(separator: ",") }

    /// Reads `marksText`; nil when it is not well formed.
    static func marks(from text: String) -> [Range<Int>]? {
        guard !text.isEmpty else { return [] }
        var out: [Range<Int>] = []
        for pair in text.split(separator: ",", omittingEmptySubsequences: false) {
            let bounds = pair.split(separator: "-", omittingEmptySubsequences: false)
            guard bounds.count == 2, let lower = Int(bounds[0]), let upper = Int(bounds[1]), lower <= upper else { return nil }
            out.append(lower..<upper)
        }
        return out
    }
}
