/// A topic passage as HTML: its text escaped, the topic's keywords in `<mark>`. Each piece is
/// escaped on its own, so a keyword holding `<` or `&` stays text, and marks that do not fall on
/// the text (a damaged cache) are left out rather than trusted.
enum PassageHTML {
    static func render(_ passage: TopicPassage) -> String {
        let utf8 = Array(passage.text.utf8)
        func text(_ range: Range<Int>) -> String { HTML.escape(String(decoding: utf8[range], as: UTF8.self)) }
        var html = ""
        var at = 0
        for mark in passage.marks where mark.lowerBound >= at && mark.upperBound <= utf8.count && !mark.isEmpty {
            html += text(at..<mark.lowerBound) + "<mark>" + text(mark) + "</mark>"
            at = mark.upperBound
        }
        return html + text(at..<utf8.count)
    }
}
