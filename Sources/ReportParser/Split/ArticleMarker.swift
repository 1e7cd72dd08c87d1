/// `第三篇 县教育局平安和谐校园创建工作总结 2100字`: how essay sites head each article of a collection.
struct ArticleMarker: Sendable {
    var paragraph: Int
    var number: Int
    var title: Scalars

    /// The markers in order, numbered 1, 2, 3 … (a marker out of sequence is text).
    static func find(in paragraphs: [Paragraph]) -> [ArticleMarker]? {
        var found: [ArticleMarker] = []
        // By index, and only where a marker can start: passing a paragraph's text to `parse` retains it.
        for p in paragraphs.indices where paragraphs[p].text.first == "第" {
            guard let marker = parse(paragraphs[p].text, paragraph: p), marker.number == found.count + 1 else { continue }
            found.append(marker)
        }
        return found.count >= 2 ? found : nil
    }

    private static func parse(_ text: Scalars, paragraph: Int) -> ArticleMarker? {
        guard text.count < 100, text.first == "第" else { return nil }
        var i = 1
        while i < text.count, i < 5, ChineseNumber.isNumeral(text[i]) || text[i].digitValue != nil { i += 1 }
        guard i > 1, i < text.count, text[i] == "篇" else { return nil }
        let numeral = text[1..<i]
        guard let n = numeral.allSatisfy({ $0.digitValue != nil }) ? ChineseNumber.digitwise(numeral) : ChineseNumber.value(numeral) else { return nil }
        var end = text.count
        // A trailing word count: `1700字`.
        if text.last == "字" {
            var j = end - 1
            while j > i, text[j - 1].digitValue != nil { j -= 1 }
            if j < end - 1 { end = j }
        }
        let range = text.trimmedRange((i + 1)..<end)
        guard !range.isEmpty else { return nil }
        return ArticleMarker(paragraph: paragraph, number: n, title: Array(text[range]))
    }
}
