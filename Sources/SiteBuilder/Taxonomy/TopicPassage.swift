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
    /// A report's passages as its `PassageStore` keeps them, ready for the topic pages: a line a
    /// passage, `topic anchor html` (tab-separated), the HTML as `PassageHTML` renders it, which
    /// holds no tab or line break. Rendered here, once, rather than on every topic page.
    static func encode(_ sections: [(anchor: String, passages: [TopicPassage])]) -> [UInt8] {
        var out: [UInt8] = []
        for (anchor, passages) in sections {
            for p in passages {
                out += String(p.topic).utf8
                out.append(0x09)
                out += anchor.utf8
                out.append(0x09)
                PassageHTML.append(p, to: &out)
                out.append(0x0A)
            }
        }
        return out
    }

    /// The passages of `topic` in what `encode` wrote, as their section's anchor and their HTML, in
    /// reading order. A line that does not read is left out.
    static func fragments(_ bytes: [UInt8], topic: Int) -> [(anchor: String, html: String)] {
        var out: [(anchor: String, html: String)] = []
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            defer { start = end + 1 }
            var i = start, number = 0
            while i < end, bytes[i] >= 0x30, bytes[i] <= 0x39 {
                number = number * 10 + Int(bytes[i] - 0x30)
                i += 1
            }
            guard number == topic, i > start, i < end, bytes[i] == 0x09,
                  let tab = bytes[(i + 1)..<end].firstIndex(of: 0x09) else { continue }
            out.append((String(decoding: bytes[(i + 1)..<tab], as: UTF8.self), String(decoding: bytes[(tab + 1)..<end], as: UTF8.self)))
        }
        return out
    }
}
