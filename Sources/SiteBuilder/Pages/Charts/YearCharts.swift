/// The charts over years the pages show: reports per year (the home page, each region) and the
/// share of each year's reports that carry a topic (each topic page).
enum YearCharts {
    /// Reports per year of `reports`, every year of their span drawn (a gap is a bar of 0) and
    /// those without a year last, muted.
    /// - Parameters:
    ///   - year: each report's year.
    ///   - link: the page listing a year's reports, for the table; nil for none.
    static func reportsPerYear(_ reports: some Sequence<Int>, year: (Int) -> Int?, id: String, caption: String,
                               link: (Int?) -> String?) -> ChartFigure {
        let columns = YearColumns(reports.lazy.map(year))
        let counts = columns.counts(reports, year: year)
        var bars: [BarChart.Bar] = []
        var rows: [[ChartFigure.Cell]] = []
        for (year, count) in zip(columns.columns, counts) {
            bars.append(.init(label: year.map(String.init) ?? Vocabulary.unknownYearBarLabel, value: Double(count), text: String(count),
                              title: count > 0 ? "\(year.map { "\($0) 年" } ?? Vocabulary.unknownYear)：\(count) 篇" : "", muted: year == nil))
            rows.append([.init(text: YearColumns.name(year), href: count > 0 ? link(year) : nil), .init(text: String(count))])
        }
        return ChartFigure(id: id, caption: caption, chart: BarChart(bars: bars), columns: ["年份", "报告数"], rows: rows)
    }

    /// For each year of the archive, the share of its reports that carry topic `topic`; a year
    /// without reports has no share (`–`), and undated reports are left out: a share of them
    /// says nothing about time.
    /// - Parameter years: each report's year (`YearColumns.byReport`).
    static func topicShare(_ topic: Int, content: ArchiveContent, years: [Int?], id: String, link: (Int) -> String) -> ChartFigure {
        var bars: [BarChart.Bar] = []
        var rows: [[ChartFigure.Cell]] = []
        for (year, count, total) in topicCounts(topic, content: content, years: years) {
            let share = total > 0 ? percent(count, of: total, decimals: 0) : "–"
            bars.append(.init(label: String(year), value: total > 0 ? Double(count) / Double(total) : 0, text: share,
                              title: total > 0 ? "\(year) 年：\(total) 篇中 \(count) 篇，\(share)" : "\(year) 年：无报告"))
            rows.append([.init(text: String(year), href: total > 0 ? link(year) : nil), .init(text: String(count)), .init(text: String(total)),
                         .init(text: total > 0 ? percent(count, of: total, decimals: 1) : "–")])
        }
        let name = content.classifier.topics[topic].name
        return ChartFigure(id: id, caption: "各年报告中涉及“\(name)”的比例", chart: BarChart(bars: bars),
                           columns: ["年份", "涉及此主题", "当年报告", "比例"], rows: rows)
    }

    /// What `topicShare` is made from besides the topic's name, hashed.
    static func topicShareKey(_ topic: Int, content: ArchiveContent, years: [Int?]) -> UInt64 {
        ContentHash.combine(topicCounts(topic, content: content, years: years).flatMap { [UInt64(bitPattern: Int64($0.year)), UInt64($0.carrying), UInt64($0.total)] })
    }

    /// Each year from the archive's first dated year to its last, with how many of its reports
    /// carry `topic` and how many it has.
    private static func topicCounts(_ topic: Int, content: ArchiveContent, years: [Int?]) -> [(year: Int, carrying: Int, total: Int)] {
        let dated = YearColumns(content.years.keys.filter { $0 != nil })
        let carrying = dated.counts(content.topics[topic]) { years[$0] }
        return zip(dated.columns.compactMap { $0 }, carrying).map { ($0, $1, content.years[$0]?.count ?? 0) }
    }

    /// `count / total` as a percentage rounded half up in integers (`37%`, `37.5%`): the same
    /// text on every machine. `total` must be positive.
    static func percent(_ count: Int, of total: Int, decimals: Int) -> String {
        var scale = 100
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (count * scale * 2 + total) / (total * 2)
        guard decimals > 0 else { return "\(scaled)%" }
        let unit = scale / 100
        var fraction = String(scaled % unit)
        while fraction.utf8.count < decimals { fraction = "0" + fraction }
        return "\(scaled / unit).\(fraction)%"
    }
}
