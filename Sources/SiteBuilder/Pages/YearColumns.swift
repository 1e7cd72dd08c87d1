/// The year columns of a timeline, chart or coverage table: every year from the first to the last
/// that has reports, those without any included so that gaps show, then 年份不详 when some report
/// has no year.
struct YearColumns {
    /// The first and last year with reports; nil when none has a year.
    let span: ClosedRange<Int>?
    let hasUndated: Bool

    init(_ years: some Sequence<Int?>) {
        var first = Int.max, last = Int.min, undated = false
        for year in years {
            guard let year else {
                undated = true
                continue
            }
            first = min(first, year)
            last = max(last, year)
        }
        span = first <= last ? first...last : nil
        hasUndated = undated
    }

    /// The years in order, nil (年份不详) last.
    var columns: [Int?] { (span.map { $0.map(Optional.some) } ?? []) + (hasUndated ? [nil] : []) }

    /// The position of `year` among `columns`; nil when it is not one of them.
    func column(of year: Int?) -> Int? {
        guard let year else { return hasUndated ? (span?.count ?? 0) : nil }
        guard let span, span.contains(year) else { return nil }
        return year - span.lowerBound
    }

    /// How many of `reports` fall in each column.
    func counts(_ reports: some Sequence<Int>, in content: ArchiveContent) -> [Int] {
        counts(reports) { content.reports[$0].year }
    }

    /// How many of `reports` fall in each column, each report's year given by `year`.
    func counts(_ reports: some Sequence<Int>, year: (Int) -> Int?) -> [Int] {
        var counts = [Int](repeating: 0, count: columns.count)
        for r in reports {
            if let c = column(of: year(r)) { counts[c] += 1 }
        }
        return counts
    }

    /// Each report's year, by its index in `content.reports`: read from the years' index, so that
    /// counting a long list reads no report.
    static func byReport(_ content: ArchiveContent) -> [Int?] {
        var years = [Int?](repeating: nil, count: content.reports.count)
        for (year, reports) in content.years where year != nil {
            for r in reports { years[r] = year }
        }
        return years
    }

    /// What a page calls the year.
    static func name(_ year: Int?) -> String { Vocabulary.year(year) }

    /// The year's name in paths and anchors: `2023`, `undated` (as the year pages have it).
    static func key(_ year: Int?) -> String { year.map(String.init) ?? "undated" }
}
