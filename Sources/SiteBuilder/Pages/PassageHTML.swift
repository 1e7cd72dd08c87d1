/// A topic passage as HTML: its text escaped, the topic's keywords in `<mark>`. The text is
/// escaped around and inside the marks alike, so a keyword holding `<` or `&` stays text, and
/// marks that do not fall on the text (a damaged store) are left out rather than trusted. Tabs
/// and line breaks are written as references, so that the HTML is one field of a line in the
/// `PassageStore`.
enum PassageHTML {
    private static let open = Array("<mark>".utf8), close = Array("</mark>".utf8)
    /// What each ASCII byte below `@` is written as, where it is not itself.
    private static let references: [[UInt8]?] = (0..<0x40).map { byte -> [UInt8]? in
        switch byte {
        case 0x26: Array("&amp;".utf8)
        case 0x3C: Array("&lt;".utf8)
        case 0x3E: Array("&gt;".utf8)
        case 0x22: Array("&quot;".utf8)
        case 0x27: Array("&#39;".utf8)
        case 0x09: Array("&#9;".utf8)
        case 0x0A: Array("&#10;".utf8)
        case 0x0D: Array("&#13;".utf8)
        default: nil
        }
    }

    static func render(_ passage: TopicPassage) -> String {
        var out: [UInt8] = []
        append(passage, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the HTML of `passage` to `out`, in one pass over its UTF-8.
    static func append(_ passage: TopicPassage, to out: inout [UInt8]) {
        var text = passage.text
        text.withUTF8 { bytes in
            var marks = passage.marks.makeIterator()
            var mark = marks.next()
            var inMark = false
            for (i, byte) in bytes.enumerated() {
                // A mark that starts before the one closed last, or runs past the text, is dropped.
                while let m = mark, !inMark, m.lowerBound < i || m.upperBound > bytes.count || m.isEmpty { mark = marks.next() }
                if let m = mark, !inMark, m.lowerBound == i {
                    out += open
                    inMark = true
                }
                if byte < 0x40, let reference = references[Int(byte)] { out += reference } else { out.append(byte) }
                if let m = mark, inMark, m.upperBound == i + 1 {
                    out += close
                    inMark = false
                    mark = marks.next()
                }
            }
        }
    }
}
