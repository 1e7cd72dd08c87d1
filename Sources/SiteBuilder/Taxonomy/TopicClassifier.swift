import ReportModel

/// Sorts sections into the taxonomy's topics by their keywords.
///
/// Keywords are grouped by their first character so each section is scanned once, however many
/// topics the taxonomy has.
public struct TopicClassifier: Sendable {
    public let topics: [TopicDefinition]
    private let byFirst: [Unicode.Scalar: [(keyword: [Unicode.Scalar], topic: Int)]]
    /// One bit per Basic Multilingual Plane scalar that starts a keyword: most scalars start none,
    /// and this answers for them without hashing.
    private let startsKeyword: [UInt64]

    /// A heading that names a topic counts this many keyword hits: headings say what a section is about.
    static let headingWeight = 3
    /// Hits a section needs before it is filed under a topic.
    static let threshold = 2
    /// A report's topic must cover this share of its classified text.
    static let reportShare = 0.08

    public init(topics: [TopicDefinition]) {
        self.topics = topics
        var index: [Unicode.Scalar: [(keyword: [Unicode.Scalar], topic: Int)]] = [:]
        for (t, topic) in topics.enumerated() {
            for keyword in topic.keywords {
                let scalars = Array(keyword.unicodeScalars)
                guard let first = scalars.first else { continue }
                index[first, default: []].append((scalars, t))
            }
        }
        // Longest keyword first, so 义务教育 is counted before 教育-like shorter ones.
        byFirst = index.mapValues { $0.sorted { ($0.keyword.count, $0.topic) > ($1.keyword.count, $1.topic) } }
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        for scalar in index.keys where scalar.value < 0x10000 { bits[Int(scalar.value >> 6)] |= 1 << (scalar.value & 63) }
        startsKeyword = bits
    }

    /// Topic indices of one section, strongest first (at most three).
    public func classify(heading: String, text: String) -> [Int] {
        var scores = [Int](repeating: 0, count: topics.count)
        count(heading, weight: Self.headingWeight, into: &scores)
        count(text, weight: 1, into: &scores)
        return scores.indices.filter { scores[$0] >= Self.threshold }
            .sorted { (scores[$0], -$0) > (scores[$1], -$1) }
            .prefix(3).map { $0 }
    }

    /// A report's topics: those whose sections hold at least `reportShare` of the classified text.
    public func reportTopics(_ sections: [(topics: [Int], length: Int)]) -> [Int] {
        var weight = [Int](repeating: 0, count: topics.count)
        var total = 0
        for s in sections where !s.topics.isEmpty {
            total += s.length
            for t in s.topics { weight[t] += s.length }
        }
        guard total > 0 else { return [] }
        return weight.indices.filter { Double(weight[$0]) >= Self.reportShare * Double(total) }
            .sorted { (weight[$0], -$0) > (weight[$1], -$1) }
    }

    private func count(_ text: String, weight: Int, into scores: inout [Int]) {
        let s = Array(text.unicodeScalars)
        var i = 0
        while i < s.count {
            let v = s[i].value
            if v < 0x10000, startsKeyword[Int(v >> 6)] & (1 << (v & 63)) == 0 {
                i += 1
                continue
            }
            if let candidates = byFirst[s[i]] {
                var matched = 0
                for c in candidates where c.keyword.count <= s.count - i {
                    var k = 1
                    while k < c.keyword.count && s[i + k] == c.keyword[k] { k += 1 }
                    if k == c.keyword.count {
                        scores[c.topic] += weight
                        matched = Swift.max(matched, c.keyword.count)
                    }
                }
                if matched > 0 {
                    i += matched
                    continue
                }
            }
            i += 1
        }
    }
}
