/// A collection's promise of how many reports it holds: `汇编(7篇)`, `（12篇）`, `十篇`, `5篇`.
enum CountPromise {
    /// The promised count when `text` ends with one.
    static func count(atEndOf text: ArraySlice<Unicode.Scalar>) -> Int? {
        var end = text.endIndex
        while end > text.startIndex && text[end - 1].isBlank { end -= 1 }
        var closed = false
        if end > text.startIndex, text[end - 1] == ")" || text[end - 1] == "）" {
            closed = true
            end -= 1
        }
        guard end > text.startIndex, text[end - 1] == "篇" else { return nil }
        var start = end - 1
        while start > text.startIndex, text[start - 1].digitValue != nil || ChineseNumber.isNumeral(text[start - 1]) { start -= 1 }
        let number = text[start..<(end - 1)]
        if closed {
            guard start > text.startIndex, text[start - 1] == "(" || text[start - 1] == "（" else { return nil }
        }
        if let n = ChineseNumber.digitwise(number), number.allSatisfy({ $0.digitValue != nil }) { return n > 1 ? n : nil }
        if let n = ChineseNumber.value(number) { return n > 1 ? n : nil }
        return nil
    }

    /// The title without its count, to recognise the same title repeated bare.
    static func strippingCount(_ text: Scalars) -> Scalars {
        guard count(atEndOf: text[...]) != nil else { return text }
        var end = text.count
        if text[end - 1] == ")" || text[end - 1] == "）" { end -= 1 }
        end -= 1  // 篇
        while end > 0, text[end - 1].digitValue != nil || ChineseNumber.isNumeral(text[end - 1]) { end -= 1 }
        if end > 0, text[end - 1] == "(" || text[end - 1] == "（" { end -= 1 }
        return Array(text[text.trimmedRange(0..<end)])
    }
}
