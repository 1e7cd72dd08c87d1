/// What a report's title line looks like: short, no closing full stop, naming a kind of document.
enum TitleLine {
    static let documentWords: [Scalars] = ["总结", "计划", "要点", "思路", "打算", "规划", "安排", "报告", "回顾", "汇报"].map { Scalars($0) }

    static func isTitle(_ text: Scalars) -> Bool {
        guard (4...60).contains(text.count), !text.endsSentence, text.last != "，", text.last != "," else { return false }
        guard !startsWithNumbering(text) else { return false }
        return documentWords.contains { text.firstIndex(of: $0) != nil }
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
