/// What a report's title line looks like: short, no closing full stop, naming a kind of document.
enum TitleLine {
    /// The kinds of report a title names: the `report` words of `Resources/title-words.txt`.
    static let documentWords: [Scalars] = TitleWords.standard[.report]

    static func isTitle(_ text: Scalars) -> Bool {
        guard (4...60).contains(text.count), !text.endsSentence, text.last != "，", text.last != "," else { return false }
        guard !startsWithNumbering(text) else { return false }
        let match = SimplifiedForm.of(text)  // 總結 is 总结: matched in simplified script
        return documentWords.contains { match.firstIndex(of: $0) != nil }
    }

    /// Where a title that runs on into the text from `start` ends: an office (…局) or a year, then a
    /// report word (总结, 计划, 要点 …) within 40 characters, not at the very end of the paragraph.
    /// A run-on title runs to the end of its last report word: `…2022工作总结及2023年工作计划`,
    /// `…总结和2024年工作打算` (parts joined by 及/和/与/暨/、).
    static func runOnTitleEnd(_ text: Scalars, from start: Int = 0, words: TitleWords = .standard) -> Int? {
        let headEnd = Swift.min(text.count, start + 40)
        guard start < headEnd, !startsWithNumbering(Scalars(text[start..<headEnd])) else { return nil }
        let found = words.reportWords(in: text, start..<Swift.min(text.count, start + maxRunOnLength))
        guard let first = found.first, first.start < headEnd else { return nil }
        // What the report word follows: an office or a year says this is a title, not a sentence.
        let before = Scalars(text[start..<first.start])
        guard OfficeName.officeWords.contains(where: { before.firstIndex(of: $0) != nil }) || TitleChooser.hasYear(before) else { return nil }
        var end = first.end
        // Joined on by a connector, another part with its own report word.
        while let connector = words[.connector].first(where: { text.hasPrefix($0, at: end) }),
              let next = found.first(where: { $0.start >= end + connector.count }),
              !text[end..<next.start].contains(where: { $0.isTerminal || $0 == "，" || $0 == "," || $0.isBlank }) {
            end = next.end
        }
        guard end - start >= 6, text.count - end >= 10 else { return nil }
        // The text after a title starts a sentence; punctuation there means the "title" was a sentence.
        // (`…工作总结如下：` is a sentence that names a report, a few characters on.)
        guard !text[end..<Swift.min(text.count, end + 3)].contains(where: { $0.isTerminal || [",", "，", "、", "：", ":"].contains($0) }),
              !text[end].isClosingQuote else { return nil }
        // A title ends a sentence nowhere before its last word.
        return text[start..<end].contains(where: { $0.isTerminal || $0 == "，" || $0 == "," }) ? nil : end
    }

    /// Both parts of a run-on title fit in this many characters.
    static let maxRunOnLength = 60

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
