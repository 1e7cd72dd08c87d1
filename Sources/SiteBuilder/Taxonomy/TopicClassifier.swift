import ReportModel
import ReportParser

/// Files sections under the taxonomy's topics: a section is about a topic when its own heading
/// names it, or when the topic's words are dense in its own paragraphs. A section never takes
/// its subsections' topics, and a chapter's own text, which introduces its subsections, needs
/// twice the density.
///
/// One scan a text: keywords are grouped by their first scalar and the longest one standing at a
/// position is taken, so 校长负责制 (party building) is not also read as 校长 (teachers), and a
/// topic's `ignore` phrases (中小学和幼儿园) hide the keyword inside them.
public struct TopicClassifier: Sendable {
    public let topics: [TopicDefinition]
    /// Keywords and ignored phrases that start with the same scalar, longest first; an ignored phrase has no topic.
    private let groups: [[(words: [Unicode.Scalar], topic: Int?)]]
    /// For each Basic Multilingual Plane scalar, 1 + its group's index, or 0 when no keyword starts
    /// with it: a text is scanned by array lookups, without hashing (256 KB, once per build).
    private let groupOf: [UInt32]
    /// Groups of keywords starting outside the Basic Multilingual Plane.
    private let astralGroups: [Unicode.Scalar: Int]

    /// Keyword hits per 100 characters of a section's own text that file it under a topic. Tuned
    /// on the labelled seed sections (`Tests/SiteBuilderTests/Fixtures/topics/`).
    static let density = 0.95
    /// Characters added to a text's length before the density is taken, so that a one-sentence
    /// section (up to about 40 characters) is filed on one keyword, 150 characters need two, and
    /// every further 105 characters one more.
    static let allowance = 65
    /// A chapter's own text introduces its subsections: it needs this many times the density.
    static let introFactor = 2.0
    /// Topics a section is filed under at most, strongest first.
    static let maxTopics = 3
    /// A heading's keyword outranks this many in the text when the strongest topics are kept.
    static let headingWeight = 3
    /// A report's topic must cover this share of its classified text.
    static let reportShare = 0.08

    /// One keyword found in a text: where it stands (in scalars) and its topic.
    struct Hit: Sendable, Equatable {
        var start: Int
        var length: Int
        var topic: Int
    }

    /// A section's own text as it was classified: its paragraphs as written, the keywords found in
    /// each (read in simplified script when the section is written in traditional), and its topics.
    struct Reading: Sendable {
        var paragraphs: [[Unicode.Scalar]]
        var hits: [[Hit]]
        var topics: [Int]
        /// Keywords of each topic in the text, by topic index.
        var textHits: [Int]
    }

    public init(topics: [TopicDefinition]) {
        self.topics = topics
        var index: [Unicode.Scalar: [(words: [Unicode.Scalar], topic: Int?)]] = [:]
        func add(_ text: String, _ topic: Int?) {
            let scalars = Array(text.unicodeScalars)
            guard let first = scalars.first else { return }
            index[first, default: []].append((scalars, topic))
        }
        for (t, topic) in topics.enumerated() {
            topic.keywords.forEach { add($0, t) }
            topic.ignore.forEach { add($0, nil) }
        }
        // Longest first; at equal length an ignored phrase, then the topic listed first.
        var groups: [[(words: [Unicode.Scalar], topic: Int?)]] = []
        var groupOf = [UInt32](repeating: 0, count: 0x10000)
        var astral: [Unicode.Scalar: Int] = [:]
        for first in index.keys.sorted(by: { $0.value < $1.value }) {
            groups.append(index[first]!.sorted { ($0.words.count, -($0.topic ?? -1)) > ($1.words.count, -($1.topic ?? -1)) })
            if first.value < 0x10000 { groupOf[Int(first.value)] = UInt32(groups.count) } else { astral[first] = groups.count - 1 }
        }
        self.groups = groups
        self.groupOf = groupOf
        astralGroups = astral
    }

    /// Topic indices of one section, strongest first (at most `maxTopics`).
    /// - Parameters:
    ///   - heading: the heading without its number.
    ///   - paragraphs: the section's own paragraphs, not its subsections'.
    ///   - introducesSubsections: whether the section has subsections, which its text introduces.
    public func classify(heading: String, paragraphs: [String], introducesSubsections: Bool = false) -> [Int] {
        read(heading: heading, paragraphs: paragraphs, introducesSubsections: introducesSubsections).topics
    }

    func read(_ section: Section) -> Reading {
        read(heading: section.heading, paragraphs: section.paragraphs, introducesSubsections: !section.children.isEmpty)
    }

    func read(heading: String, paragraphs: [String], introducesSubsections: Bool) -> Reading {
        // A section in traditional script is matched in simplified; its heading tells, cheaply.
        let traditional = SimplifiedForm.hasTraditional(heading)
        var headingHits = [Int](repeating: 0, count: topics.count)
        for hit in hits(in: [Unicode.Scalar].decoding(traditional ? SimplifiedForm.of(heading) : heading)) { headingHits[hit.topic] += 1 }
        var reading = Reading(paragraphs: [], hits: [], topics: [], textHits: [Int](repeating: 0, count: topics.count))
        var length = 0
        for paragraph in paragraphs {
            let written = [Unicode.Scalar].decoding(paragraph)
            var matched = written
            if traditional {
                let simplified = [Unicode.Scalar].decoding(SimplifiedForm.of(paragraph))
                if simplified.count == written.count { matched = simplified }
            }
            let found = hits(in: matched)
            for hit in found { reading.textHits[hit.topic] += 1 }
            length += written.count
            reading.paragraphs.append(written)
            reading.hits.append(found)
        }
        let needed = Self.density * (introducesSubsections ? Self.introFactor : 1) * Double(length + Self.allowance) / 100
        let strength = topics.indices.map { headingHits[$0] * Self.headingWeight + reading.textHits[$0] }
        reading.topics = topics.indices
            .filter { headingHits[$0] > 0 || Double(reading.textHits[$0]) >= needed }
            .sorted { (strength[$0], -$0) > (strength[$1], -$1) }
            .prefix(Self.maxTopics).map { $0 }
        return reading
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

    /// The keywords in `s`, left to right: the longest at each position, none overlapping.
    func hits(in s: [Unicode.Scalar]) -> [Hit] {
        var out: [Hit] = []
        var i = 0
        while i < s.count {
            let v = s[i].value
            let group = v < 0x10000 ? Int(groupOf[Int(v)]) - 1 : astralGroups[s[i]] ?? -1
            guard group >= 0, let match = groups[group].first(where: { starts(s, at: i, with: $0.words) }) else {
                i += 1
                continue
            }
            if let topic = match.topic { out.append(Hit(start: i, length: match.words.count, topic: topic)) }
            i += match.words.count
        }
        return out
    }

    private func starts(_ s: [Unicode.Scalar], at i: Int, with words: [Unicode.Scalar]) -> Bool {
        guard words.count <= s.count - i else { return false }
        var k = 1  // the first scalar is the one the candidates were looked up by
        while k < words.count && s[i + k] == words[k] { k += 1 }
        return k == words.count
    }
}
