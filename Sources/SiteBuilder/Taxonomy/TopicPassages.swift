/// Chooses what a report shows under it on its topics' pages: for each of its topics, the sections
/// with the most of the topic's words, and from each the sentences that carry them. Kept small on
/// purpose: these ride in every report's listing, in memory and in the build cache, and a topic
/// page shows fifty reports.
enum TopicPassages {
    /// Sections of a report that show passages for one topic; the others are listed by heading.
    static let sectionsPerTopic = 3
    static let sentencesPerSection = 2
    /// A longer sentence is cut to this many characters around its first keyword.
    static let maxLength = 120
    /// Characters kept before the first keyword when a sentence is cut.
    static let lead = 30
    /// Where a sentence ends: 。！？； (and their ASCII forms); a paragraph's end ends one too.
    static let sentenceEnds: Set<Unicode.Scalar> = ["。", "！", "？", "；", "!", "?", ";"]

    /// The passages of each section (by position in `readings`) for the report's `topics`.
    static func choose(_ readings: [TopicClassifier.Reading], topics: [Int]) -> [[TopicPassage]] {
        var out = [[TopicPassage]](repeating: [], count: readings.count)
        for topic in topics {
            let filed = readings.indices.filter { readings[$0].topics.contains(topic) }
            let strongest = filed.sorted { (readings[$0].textHits[topic], -$0) > (readings[$1].textHits[topic], -$1) }
            for i in strongest.prefix(sectionsPerTopic) {
                out[i] += passages(of: readings[i], topic: topic)
            }
        }
        return out
    }

    /// The sentences of one section with the most of `topic`'s keywords, in reading order; the
    /// section's first sentence, unmarked, when only its heading names the topic.
    static func passages(of reading: TopicClassifier.Reading, topic: Int) -> [TopicPassage] {
        var carrying: [(paragraph: Int, range: Range<Int>, hits: [TopicClassifier.Hit])] = []
        var first: (paragraph: Int, range: Range<Int>)?
        for (p, scalars) in reading.paragraphs.enumerated() {
            let hits = reading.hits[p].filter { $0.topic == topic }
            for range in sentences(scalars) {
                if first == nil { first = (p, range) }
                let inside = hits.filter { $0.start >= range.lowerBound && $0.start + $0.length <= range.upperBound }
                if !inside.isEmpty { carrying.append((p, range, inside)) }
            }
        }
        if carrying.isEmpty, let first {
            return [passage(reading.paragraphs[first.paragraph], first.range, hits: [], topic: topic)]
        }
        let chosen = carrying.indices.sorted { (carrying[$0].hits.count, -$0) > (carrying[$1].hits.count, -$1) }
            .prefix(sentencesPerSection).sorted()
        return chosen.map { passage(reading.paragraphs[carrying[$0].paragraph], carrying[$0].range, hits: carrying[$0].hits, topic: topic) }
    }

    /// The sentences of a paragraph, each with its closing mark, without the spaces around it.
    static func sentences(_ s: [Unicode.Scalar]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        for i in s.indices where sentenceEnds.contains(s[i]) || i == s.count - 1 {
            var lower = start, upper = i + 1
            while lower < upper && s[lower].properties.isWhitespace { lower += 1 }
            while upper > lower && s[upper - 1].properties.isWhitespace { upper -= 1 }
            if lower < upper { out.append(lower..<upper) }
            start = i + 1
        }
        return out
    }

    /// The sentence at `range` of `s`, cut to `maxLength` around its first keyword, with its
    /// keywords as UTF-8 offsets into the text.
    static func passage(_ s: [Unicode.Scalar], _ range: Range<Int>, hits: [TopicClassifier.Hit], topic: Int) -> TopicPassage {
        var lower = range.lowerBound, upper = range.upperBound
        if upper - lower > maxLength {
            let firstHit = hits.first?.start ?? lower
            lower = Swift.max(lower, Swift.min(firstHit - lead, upper - maxLength))
            upper = lower + maxLength
        }
        var text = String.UnicodeScalarView()
        if lower > range.lowerBound { text.append("…") }
        // The UTF-8 offset in `text` of each scalar of the window, and of its end.
        var offsets: [Int] = []
        var offset = text.isEmpty ? 0 : UTF8.width("…")
        for i in lower..<upper {
            offsets.append(offset)
            text.append(s[i])
            offset += UTF8.width(s[i])
        }
        offsets.append(offset)
        if upper < range.upperBound { text.append("…") }
        var marks: [Range<Int>] = []
        for hit in hits where hit.start >= lower && hit.start + hit.length <= upper {
            let mark = offsets[hit.start - lower]..<offsets[hit.start + hit.length - lower]
            // Keywords that touch (师德师风) are one mark.
            if let last = marks.last, last.upperBound == mark.lowerBound {
                marks[marks.count - 1] = last.lowerBound..<mark.upperBound
            } else {
                marks.append(mark)
            }
        }
        return TopicPassage(topic: topic, text: String(text), marks: marks)
    }
}
