import ReportModel

/// Cuts a cleaned source into reports: by `第N篇` markers, by the titles a 目录 lists,
/// or by title lines when a collection promises several reports and marks none.
struct Splitter: Sendable {
    /// Consumes the text: its arrays are edited in place, not copied (a copy retains every paragraph).
    /// - Parameter outside: titles from outside the text, best first: a web page's article title, the
    ///   file name without folder or extension. A single report's title may stand only there
    ///   (`浦口区教育局2020年工作总结_2020`).
    func split(_ clean: consuming CleanText, outside: [TitleChooser.Outside] = []) -> SplitText {
        var paragraphs = clean.paragraphs
        var dropped = clean.dropped
        let utf8 = clean.utf8
        clean = CleanText(paragraphs: [], dropped: [])  // the arrays above are now held once

        // The collection's own title, with its promised count, heads the source.
        var collectionTitle: Scalars?
        var listedCount = 1
        var tocStart: TextPosition?
        for p in paragraphs.indices.prefix(5) {
            let text = paragraphs[p].text
            let toc = text.firstIndex(of: TableOfContents.heading, to: Swift.min(100, text.count))
            let headEnd = toc ?? text.count
            if headEnd <= 80, let n = CountPromise.count(atEndOf: text[0..<headEnd]) {
                collectionTitle = Array(text[text.trimmedRange(0..<headEnd)])
                listedCount = n
                if let toc { tocStart = TextPosition(paragraph: p, offset: toc - headEnd) }
                paragraphs[p].keep(headEnd..<text.count)
                paragraphs[p].lineStarts = []
                break
            }
        }
        // A 目录 with no collection title before it (`目录1.…`, `6篇汇编目录1.…`, `目录：` on its own line)
        // splits the source only when its entries are found in the body: `untitledToc` says so.
        var untitledToc = false
        if tocStart == nil {
            for p in paragraphs.indices.prefix(8) {
                let text = paragraphs[p].text
                guard let toc = text.firstIndex(of: TableOfContents.heading, to: Swift.min(TableOfContents.maxHeadLength, text.count)) else { continue }
                tocStart = TextPosition(paragraph: p, offset: toc)
                untitledToc = true
                if let n = CountPromise.count(in: text[0..<toc]) { listedCount = n }
                break
            }
        }
        if let title = collectionTitle {
            dropRepeats(of: title, or: CountPromise.strippingCount(title), in: &paragraphs, rule: "repeated-title", dropped: &dropped, utf8: utf8)
        }

        var cuts: [(start: TextPosition, bodyStart: TextPosition, listed: Scalars?)] = []
        var consumed: Range<TextPosition>?  // the 目录, recorded on its own
        if let markers = ArticleMarker.find(in: paragraphs), !markers.isEmpty {
            for m in markers {
                dropped.append(DroppedText(rule: "article-marker", text: paragraphs[m.paragraph].string(in: utf8), line: paragraphs[m.paragraph].line))
                let at = TextPosition(paragraph: m.paragraph, offset: 0)
                cuts.append((at, TextPosition(paragraph: m.paragraph + 1, offset: 0), m.title))
            }
            listedCount = Swift.max(listedCount, markers.count)
        } else if let tocStart, let toc = TableOfContents.read(paragraphs, at: tocStart),
                  case let found = tocCuts(toc, in: paragraphs), !untitledToc || found.count >= 2 {
            dropped.append(DroppedText(rule: "table-of-contents", text: toc.text, line: paragraphs[tocStart.paragraph].line))
            consumed = tocStart..<toc.end
            cuts = found
            listedCount = Swift.max(listedCount, toc.titles.count)
            if cuts.isEmpty { cuts.append((toc.end, toc.end, nil)) }
        } else if untitledToc {
            listedCount = 1  // a 目录 whose entries the body does not hold promises nothing
        } else if listedCount > 1 {
            cuts = titleLineCuts(paragraphs)
        }
        if cuts.isEmpty {
            cuts = [(TextPosition(paragraph: 0, offset: 0), TextPosition(paragraph: 0, offset: 0), nil)]
        }

        // Whatever stands before the first report is chrome the rules did not name: record it.
        let origin = TextPosition(paragraph: 0, offset: 0)
        let before = consumed.map { paragraphs.slice(from: origin, to: $0.lowerBound) + paragraphs.slice(from: $0.upperBound, to: cuts[0].start) }
            ?? paragraphs.slice(from: origin, to: cuts[0].start)
        for p in before {
            dropped.append(DroppedText(rule: "before-first-report", text: p.string(in: utf8), line: p.line))
        }

        var reports: [RawReport] = []
        for (i, cut) in cuts.enumerated() {
            let end = i + 1 < cuts.count ? cuts[i + 1].start : paragraphs.endPosition
            var body = paragraphs.slice(from: cut.bodyStart, to: end)
            var report = RawReport(listedTitle: cut.listed?.string, paragraphs: [])
            // The report's own title line: the listed title as the report writes it, or else the
            // best title among the head lines (and, for a single report, the file name).
            let title: Scalars?
            if let listed = cut.listed {
                if let first = body.first, TitleLine.isTitle(first.text), TitleLine.sameTitle(listed, first.text) {
                    title = first.text
                    body.removeFirst()
                } else {
                    title = listed
                }
            } else if let choice = TitleChooser.choose(in: body[...], outside: cuts.count == 1 && listedCount == 1 ? outside : []) {
                title = take(choice, from: &body, into: &report, utf8: utf8)
            } else if let first = body.first, let end = TitleLine.titleEnd(atStartOf: first.text), end < first.text.count {
                // A page preview runs the title straight into the text: `县教育局2023年工作总结2023年，全县…`.
                title = Array(first.text[0..<end])
                body[0].keep(end..<first.text.count)
                body[0].lineStarts = body[0].lineStarts.compactMap { $0 > end ? $0 - end : nil }
            } else {
                title = nil
            }
            if let title {
                report.title = title.string
                dropRepeats(of: title, in: &body, rule: "repeated-title", dropped: &report.dropped, utf8: utf8, rewritten: true)
                cutRunOnRepeats(of: title, in: &body, dropped: &report.dropped, utf8: utf8)
            }
            collapseRepetition(&body, dropped: &report.dropped, utf8: utf8)
            report.paragraphs = body
            reports.append(report)
        }
        if listedCount > reports.count, !reports.isEmpty {
            reports[reports.count - 1].cutOffByEnd = true
        }
        let kind: Source.Kind = listedCount > 1 || reports.count > 1 ? .collection : .single
        dropped.sort { $0.line < $1.line }  // in place: `sorted` would copy the array
        return SplitText(kind: kind, collectionTitle: collectionTitle?.string, listedCount: listedCount,
                         reports: reports, dropped: dropped)
    }

    /// Takes the chosen title out of the head of `body`: what stands above it is chrome the rules
    /// did not name, what a site put around it is junk, and an editor's blurb right after it goes too.
    private func take(_ choice: TitleChooser.Choice, from body: inout [Paragraph], into report: inout RawReport, utf8: [UInt8]) -> Scalars {
        let (p, range, bodyFrom): (Int, Range<Int>, Int)
        switch choice.origin {
        case let .outside(name, from):
            report.titleOrigin = from
            return Scalars(name)
        case let .line(paragraph, titleRange, resume):
            (p, range, bodyFrom) = (paragraph, titleRange, resume)
        }
        for q in 0..<p {
            report.dropped.append(DroppedText(rule: "before-title", text: body[q].string(in: utf8), line: body[q].line))
        }
        let text = body[p].text
        let title = Array(text[range])
        if !text.trimmedRange(0..<range.lowerBound).isEmpty {
            report.dropped.append(DroppedText(rule: "before-title", text: body[p].string(text.trimmedRange(0..<range.lowerBound), in: utf8), line: body[p].line))
        }
        if !text.trimmedRange(range.upperBound..<bodyFrom).isEmpty {
            report.dropped.append(DroppedText(rule: "title-junk", text: body[p].string(text.trimmedRange(range.upperBound..<bodyFrom), in: utf8), line: body[p].line))
        }
        let rest = text.trimmedRange(bodyFrom..<text.count)
        if rest.isEmpty {
            body.removeSubrange(0...p)
        } else {
            body[p].keep(rest)
            body[p].lineStarts = body[p].lineStarts.compactMap { $0 > rest.lowerBound && $0 < rest.upperBound ? $0 - rest.lowerBound : nil }
            body.removeSubrange(0..<p)
        }
        dropBlurb(from: &body, into: &report, utf8: utf8)
        return title
    }

    /// `下面是小编为大家整理的…，供大家参考。` opening the body: a site's words about the report, to its first full stop.
    private func dropBlurb(from body: inout [Paragraph], into report: inout RawReport, utf8: [UInt8]) {
        guard let first = body.first else { return }
        let text = first.text
        let head = SimplifiedForm.of(Scalars(text.prefix(12)))
        guard TitleWords.standard[.blurb].contains(where: { head.firstIndex(of: $0) != nil }) else { return }
        let stop = text.firstIndex(where: { $0.isTerminal }).map { $0 + 1 } ?? text.count
        report.dropped.append(DroppedText(rule: "title-blurb", text: first.string(0..<stop, in: utf8), line: first.line))
        let rest = text.trimmedRange(stop..<text.count)
        if rest.isEmpty {
            body.removeFirst()
        } else {
            body[0].keep(rest)
            body[0].lineStarts = body[0].lineStarts.compactMap { $0 > rest.lowerBound && $0 < rest.upperBound ? $0 - rest.lowerBound : nil }
        }
    }

    /// Where each listed title starts in the body after the 目录, in order; a title not found is skipped.
    private func tocCuts(_ toc: TableOfContents, in paragraphs: [Paragraph]) -> [(start: TextPosition, bodyStart: TextPosition, listed: Scalars?)] {
        var cuts: [(start: TextPosition, bodyStart: TextPosition, listed: Scalars?)] = []
        var from = toc.end
        for title in toc.titles {
            guard let found = find(title, in: paragraphs, from: from, first: from == toc.end) else { continue }
            cuts.append((found, TextPosition(paragraph: found.paragraph, offset: found.offset + title.count), title))
            from = TextPosition(paragraph: found.paragraph, offset: found.offset + title.count)
        }
        return cuts
    }

    /// A listed title in the body, at a sentence boundary (titles often run on inline).
    private func find(_ title: Scalars, in paragraphs: [Paragraph], from: TextPosition, first: Bool) -> TextPosition? {
        var p = from.paragraph, offset = from.offset
        while p < paragraphs.count {
            let text = paragraphs[p].text
            var i = offset
            while let hit = text.firstIndex(of: title, from: i) {
                let atStart = hit == 0 || (first && p == from.paragraph && hit == from.offset)
                if atStart || text[hit - 1].isTerminal || text[hit - 1].isBlank || text[hit - 1].isClosingQuote || endsDate(text, before: hit) {
                    return TextPosition(paragraph: p, offset: hit)
                }
                i = hit + 1
            }
            p += 1
            offset = 0
        }
        return nil
    }

    /// `…2020年12月26日` just before `i`: a signed date ends a report, so the next title may run on after it.
    private func endsDate(_ text: Scalars, before i: Int) -> Bool {
        i >= 2 && text[i - 1] == "日" && (text[i - 2].digitValue != nil || ChineseNumber.isNumeral(text[i - 2]))
    }

    /// In a collection with no markers, each title line after a finished paragraph starts a report.
    private func titleLineCuts(_ paragraphs: [Paragraph]) -> [(start: TextPosition, bodyStart: TextPosition, listed: Scalars?)] {
        var cuts: [(start: TextPosition, bodyStart: TextPosition, listed: Scalars?)] = []
        for (p, paragraph) in paragraphs.enumerated() where TitleLine.isTitle(paragraph.text) {
            if p == 0 || paragraphs[p - 1].text.endsSentence || cuts.isEmpty {
                let at = TextPosition(paragraph: p, offset: 0)
                cuts.append((at, at, nil))
            }
        }
        return cuts
    }

    /// Two titles at most, not an array of them: that cost an allocation a report.
    /// - Parameter rewritten: also a repeat with its year rewritten or left out (`长沙市教育局工作总结`
    ///   over `长沙市教育局2021年工作总结`), as sites print the title at each page's head.
    private func dropRepeats(of title: Scalars, or other: Scalars? = nil, in paragraphs: inout [Paragraph], rule: String,
                             dropped: inout [DroppedText], utf8: [UInt8], rewritten: Bool = false) {
        func isRepeat(_ text: Scalars) -> Bool {
            if text == title { return true }
            if let other, text == other { return true }
            // Cheap tests first: most paragraphs are far longer than a title.
            guard rewritten, abs(text.count - title.count) <= 8, text.first == title.first, text.last == title.last else { return false }
            return TitleLine.sameTitle(text, title)
        }
        // Mostly there is none: look before rewriting the array.
        guard let first = paragraphs.firstIndex(where: { isRepeat($0.text) }) else { return }
        // Kept paragraphs swapped down in place: `removeAll(where:)` copied each one it tested.
        var kept = first
        for i in first..<paragraphs.count {
            if isRepeat(paragraphs[i].text) {
                dropped.append(DroppedText(rule: rule, text: paragraphs[i].string(in: utf8), line: paragraphs[i].line))
            } else {
                paragraphs.swapAt(kept, i)
                kept += 1
            }
        }
        paragraphs.removeSubrange(kept...)
    }

    /// `泰州市教育局2021年工作总结一、坚持党建统领…`: the title repeated with the first heading run on
    /// after it; the repeat is cut off so that the heading starts its line.
    private func cutRunOnRepeats(of title: Scalars, in paragraphs: inout [Paragraph], dropped: inout [DroppedText], utf8: [UInt8]) {
        guard title.count >= 4 else { return }
        for p in paragraphs.indices where paragraphs[p].text.count > title.count && paragraphs[p].text.first == title.first {
            let text = paragraphs[p].text
            guard text.hasPrefix(title, at: 0), HeadingMarker.parse(text, at: title.count) != nil else { continue }
            dropped.append(DroppedText(rule: "repeated-title", text: title.string, line: paragraphs[p].line))
            let end = title.count
            paragraphs[p].keep(end..<text.count)
            paragraphs[p].lineStarts = paragraphs[p].lineStarts.compactMap { $0 > end ? $0 - end : nil }
        }
    }

    /// One report pasted several times over in one page: keep the first copy.
    private func collapseRepetition(_ paragraphs: inout [Paragraph], dropped: inout [DroppedText], utf8: [UInt8]) {
        guard paragraphs.count >= 2, let first = paragraphs.first, first.text.count >= 10 else { return }
        guard let k = paragraphs.dropFirst().firstIndex(where: { $0.text == first.text }) else { return }
        var end = k
        while end + k <= paragraphs.count, zip(paragraphs[0..<k], paragraphs[end..<(end + k)]).allSatisfy({ $0.text == $1.text }) {
            end += k
        }
        guard end > k else { return }
        for p in paragraphs[k..<end] {
            dropped.append(DroppedText(rule: "repeated-copy", text: p.string(in: utf8), line: p.line))
        }
        paragraphs.removeSubrange(k..<end)
    }
}
