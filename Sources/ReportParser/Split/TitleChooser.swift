/// Chooses a report's title among the lines at its head, and the source's file name: by what a
/// title is made of (a report word, an office or place, a year, a title's length, no sentence
/// punctuation) and where it stands, never by position alone. Site chrome above the title
/// (banners, hotlines, slogans, portal columns, index numbers, 注册/登录, blurbs) scores low and
/// is dropped with whatever stands before the title. The ranking is `score`, a rule a line.
enum TitleChooser {
    /// Where the chosen title stands.
    enum Origin: Equatable {
        /// `text[range]` of head paragraph `paragraph` (text as written); the body resumes at
        /// `bodyFrom` in that paragraph (its end when the title was the whole line).
        case line(paragraph: Int, range: Range<Int>, bodyFrom: Int)
        /// A title from outside the text, cleaned: the file name (`浦口区教育局2020年工作总结_2020.txt`),
        /// a page's `<meta name="ArticleTitle">`, a Word file's title property; `from` says which.
        case outside(String, from: String)
    }

    struct Choice: Equatable {
        var origin: Origin
        var score: Int
    }

    /// A line scoring less is no title: a report word and one more sign (an office, a year, or
    /// standing first), or `工作总结` as the first kept line, which the parser always took as a title.
    static let threshold = 6
    /// Titles stand above the body: chrome above one rarely runs past a few lines.
    static let headParagraphs = 8
    /// A one-line page (no line breaks) holds its title in its first few hundred characters.
    static let headScalars = 300
    /// A title is a line, not a paragraph.
    static let maxTitleLength = 60

    /// A title the text does not hold itself, and where it came from (`file name`, `html meta ArticleTitle`).
    struct Outside: Equatable {
        var text: String
        var from: String
    }

    /// The best title among the first paragraphs of a report and the titles from outside it (best
    /// first), if any scores at least `threshold`. Ties go to the line that stands higher, a line
    /// beats every title from outside, and of those the earlier wins.
    static func choose(in paragraphs: ArraySlice<Paragraph>, outside: [Outside] = [], words: TitleWords = .standard) -> Choice? {
        var best: Choice?
        func consider(_ origin: Origin, _ score: Int?) {
            guard let score, score >= threshold, score > (best?.score ?? Int.min) else { return }
            best = Choice(origin: origin, score: score)
        }
        for (position, p) in paragraphs.indices.prefix(headParagraphs).enumerated() {
            let written = paragraphs[p].text
            let head = written.count > headScalars + maxTitleLength ? Scalars(written.prefix(headScalars + maxTitleLength)) : written
            let matched = SimplifiedForm.of(head)
            // Matched in simplified script where the transform kept every character in place (it does, character for character).
            let m = matched.count == head.count ? matched : head
            let bodyBegins = startsBody(m, fullCount: written.count, words: words)
            // The body has begun: its first paragraph is searched for a run-on title only when no line above was a title.
            if bodyBegins && best != nil { break }
            let next = paragraphs.index(after: p) < paragraphs.endIndex ? paragraphs[paragraphs.index(after: p)].text : nil
            var wholeLine: Int?
            if written.count <= maxTitleLength {
                let r = TitleJunk.strip(m, 0..<m.count, words: words)
                let nextStartsBody = next.map { startsBody($0, fullCount: $0.count, words: words) } ?? false
                wholeLine = score(m, r, first: position == 0, beforeBody: nextStartsBody, words: words)
                consider(.line(paragraph: position, range: r, bodyFrom: written.count), wholeLine)
            }
            // Titles inside the line: after chrome on a one-line page, or run on into the text. (A line
            // that is a title whole, with no blank in it, holds no other.)
            guard wholeLine == nil || m.contains(where: \.isBlank) else { continue }
            for (start, end) in pieces(of: m, words: words) where end < written.count {
                let r = TitleJunk.strip(m, start..<end, words: words)
                consider(.line(paragraph: position, range: r, bodyFrom: end),
                         score(m, r, first: position == 0 && start == 0, beforeBody: written.count - end >= 20, words: words))
            }
            if bodyBegins { break }
        }
        for candidate in outside {
            let name = Scalars(candidate.text)
            let m = SimplifiedForm.of(name)
            let r = TitleJunk.strip(m.count == name.count ? m : name, 0..<name.count, words: words)
            // A title in the text outranks any a page or file was given.
            consider(.outside(name[r].string, from: candidate.from), score(m.count == name.count ? m : name, r, first: false, beforeBody: false, words: words).map { $0 - 1 })
        }
        return best
    }

    /// The ranking: how much `t[r]` (matching form) looks like a title; nil when it cannot be one.
    static func score(_ t: Scalars, _ r: Range<Int>, first: Bool, beforeBody: Bool, words: TitleWords = .standard) -> Int? {
        let kinds = words.reportWords(in: t, r)
        guard !kinds.isEmpty else { return nil }                                     // a title names a kind of report: 总结, 计划, 要点 …
        guard (4...maxTitleLength).contains(r.count) else { return nil }             // a title is a line, not a paragraph or a word
        let title = Scalars(t[r])
        guard !title.endsSentence else { return nil }                                // a line ending in 。 or ： is a sentence or a lead-in
        guard !TitleLine.startsWithNumbering(title) else { return nil }              // 一、 (一) 1.: a heading of the body
        guard !words.contains(.blurb, in: title) else { return nil }                 // an editor's blurb about the report, 仅供学习参考
        var score = 4                                                                // the report word
        if hasOffice(title) { score += 3 }                                           // the issuer names itself: 县教育局, 教体局
        else if hasPlace(title) { score += 1 }                                       // a place: 浦口区, 全县
        if hasYear(title) { score += 2 }                                             // 2023年, 2022工作总结, xx年, 二〇二三年
        if (6...40).contains(title.count) { score += 1 }                             // a title's usual length
        if title.count > 45 { score -= 2 }                                           // long for a title: more likely a sentence
        if title.contains(where: isSentencePunctuation) { score -= 3 }               // a sentence, not a title
        if words.contains(.chrome, in: title) { score -= 4 }                         // site chrome: 注册 登录, 政府信息公开, 范文网
        if words.contains(.spam, in: title) { score -= 4 }                           // an advertisement
        if isMenu(title, kinds: words.reportWords(in: title, 0..<title.count)) { score -= 4 }  // a site's menu: 工作总结 | 工作计划
        if first { score += 2 }                                                      // the first kept line: where titles stand
        if beforeBody { score += 1 }                                                 // right above the body (一、 or the opening)
        return score
    }

    /// Candidate spans of a long paragraph (a one-line page, or a title run into its text): from its
    /// start and after each blank in its head, to the next blank or the end of a run-on title.
    static func pieces(of t: Scalars, words: TitleWords = .standard) -> [(Int, Int)] {
        var out: [(Int, Int)] = []
        var start = 0
        let limit = Swift.min(t.count, headScalars)
        while start < limit {
            var end = start
            while end < t.count, !t[end].isBlank { end += 1 }
            if end - start <= maxTitleLength, end < t.count {
                if !words.reportWords(in: t, start..<end).isEmpty { out.append((start, end)) }
            } else if let runOn = TitleLine.runOnTitleEnd(t, from: start, words: words) {
                out.append((start, runOn))
            }
            start = end
            while start < limit, t[start].isBlank { start += 1 }
        }
        return out
    }

    /// Where the body begins: a numbered heading, or a long paragraph that ends a sentence (not a blurb).
    private static func startsBody(_ t: Scalars, fullCount: Int, words: TitleWords) -> Bool {
        if TitleLine.startsWithNumbering(t) { return true }
        return fullCount > 80 && !words.contains(.blurb, in: t, 0..<Swift.min(t.count, 40))
    }

    private static func hasOffice(_ t: Scalars) -> Bool {
        OfficeName.officeWords.contains { t.firstIndex(of: $0) != nil }
    }

    /// A level (县 区 市 …) after a name: 浦口区, 全县, xx县.
    private static func hasPlace(_ t: Scalars) -> Bool {
        t.indices.dropFirst().contains { OfficeName.isLevel(t[$0]) && (t[$0 - 1].isHan || t[$0 - 1].isAnonymiser) }
    }

    /// A year: four digits (1980–2100), or a 年 after a digit or a hidden year (xx年, 二〇二三年).
    static func hasYear(_ t: Scalars) -> Bool {
        var run = 0, value = 0
        for (i, s) in t.enumerated() {
            if let d = s.digitValue {
                run += 1
                value = value * 10 + d
                if run == 4, (1980...2100).contains(value), i + 1 == t.count || t[i + 1].digitValue == nil { return true }
            } else {
                run = 0
                value = 0
                if s == "年", i > 0, t[i - 1].isAnonymiser || t[i - 1].chineseDigitValue != nil { return true }
            }
        }
        return false
    }

    private static func isSentencePunctuation(_ s: Unicode.Scalar) -> Bool {
        s.isTerminal || s == "，" || s == "," || s == "：" || s == ":" || s == "@"
    }

    /// Several report words apart, with no year: a site's menu or header (`工作总结 工作计划 述职报告`).
    private static func isMenu(_ t: Scalars, kinds: [(start: Int, end: Int)]) -> Bool {
        guard kinds.count >= 2, !hasYear(t) else { return false }
        return zip(kinds, kinds.dropFirst()).contains { a, b in
            a.end <= b.start && t[a.end..<b.start].contains { $0.isBlank || "|｜/-·、>".unicodeScalars.contains($0) }
        }
    }
}
