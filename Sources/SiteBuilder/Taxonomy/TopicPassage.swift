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
    /// A report's passages as its `PassageStore` keeps them: a line a passage, `topic anchor marks
    /// text` (marks as UTF-8 `start-end` pairs, comma-separated), fields escaped as in the build cache.
    static func encode(_ sections: [(anchor: String, passages: [TopicPassage])]) -> [UInt8] {
        var out: [UInt8] = []
        for (anchor, passages) in sections {
            for p in passages {
                let marks = p.marks.map { "\($0.lowerBound)-\($0.upperBound)" }.joined(separator: ",")
                for (i, field) in [String(p.topic), anchor, marks, p.text].enumerated() {
                    if i > 0 { out.append(0x09) }
                    SourceCache.Field.append(field, to: &out)
                }
                out.append(0x0A)
            }
        }
        return out
    }

    /// The passages of `topic` in what `encode` wrote, by section anchor, in order; nil when the
    /// bytes are not such.
    static func decode(_ bytes: [UInt8], topic: Int) -> [String: [TopicPassage]]? {
        var out: [String: [TopicPassage]] = [:]
        for line in bytes.split(separator: 0x0A) {
            let f = line.split(separator: 0x09, omittingEmptySubsequences: false).map { SourceCache.Field(bytes: $0) }
            guard f.count == 4, let t = f[0].int else { return nil }
            guard t == topic else { continue }
            guard let anchor = f[1].string, let marks = f[2].string.flatMap(Self.marks(from:)), let text = f[3].string else { return nil }
            out[anchor, default: []].append(TopicPassage(topic: t, text: text, marks: marks))
        }
        return out
    }

    private static func marks(from text: String) -> [Range<Int>]? {
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
