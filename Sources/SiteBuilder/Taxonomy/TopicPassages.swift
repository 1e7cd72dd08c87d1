/// Chooses what a report shows under it on its topics' pages: for each of its topics, the sections
/// with the most of the topic's words, and from each the sentence that carries most of them. Kept
/// small on purpose: at 10,000 reports the topic pages weigh 44 MB without passages and 67 MB with
/// these limits (three sections would make it 71 MB).
enum TopicPassages {
    /// Sections of a report that show a passage for one topic; the others are listed by heading.
    static let sectionsPerTopic = 2
    static let sentencesPerSection = 1
    /// A longer sentence is cut to this many characters around its first keyword.
    static let maxLength = 100
    /// Characters kept before the first keyword when a sentence is cut.
    static let lead = 25

    /// Where a sentence ends: 。！？； and their ASCII forms (a paragraph's end ends one too).
    static func endsSentence(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "。", "！", "？", "；", "!", "?", ";": true
        default: false
        }
    }

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
        // Only the sentences around the topic's keywords are looked for, not every sentence.
        var carrying: [(paragraph: Int, range: Range<Int>, hits: [TopicClassifier.Hit])] = []
        for (p, hits) in reading.hits.enumerated() {
            for hit in hits where hit.topic == topic {
                if let last = carrying.last, last.paragraph == p, last.range.contains(hit.start) {
                    carrying[carrying.count - 1].hits.append(hit)
                } else {
                    carrying.append((p, sentence(around: hit.start, in: reading.paragraphs[p]), [hit]))
                }
            }
        }
        guard !carrying.isEmpty else {
            guard let p = reading.paragraphs.firstIndex(where: { !$0.isEmpty }) else { return [] }
            return [passage(reading.paragraphs[p], sentence(around: 0, in: reading.paragraphs[p]), hits: [], topic: topic)]
        }
        let chosen = carrying.indices.sorted { (carrying[$0].hits.count, -$0) > (carrying[$1].hits.count, -$1) }
            .prefix(sentencesPerSection).sorted()
        return chosen.map { passage(reading.paragraphs[carrying[$0].paragraph], carrying[$0].range, hits: carrying[$0].hits, topic: topic) }
    }

    /// The sentence of `s` that holds position `i`, with its closing mark, without the spaces around it.
    static func sentence(around i: Int, in s: [Unicode.Scalar]) -> Range<Int> {
        var lower = i, upper = i
        while lower > 0 && !endsSentence(s[lower - 1]) { lower -= 1 }
        while upper < s.count && !endsSentence(s[upper]) { upper += 1 }
        if upper < s.count { upper += 1 }
        while lower < upper && s[lower].properties.isWhitespace { lower += 1 }
        while upper > lower && s[upper - 1].properties.isWhitespace { upper -= 1 }
        return lower..<upper
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
        var text: [UInt8] = []
        text.reserveCapacity((upper - lower) * 3 + 6)
        if lower > range.lowerBound { text += [0xE2, 0x80, 0xA6] }  // …
        // The UTF-8 offset in `text` of each scalar of the window, and of its end.
        var offsets: [Int] = []
        offsets.reserveCapacity(upper - lower + 1)
        for i in lower..<upper {
            offsets.append(text.count)
            appendUTF8(s[i].value, to: &text)
        }
        offsets.append(text.count)
        if upper < range.upperBound { text += [0xE2, 0x80, 0xA6] }
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
        return TopicPassage(topic: topic, text: String(decoding: text, as: UTF8.self), marks: marks)
    }

    private static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
        if v < 0x80 { return out.append(UInt8(v)) }
        if v < 0x800 {
            out.append(UInt8(0xC0 | v >> 6))
        } else {
            if v < 0x10000 {
                out.append(UInt8(0xE0 | v >> 12))
            } else {
                out.append(UInt8(0xF0 | v >> 18))
                out.append(UInt8(0x80 | v >> 12 & 0x3F))
            }
            out.append(UInt8(0x80 | v >> 6 & 0x3F))
        }
        out.append(UInt8(0x80 | v & 0x3F))
    }
}
