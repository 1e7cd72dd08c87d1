/// What a report's title line looks like: short, no closing full stop, naming a kind of document.
enum TitleLine {
    static let documentWords: [Scalars] = ["总结", "计划", "要点", "思路", "打算", "规划", "安排", "报告", "回顾", "汇报"].map { Scalars($0) }

    static func isTitle(_ text: Scalars) -> Bool {
        guard (4...60).contains(text.count), !text.endsSentence, text.last != "，", text.last != "," else { return false }
        guard !startsWithNumbering(text) else { return false }
        return documentWords.contains { text.firstIndex(of: $0) != nil }
    }

    /// Where a title that runs on into the text ends: an office (…局) and a document word
    /// (总结, 计划, 要点 …) within the first 40 characters, not at the very end of the paragraph.
    static func runOnTitleEnd(_ text: Scalars) -> Int? {
        let head = Scalars(text.prefix(40))
        guard let office = OfficeName.officeWords.compactMap({ head.firstIndex(of: $0) }).min() else { return nil }
        var best: Int?
        for word in documentWords {
            if let i = head.firstIndex(of: word, from: office), i + word.count < text.count {
                best = Swift.min(best ?? Int.max, i + word.count)
            }
        }
        guard let end = best, end >= 6, text.count - end >= 10, !startsWithNumbering(text) else { return nil }
        // The text after a title starts a sentence; punctuation there means the "title" was a sentence.
        guard !(text[end].isTerminal || text[end].isClosingQuote || [",", "，", "、", "：", ":"].contains(text[end])) else { return nil }
        // A title ends a sentence nowhere before its last word.
        return head[0..<end].contains(where: { $0.isTerminal || $0 == "，" || $0 == "," }) ? nil : end
    }

    /// Where a title at the start of `text` ends: the whole line, a title run straight on into the
    /// text (`runOnTitleEnd`), or one a blank sets off from it (`县教育工作要点 2005年全县…`, a page's flattened text).
    static func titleEnd(atStartOf text: Scalars) -> Int? {
        if isTitle(text) { return text.count }
        // Set off by a blank first: `…总结及2005年工作计划 2004年，…` runs on past its first document word.
        if let blank = text.prefix(61).firstIndex(where: \.isBlank), blank >= 4, text.count - blank >= 10,
           !text[0..<blank].contains(where: { $0.isTerminal || $0 == "，" || $0 == "," }), isTitle(Array(text[0..<blank])) {
            return blank
        }
        return runOnTitleEnd(text)
    }

    /// 一、 (一) 1. ① … at the start: a heading or list item, not a title (a year like 2023年 is fine).
    static func startsWithNumbering(_ text: Scalars) -> Bool {
        guard let first = text.first else { return false }
        if first == "(" || first == "（" || ("①"..."⑳").contains(first) { return true }
        return HeadingMarker.parse(text, at: 0) != nil
    }

    /// The same title written another way: years rewritten or hidden (2023年 / xx年), blanks.
    static func sameTitle(_ a: Scalars, _ b: Scalars) -> Bool {
        let na = normalised(a), nb = normalised(b)
        guard na.count >= 4, nb.count >= 4 else { return false }
        return na == nb
    }

    private static func normalised(_ s: Scalars) -> Scalars {
        s.filter { !($0.digitValue != nil || $0.isAnonymiser || $0.isBlank || $0 == "年" || $0 == "度" || $0.chineseDigitValue != nil && !$0.isHan) }
    }
}
