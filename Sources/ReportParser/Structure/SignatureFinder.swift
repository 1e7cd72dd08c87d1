/// The closing lines of a report: the issuing office and the date it signed, on their own lines
/// (`东平县教育局` / `二o一二年十二月二十一日`) or run onto the last line (`… 余姚市教育局 2023年12月26日`).
enum SignatureFinder {
    struct Signature {
        var text: String
        var issuer: String?
        var date: DateReader.Found?
    }

    static let officeEndings: [Scalars] = ["局", "委员会", "教委", "厅", "政府", "科", "办公室", "督导室", "中心", "股", "处"].map { Scalars($0) }

    /// Removes the signature from the end of `paragraphs` and returns it.
    /// - Parameter utf8: the source's bytes, where the paragraphs' `utf8` ranges point.
    static func extract(from paragraphs: inout ArraySlice<Paragraph>, utf8: [UInt8]) -> Signature? {
        guard var last = paragraphs.last else { return nil }
        var dateLine: String?
        var date: DateReader.Found?

        let trailing = DateReader.trailingDate(in: last.text)  // read once for both shapes below
        if let found = trailing, found.range.lowerBound == last.text.trimmedRange().lowerBound {
            date = found
            dateLine = last.string(in: utf8)
            paragraphs = paragraphs.dropLast()
        } else if let found = trailing, found.range.lowerBound > 0,
                  last.text[found.range.lowerBound - 1].isBlank || endsWithOffice(last.text[..<found.range.lowerBound]) {
            // Run-on: `… 。 余姚市教育局 2023年12月26日`.
            let beforeDate = last.text.trimmedRange(0..<found.range.lowerBound)
            var start = beforeDate.upperBound
            while start > beforeDate.lowerBound, !last.text[start - 1].isBlank, !last.text[start - 1].isTerminal { start -= 1 }
            let office = Scalars(last.text[start..<beforeDate.upperBound])
            guard isOffice(office) else { return nil }
            let text = last.string(start..<last.text.count, in: utf8)
            last.keep(last.text.trimmedRange(0..<start))
            paragraphs[paragraphs.endIndex - 1] = last
            return Signature(text: text, issuer: office.string, date: found)
        }
        var issuer: String?
        if let office = paragraphs.last, isOffice(office.text) {
            issuer = office.string(in: utf8)
            paragraphs = paragraphs.dropLast()
        }
        // The office line, then the date line.
        switch (issuer, dateLine) {
        case let (issuer?, dateLine?): return Signature(text: issuer + "\n" + dateLine, issuer: issuer, date: date)
        case let (issuer?, nil): return Signature(text: issuer, issuer: issuer, date: date)
        case let (nil, dateLine?): return Signature(text: dateLine, issuer: nil, date: date)
        case (nil, nil): return nil
        }
    }

    /// `…。扎兰屯市教育局` right before a date, as a flattened .docx runs the signature on without a blank.
    private static func endsWithOffice(_ text: ArraySlice<Unicode.Scalar>) -> Bool {
        officeEndings.contains { ending in text.count >= ending.count && text.suffix(ending.count).elementsEqual(ending) }
    }

    /// A short line naming an office, not a sentence or a heading.
    static func isOffice(_ text: Scalars) -> Bool {
        guard (3...30).contains(text.count), !text.endsSentence, !TitleLine.startsWithNumbering(text) else { return false }
        guard !text.contains(where: { $0 == "，" || $0 == "," || $0 == "、" }) else { return false }
        return officeEndings.contains { text.hasSuffix($0) }
    }
}
