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

    /// A count anywhere in a collection's head (`6篇汇编`, `汇编5篇`), not an article's ordinal (`第6篇`).
    static func count(in text: ArraySlice<Unicode.Scalar>) -> Int? {
        var i = text.startIndex
        while i < text.endIndex {
            guard text[i] == "篇", i > text.startIndex else { i += 1; continue }
            var start = i
            while start > text.startIndex, text[start - 1].digitValue != nil || ChineseNumber.isNumeral(text[start - 1]) { start -= 1 }
            let number = text[start..<i]
            i += 1
            guard !number.isEmpty, start == text.startIndex || text[start - 1] != "第" else { continue }
            let n = number.allSatisfy({ $0.digitValue != nil }) ? ChineseNumber.digitwise(number) : ChineseNumber.value(number)
            if let n, n > 1 { return n }
        }
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
