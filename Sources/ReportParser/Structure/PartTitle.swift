/// An unnumbered part heading on a line of its own (`2015年工作回顾`, `2016年工作打算`), recognised
/// when numbering starts afresh at 1 right after it. It becomes a level-0 section above 一、.
enum PartTitle {
    static let words: [Scalars] = [
        "回顾", "总结", "计划", "打算", "要点", "思路", "安排", "展望", "主要工作", "基本情况", "工作目标", "主要任务",
        "存在问题", "问题与不足", "不足", "主要措施", "工作措施", "主要成绩", "主要做法", "成效",
    ].map { Scalars($0) }

    /// Whether `paragraphs[index]` is a part title: read in place, as the outline's scan of
    /// every paragraph asks (copies of the two paragraphs' texts cost three retains).
    static func isPartTitle(_ paragraphs: ArraySlice<Paragraph>, at index: Int) -> Bool {
        guard (4...20).contains(paragraphs[index].text.count) else { return false }  // most paragraphs are longer
        return isPartTitle(paragraphs[index].text, followedBy: index + 1 < paragraphs.endIndex ? paragraphs[index + 1].text : [])
    }

    static func isPartTitle(_ text: Scalars, followedBy next: Scalars) -> Bool {
        guard (4...20).contains(text.count), !text.endsSentence, !TitleLine.startsWithNumbering(text) else { return false }
        guard !text.contains(where: { $0 == "，" || $0 == "," || $0 == "、" }) else { return false }
        guard let marker = HeadingMarker.parse(next, at: 0), marker.number == 1 else { return false }
        // A line naming an office (`长沙市教育局工作总结`) is the report's title repeated by a site, not a part.
        guard !OfficeName.officeWords.contains(where: { text.firstIndex(of: $0) != nil }) else { return false }
        return words.contains { text.firstIndex(of: $0) != nil }
    }
}
