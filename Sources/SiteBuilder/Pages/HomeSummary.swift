/// What the home page says about the whole archive beside its charts: the year chips and the
/// line over its latest reports.
enum HomeSummary {
    /// How many reports the home page's latest list shows.
    static let latestCount = 12

    /// Every year that has reports, newest first, then nil (年份不详) when some report has no year:
    /// the chips must add up to the archive.
    static func yearOrder(_ years: some Collection<Int?>) -> [Int?] {
        let dated = years.compactMap { $0 }.sorted(by: >)
        return dated.map(Optional.some) + (years.contains(nil) ? [nil] : [])
    }

    /// `最新 12 篇，共 15 篇`; `共 5 篇` when the list shows them all.
    static func latestCountText(shown: Int, of total: Int) -> String {
        shown < total ? "最新 \(shown) 篇，共 \(total) 篇" : "共 \(total) 篇"
    }
}
