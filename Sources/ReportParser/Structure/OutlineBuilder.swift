import ReportModel

/// Recovers a report's heading tree from its paragraphs.
///
/// Headings stand at line starts or run inline (a whole report may be one line): a heading runs
/// to its first 。, to a gap of blanks, or to the next heading. A number only heads a section when
/// it continues the numbering and stands at a sentence boundary; otherwise it is text, and a
/// paragraph that a line wrap cut before it runs on. Each paragraph's key figures are read as it is
/// emitted, from the scalars just scanned, and go where it goes.
struct OutlineBuilder {
    /// A numbered "heading" longer than this is a numbered paragraph: its text stays a paragraph.
    static let maxHeadingLength = 60

    // The tree as it grows: headings and paragraphs go straight in, with no list of events to copy from.
    private var preamble: [String] = []
    private var preambleFigures: [Figure] = []
    private var roots: [Section] = []
    private var path: [Section] = []  // open sections, outermost first
    private var sequence = NumberingSequence()
    // The text read but not yet emitted: `buffer`, carried over from earlier paragraphs, then
    // `run` of the paragraph being scanned. Held as a range, a paragraph's text is encoded straight
    // from the paragraph; it is copied into `buffer` only when a paragraph runs on into the next.
    private var text: Scalars = []
    /// The source's bytes, and where `text`'s UTF-8 lies in them when the paragraph knows it:
    /// strings are copied from there, not encoded.
    private let source: [UInt8]
    private var utf8: Range<Int>?
    /// Where the last string copied from `utf8` ended (scalar offset, byte index): strings are
    /// taken in order along a paragraph, so each one's bytes are found by counting on from there.
    private var mark = (scalar: 0, byte: 0)
    private var run = 0..<0
    private var buffer: Scalars = []
    private var inHeading = false
    private var pendingNumber: (level: Int, number: String)?
    /// Where the pending heading's number starts in `text`, to give it back to a numbered paragraph.
    private var headingStart = 0
    /// The paragraph whose opening `1.` stands for 一、 (the numbering goes on 二、 三、): see `promotedOpening`.
    private var promoted: Int?
    /// `HeadingMarker.startBits`, held here so the scan loop reads it without the global's lazy-init check.
    private let startBits = HeadingMarker.startBits
    /// `startBits` and `mayPrecedeHeading`'s bits, interleaved, for the same loop.
    private let pairBits = Self.pairBits
    /// Held here, as `startBits` is: the figures of every paragraph are read with it.
    private let figureWords = FigureWords.standard

    init(source: [UInt8]) {
        self.source = source
        // A report has three to six top sections and nests six levels at most: no growth steps.
        roots.reserveCapacity(8)
        path.reserveCapacity(6)
    }

    /// - Parameter utf8: the source's bytes, where the paragraphs' `utf8` ranges point.
    static func build(_ paragraphs: ArraySlice<Paragraph>, utf8: [UInt8]) -> (paragraphs: [String], sections: [Section], figures: [Figure]) {
        var builder = OutlineBuilder(source: utf8)
        builder.promoted = promotedOpening(paragraphs)
        for index in paragraphs.indices {
            // Paragraphs read in place: a copy retains each one's text and line starts.
            if PartTitle.isPartTitle(paragraphs, at: index) {
                builder.flush()
                builder.open(level: 0, number: "", heading: paragraphs[index].string(in: utf8))
                builder.sequence = NumberingSequence()  // numbering starts again under each part
                continue
            }
            builder.scan(paragraphs[index], isFirst: index == paragraphs.startIndex, promote: index == builder.promoted)
        }
        builder.flush()
        builder.close(downTo: 0)
        Checklist.unfold(&builder.roots, into: &builder.preamble, figures: &builder.preambleFigures)
        return (builder.preamble, builder.roots, builder.preambleFigures)
    }

    /// A report whose first line heading is `1.` and whose later line headings go on `二、` `三、`
    /// (with no `一、`) numbered its first part in the wrong style: that `1.` is its 一、.
    private static func promotedOpening(_ paragraphs: ArraySlice<Paragraph>) -> Int? {
        var opening: Int?
        for index in paragraphs.indices {
            let text = paragraphs[index].text
            guard let first = text.first, HeadingMarker.mayStart(first), let marker = HeadingMarker.parse(text, at: 0) else { continue }
            if opening == nil {
                guard marker.kind == .arabic, marker.number == 1 else { return nil }
                opening = index
            } else if marker.kind == .chinese {
                return marker.number == 2 ? opening : nil
            }
        }
        return nil
    }

    private mutating func scan(_ paragraph: borrowing Paragraph, isFirst: Bool, promote: Bool = false) {
        let text = paragraph.text
        var i = 0
        // A paragraph that a wrap or page break cut off runs on when the next line starts with a
        // number that cannot be a heading here (单 / 一、陈旧; 十六届 / 四、五中全会).
        if pendingCount > 0 {
            let runsOn = HeadingMarker.parse(text, at: 0, enumerations: true) != nil
                && !(HeadingMarker.parse(text, at: 0).map { sequence.accepts($0, allowAnyStart: isFirst) } ?? false)
                && !pendingEndsSentence
            if runsOn {
                buffer += self.text[run]  // same text continues
                run = 0..<0
            } else {
                flush()
            }
        }
        self.text = text
        utf8 = paragraph.utf8
        mark = (0, utf8?.lowerBound ?? 0)
        while i < text.count {
            var marker: HeadingMarker?
            if !inHeading {
                // Paragraph text: take the run up to the next heading in one go.
                let start = i
                while true {
                    i = nextMayStart(in: text, from: i, lineStarts: paragraph.lineStarts)
                    guard i < text.count else { break }
                    marker = acceptedMarker(in: text, at: i, lineStarts: paragraph.lineStarts, isFirst: isFirst)
                    if marker != nil { break }
                    i += 1
                }
                take(start..<i)
                guard marker != nil else { break }  // the end of the paragraph
            } else if mayStart(text[i]) {
                marker = acceptedMarker(in: text, at: i, lineStarts: paragraph.lineStarts, isFirst: isFirst)
            }
            if var marker {
                if promote, marker.range.lowerBound == 0, marker.kind == .arabic { marker.kind = .chinese }
                flush()
                sequence.commit(marker)
                pendingNumber = (marker.kind.rawValue, text[marker.range].string)
                inHeading = true
                headingStart = marker.range.lowerBound
                i = marker.range.upperBound
                while i < text.count && text[i].isBlank { i += 1 }
                continue
            }
            let s = text[i]
            if s.isTerminal || s == "：" || s == ":" {
                take(i..<(i + 1))
                endHeading()
                i += 1
                while i < text.count && text[i].isBlank { i += 1 }
                continue
            }
            if s.isBlank, pendingCount >= 2, !isBlankInsideNumber(text, i), !headingLineGoesOn(text, after: i) {
                endHeading()
                while i < text.count && text[i].isBlank { i += 1 }
                continue
            }
            if pendingCount >= Self.maxHeadingLength {
                // Too long for a heading: a numbered paragraph, its number kept in its text.
                numberIntoParagraph()
                continue
            }
            take(i..<(i + 1))
            i += 1
        }
    }

    private var pendingCount: Int { buffer.count + run.count }

    /// Adds `range` of the paragraph to the pending text; it always continues `run`.
    private mutating func take(_ range: Range<Int>) {
        run = run.isEmpty ? range : run.lowerBound..<range.upperBound
    }

    /// `endsSentence` of the pending text.
    private var pendingEndsSentence: Bool {
        guard let last = text[run].last(where: { !$0.isBlank && !$0.isClosingQuote }) else { return buffer.endsSentence }
        return last.isTerminal || last == "：" || last == ":"
    }

    /// The pending text, trimmed, as a string; empty when it is blank.
    private mutating func takePending() -> String {
        let pending = run
        run = 0..<0
        if buffer.isEmpty {  // the usual case
            let (string, mark) = string(of: pending, after: mark)
            self.mark = mark
            return string
        }
        buffer += text[pending]
        let string = buffer[buffer.trimmedRange()].string
        buffer.removeAll(keepingCapacity: true)  // the next run-on reuses the storage
        return string
    }

    /// The trimmed `text[range]` as a string, copied from the paragraph's UTF-8 when it has it,
    /// and the new mark. Not mutating, so that the paragraph's text is read in place (no retain).
    private func string(of range: Range<Int>, after mark: (scalar: Int, byte: Int)) -> (String, (scalar: Int, byte: Int)) {
        let range = text.trimmedRange(range)
        guard let utf8, !range.isEmpty else { return (text[range].string, mark) }
        let from = mark.scalar <= range.lowerBound ? mark : (scalar: 0, byte: utf8.lowerBound)
        let lower: Int, upper: Int
        if range.upperBound == text.count, range.count < range.lowerBound - from.scalar {
            // A paragraph's text after its heading: nearer the end than the mark.
            upper = utf8.upperBound
            lower = upper - text.utf8Count(range)
        } else {
            lower = from.byte + text.utf8Count(from.scalar..<range.lowerBound)
            upper = range.upperBound == text.count ? utf8.upperBound : lower + text.utf8Count(range)
        }
        return (source.validUTF8String(lower..<upper), (range.upperBound, upper))
    }

    private func mayStart(_ s: Unicode.Scalar) -> Bool {
        let v = Int(s.value)
        return v < 0x10000 && startBits[v >> 6] & (1 << UInt64(v & 63)) != 0
    }

    /// The first scalar at or after `i` that may start a marker in paragraph text, where only a
    /// boundary or a line start lets one stand (or the end): the skip over plain text, which is most
    /// of every paragraph, reads through buffer pointers. Numerals inside sentences (一个, 三是), most
    /// of the scalars that may start a marker, are passed over with the rest.
    private func nextMayStart(in text: Scalars, from i: Int, lineStarts: [Int]) -> Int {
        text.withUnsafeBufferPointer { scalars in
            pairBits.withUnsafeBufferPointer { bits in
                // Both tests without a branch, so that the loop branches only where a marker may stand.
                // Beyond the BMP reads as U+FFFF, in neither set.
                func pair(_ j: Int) -> (start: UInt64, boundary: UInt64) {
                    let v = Swift.min(Int(scalars[j].value), 0xFFFF)
                    let word = 2 * (v >> 6), bit = UInt64(v & 63)
                    return (bits[word] >> bit & 1, bits[word + 1] >> bit & 1)
                }
                let wrapped = !lineStarts.isEmpty
                var after: UInt64 = i == 0 ? 1 : pair(i - 1).boundary
                var j = i
                while j < scalars.count {
                    let (start, boundary) = pair(j)
                    if start & after != 0 || wrapped && start != 0 && lineStarts.contains(j) { return j }
                    after = boundary
                    j += 1
                }
                return scalars.count
            }
        }
    }

    private func acceptedMarker(in text: Scalars, at i: Int, lineStarts: [Int], isFirst: Bool) -> HeadingMarker? {
        // A numeral or digit inside a longer run of them is not the start of a number.
        if i > 0, mayStart(text[i - 1]), text[i - 1] != "(" && text[i - 1] != "（" { return nil }
        let atBoundary = i == 0 || isBoundary(text, before: i) || lineStarts.contains(i)
        // A first child may run straight on from its parent's heading (全面领导(一)坚持…), but not
        // out of Latin text such as `alert(1)`. Settled before parsing: most numerals in running
        // text (一个, 三是) stand at no boundary and need no parse.
        let mayRunOn = inHeading && i > 0 && !text[i - 1].isASCII
        guard atBoundary || mayRunOn, let marker = HeadingMarker.parse(text, at: i) else { return nil }
        guard atBoundary || sequence.isFirstChild(marker) else { return nil }
        return sequence.accepts(marker, allowAnyStart: isFirst && i == 0) ? marker : nil
    }

    private func isBoundary(_ text: Scalars, before i: Int) -> Bool {
        guard i > 0 else { return true }
        let p = text[i - 1]
        guard Self.mayPrecedeHeading(p) else { return false }
        return !p.isClosingQuote || i > 1 && text[i - 2].isTerminal
    }

    /// Can a heading number start right after `p`? After a closing quote `isBoundary` also asks
    /// that a sentence end inside it.
    private static func mayPrecedeHeading(_ p: Unicode.Scalar) -> Bool {
        p.isTerminal || p.isBlank || p == "：" || p == ":" || p == "|" || p.isClosingQuote
    }

    private static let pairBits: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64 * 2)
        for word in 0..<(0x10000 / 64) { bits[2 * word] = HeadingMarker.startBits[word] }
        for v in 0..<0x10000 {
            if let s = Unicode.Scalar(v), mayPrecedeHeading(s) { bits[2 * (v >> 6) + 1] |= 1 << UInt64(v & 63) }
        }
        return bits
    }()

    /// `2023 年`: a blank between a number and its unit does not end a heading.
    private func isBlankInsideNumber(_ text: Scalars, _ i: Int) -> Bool {
        guard i > 0, i + 1 < text.count else { return false }
        let before = text[i - 1], after = text[i + 1]
        return (before.digitValue != nil || before.isAnonymiser) && Self.isUnit(after)
            || after.digitValue != nil && before.digitValue != nil
    }

    private static func isUnit(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "年", "月", "日", "%", "个", "所", "人", "万", "亿", "元": true
        default: false
        }
    }

    private mutating func endHeading() {
        // Asked of the scalars before the string is made: the string's would be decoded again.
        let hasWords = Self.hasWords(buffer[...]) || Self.hasWords(text[run])
        emitHeading(text: takePending(), hasWords: hasWords)
        inHeading = false
    }

    /// Holds a scalar that is not a blank, a terminal, a closing quote or a comma.
    private static func hasWords(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        scalars.contains { !$0.isBlank && !$0.isTerminal && !$0.isClosingQuote && $0 != "，" && $0 != "," }
    }

    private mutating func emitHeading(text: consuming String, hasWords: Bool) {
        guard let pending = pendingNumber.take() else { return }  // moved out: no copy of the number
        // No heading without words: `2、。` (a page mark a sentence ran through) is text.
        guard hasWords else {
            let line = pending.number + text
            if path.isEmpty { preamble.append(line) } else { path[path.count - 1].paragraphs.append(line) }
            return
        }
        open(level: pending.level, number: pending.number, heading: text)
    }

    /// The pending heading is too long for one: its number starts a paragraph instead.
    private mutating func numberIntoParagraph() {
        guard let pending = pendingNumber.take() else { return }
        inHeading = false
        if buffer.isEmpty, headingStart <= run.lowerBound, run.lowerBound - headingStart <= pending.number.unicodeScalars.count + 4 {
            run = headingStart..<run.upperBound  // the number and the blanks after it, as written
        } else {
            buffer.insert(contentsOf: pending.number.unicodeScalars, at: 0)
        }
    }

    /// A blank inside a heading line (`一、XX 市基本情况`, `二、主要工作 及成效`) does not end it: only a
    /// blank after which the text runs into a sentence does (`一、基本情况 全县共有学校…。`).
    private func headingLineGoesOn(_ text: Scalars, after i: Int) -> Bool {
        var j = i + 1
        let limit = Swift.min(text.count, i + 1 + Self.maxHeadingLength - pendingCount)
        while j < limit {
            let s = text[j]
            if s.isTerminal || s == "：" || s == ":" { return false }
            if text[j - 1].isBlank, mayStart(s), HeadingMarker.parse(text, at: j) != nil { return false }
            j += 1
        }
        return j == text.count
    }

    private mutating func flush() {
        if inHeading {
            endHeading()
            return
        }
        let scalars = buffer.isEmpty ? text[run] : (buffer + text[run])[...]
        let paragraph = takePending()
        if !paragraph.isEmpty {
            if path.isEmpty {
                preamble.append(paragraph)
                FigureReader.read(scalars, words: figureWords, into: &preambleFigures)
            } else {
                path[path.count - 1].paragraphs.append(paragraph)
                FigureReader.read(scalars, words: figureWords, into: &path[path.count - 1].figures)
            }
        }
    }

    /// Consumes the strings: the new section takes them without a retain.
    private mutating func open(level: Int, number: consuming String, heading: consuming String) {
        close(downTo: level)
        path.append(Section(number: number, heading: heading, level: level))
    }

    /// Closes the open sections at `level` and deeper into their parents (or the roots).
    private mutating func close(downTo level: Int) {
        while let deepest = path.last?.level, deepest >= level {
            let last = path.removeLast()
            if path.isEmpty {
                roots.append(last)
            } else {
                // A section with children mostly has two to four: room for four at once saves the growth steps.
                if path[path.count - 1].children.isEmpty { path[path.count - 1].children.reserveCapacity(4) }
                path[path.count - 1].children.append(last)
            }
        }
    }
}
