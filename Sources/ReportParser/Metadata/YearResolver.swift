import ReportModel

/// Which year a report covers. Every year the text supports is kept as a candidate; the choice
/// follows trust: a signed date outranks a title, a title outranks the listed title, headings and body
/// (sites rewrite the years in titles, but rarely the date under the signature).
///
/// Without a signed date, the year the text itself states first (its opening `2022年，全县…`, else its
/// first heading `一、2021年工作总结`) outranks a title rewritten to a later year: one that names only
/// later years and either the year the page was posted or two years and more past the text's. A plan
/// that opens on the year before its own is looking back, not rewritten.
enum YearResolver {
    struct Input {
        var title: String?
        var listedTitle: String?
        var topHeadings: [String]
        var firstParagraph: String?
        var signed: DateReader.Found?
        var published: String?
        var docType: DocType
    }

    static func resolve(_ input: Input) -> (year: Int?, candidates: [YearCandidate], note: String?) {
        // Without repeats, in order of trust as found; reserved, as most reports have a few.
        var unique: [YearCandidate] = []
        unique.reserveCapacity(8)
        func add(_ value: Int, from: YearCandidate.Origin) {
            let c = YearCandidate(value: value, from: from)
            if !unique.contains(c) { unique.append(c) }
        }
        if let year = input.signed?.year { add(year, from: .signedDate) }
        for y in years(in: input.title, bare: true) { add(y, from: .title) }
        if input.listedTitle != input.title {
            for y in years(in: input.listedTitle, bare: true) { add(y, from: .listedTitle) }
        }
        for i in input.topHeadings.indices {  // by index: `for heading in` copied each
            for y in years(in: input.topHeadings[i]) { add(y, from: .heading) }
        }
        // Only an opening that starts with the year (`2023年，全市…`) speaks for the whole report.
        if let first = input.firstParagraph, let y = leadingYear(first) { add(y, from: .body) }
        if let published = input.published, let y = Int(published.prefix(4)) { add(y, from: .published) }

        guard let best = unique.lazy.filter({ $0.from != .published }).min(by: { $0.from < $1.from }) else {
            return (nil, unique, nil)
        }
        if best.from == .title, let (stated, origin) = statedYear(input), let earliest = years(in: input.title).min(), stated < earliest,
           earliest - stated >= minRewriteGap || input.published.flatMap({ Int($0.prefix(4)) }) == earliest,
           !(input.docType == .plan && stated + 1 == earliest) {
            return (stated, unique, "title rewritten to a later year: the year from the \(origin.rawValue)")
        }
        if best.from == .signedDate, let month = input.signed?.month {
            // A review is signed after its year ends, a plan before its year begins.
            if month <= 2, input.docType != .plan { return (best.value - 1, unique, "signed early in the next year") }
            if month >= 11, input.docType == .plan { return (best.value + 1, unique, "plan signed late in the year before") }
        }
        return (best.value, unique, nil)
    }

    /// The first year a report may cover: archives hold bureaus' reports from the 1950s on (a 1975
    /// 文教局 summary is a real form); a smaller four-digit number before 年 is a count.
    static let earliestYear = 1949

    /// A title this many years past the text's own year was rewritten even where no page date says so.
    static let minRewriteGap = 2

    /// The year the text states first: its opening sentence's, else its first top heading's.
    private static func statedYear(_ input: Input) -> (Int, YearCandidate.Origin)? {
        if let first = input.firstParagraph, let y = leadingYear(first) { return (y, .body) }
        return input.topHeadings.first.flatMap { years(in: $0).first }.map { ($0, .heading) }
    }

    /// Four-digit years followed by 年 (blanks allowed: `2022 年`), in order of appearance.
    /// Read from the UTF-8 directly: this runs on every title and top heading, most without a digit.
    /// - Parameter bare: also a year without 年 (`2022工作总结`), as titles write it: four digits
    ///   standing alone (no digit, `.`, `/`, `-` or `:` before them) followed by a Han character that is no unit.
    static func years(in text: String?, bare: Bool = false) -> [Int] {
        guard let text else { return [] }
        // In place where the storage allows (a parsed text's always does): `withUTF8` wants a mutable copy.
        if let found = text.utf8.withContiguousStorageIfAvailable({ years(inUTF8: $0, bare: bare) }) { return found }
        var copy = text
        return copy.withUTF8 { years(inUTF8: $0, bare: bare) }
    }

    /// What follows a number rather than a year: 2022万元, 2022人, 2022所.
    private static let units: Set<Unicode.Scalar> = ["万", "亿", "元", "人", "名", "所", "个", "多", "余", "件", "次", "项", "台", "间", "家", "位", "篇", "字", "页", "份", "号", "米", "吨", "册", "套", "条"]

    private static func years(inUTF8 bytes: UnsafeBufferPointer<UInt8>, bare: Bool = false) -> [Int] {
        var out: [Int] = []
        var i = 0
        while i < bytes.count {
            // Only where a run of digits starts: the scalar before is no digit (or was skipped with it).
            guard let (first, length) = digit(bytes, at: i) else {
                i += UTF8Scalar.length(lead: bytes[i])
                continue
            }
            var y = first, j = i + length, digits = 1
            while digits < 4, let (d, n) = digit(bytes, at: j) {
                y = y * 10 + d
                j += n
                digits += 1
            }
            if digits == 4, (earliestYear...2100).contains(y) {
                let after = j
                while j < bytes.count, let n = blankLength(bytes, at: j) { j += n }
                if j + 2 < bytes.count, bytes[j] == 0xE5, bytes[j + 1] == 0xB9, bytes[j + 2] == 0xB4 {  // 年
                    if !out.contains(y) { out.append(y) }
                    i = j + 3
                    continue
                }
                if bare, digit(bytes, at: after) == nil, i == 0 || !".-/:".utf8.contains(bytes[i - 1]),
                   after + 2 < bytes.count, bytes[after] >= 0xE4, bytes[after] <= 0xE9,
                   let next = String(decoding: UnsafeBufferPointer(rebasing: bytes[after..<(after + 3)]), as: UTF8.self).unicodeScalars.first,
                   !units.contains(next) {
                    if !out.contains(y) { out.append(y) }
                    i = after
                    continue
                }
            }
            // Not a year: the rest of this run of digits starts none either.
            i += length
            while i < bytes.count, let (_, n) = digit(bytes, at: i) { i += n }
        }
        return out
    }

    /// An ASCII or full-width digit (`digitValue`) at `i`, with its length in bytes.
    private static func digit(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (Int, Int)? {
        guard i < bytes.count else { return nil }
        let b = bytes[i]
        if b &- 0x30 < 10 { return (Int(b &- 0x30), 1) }
        if b == 0xEF, i + 2 < bytes.count, bytes[i + 1] == 0xBC, bytes[i + 2] &- 0x90 < 10 { return (Int(bytes[i + 2] &- 0x90), 3) }
        return nil
    }

    /// The length of the scalar at `i` when it `isBlank`.
    private static func blankLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        let b = UInt32(bytes[i]), length = UTF8Scalar.length(lead: bytes[i])
        guard length <= 3, i + length <= bytes.count else { return nil }  // every blank is in the BMP
        let value = length == 1 ? b
            : length == 2 ? (b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
            : (b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
        return Unicode.Scalar(value)?.isBlank == true ? length : nil
    }

    /// The year an opening starts with (`2023年，全市…`): its first four scalars are the ASCII digits of
    /// the first year among its first eight, of which the first 32 UTF-8 bytes hold more than five.
    private static func leadingYear(_ paragraph: String) -> Int? {
        var paragraph = paragraph
        return paragraph.withUTF8 { bytes in
            guard bytes.count > 5, bytes[0] &- 0x30 < 10, bytes[1] &- 0x30 < 10, bytes[2] &- 0x30 < 10, bytes[3] &- 0x30 < 10 else {
                return nil
            }
            var limit = Swift.min(32, bytes.count)
            while limit < bytes.count && bytes[limit] & 0xC0 == 0x80 { limit -= 1 }  // a character the limit cuts
            var scalars = 0, end8 = 0, i = 0
            while i < limit {
                i += UTF8Scalar.length(lead: bytes[i])
                scalars += 1
                if scalars == 8 { end8 = i }
            }
            guard scalars > 5 else { return nil }
            let leading = bytes[0..<4].reduce(0) { $0 * 10 + Int($1 - 0x30) }
            let first = years(inUTF8: UnsafeBufferPointer(rebasing: bytes[..<(scalars >= 8 ? end8 : limit)])).first
            return first == leading ? first : nil
        }
    }
}
