import ReportModel

/// Which year a report covers. Every year the text supports is kept as a candidate; the choice
/// follows trust: a signed date outranks a title, a title outranks the listed title, headings and body
/// (sites rewrite the years in titles, but rarely the date under the signature).
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
        var candidates: [YearCandidate] = []
        if let year = input.signed?.year { candidates.append(YearCandidate(value: year, from: .signedDate)) }
        for y in years(in: input.title) { candidates.append(YearCandidate(value: y, from: .title)) }
        if input.listedTitle != input.title {
            for y in years(in: input.listedTitle) { candidates.append(YearCandidate(value: y, from: .listedTitle)) }
        }
        for heading in input.topHeadings {
            for y in years(in: heading) { candidates.append(YearCandidate(value: y, from: .heading)) }
        }
        // Only an opening that starts with the year (`2023年，全市…`) speaks for the whole report.
        // `leadingYear` reads at most 8 scalars, which 32 UTF-8 bytes always hold.
        if let first = input.firstParagraph.map({ Scalars($0, utf8Limit: 32) }), let y = leadingYear(first) {
            candidates.append(YearCandidate(value: y, from: .body))
        }
        if let published = input.published, let y = Int(published.prefix(4)) {
            candidates.append(YearCandidate(value: y, from: .published))
        }
        var unique: [YearCandidate] = []
        for c in candidates where !unique.contains(c) { unique.append(c) }

        guard let best = unique.filter({ $0.from != .published }).min(by: { $0.from < $1.from }) else {
            return (nil, unique, nil)
        }
        if best.from == .signedDate, let month = input.signed?.month {
            // A review is signed after its year ends, a plan before its year begins.
            if month <= 2, input.docType != .plan { return (best.value - 1, unique, "signed early in the next year") }
            if month >= 11, input.docType == .plan { return (best.value + 1, unique, "plan signed late in the year before") }
        }
        return (best.value, unique, nil)
    }

    /// Four-digit years followed by 年 (blanks allowed: `2022 年`), in order of appearance.
    static func years(in text: String?) -> [Int] {
        guard let text else { return [] }
        let s = Scalars(text)
        var out: [Int] = []
        var i = 0
        while i + 4 <= s.count {
            // A year's first character is a digit: most positions are settled by that alone.
            if s[i].digitValue != nil, (i == 0 || s[i - 1].digitValue == nil), let y = ChineseNumber.digitwise(s[i..<(i + 4)]),
               s[i..<(i + 4)].allSatisfy({ $0.digitValue != nil }), (1980...2100).contains(y) {
                var j = i + 4
                while j < s.count && s[j].isBlank { j += 1 }
                if j < s.count, s[j] == "年" {
                    if !out.contains(y) { out.append(y) }
                    i = j
                    continue
                }
            }
            i += 1
        }
        return out
    }

    private static func leadingYear(_ s: Scalars) -> Int? {
        guard s.count > 5, s[0].digitValue != nil else { return nil }
        return years(in: Scalars(s.prefix(8)).string).first.flatMap { y in
            Scalars(String(y)) == Array(s.prefix(4)) ? y : nil
        }
    }
}
