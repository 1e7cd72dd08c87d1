/// The coverage page: provinces by years, each cell the number of reports of that province and
/// year, so the archive's gaps show at a glance. A province's row unfolds (`<details>`, no script)
/// into the regions below it; each non-empty province cell links to a list of its reports.
///
/// Counts are those of the indexes: a province's cells sum to its region page's count, a year's
/// column to its year page's.
struct CoveragePage {
    var page: PageContext
    var content: ArchiveContent

    static let title = "覆盖情况"
    static let intro = "每个省份每年收录的报告数：空格即缺口。数字链接到该省当年的报告；点省名展开其下级地区，“本级”为省级单位或下级地区未知的报告。"

    /// The table, for the page at `path`.
    func table(at path: String) -> String {
        let years = YearColumns(content.years.keys)
        let regions = content.regions
        func link(_ target: String) -> String { HTML.escape(page.link(target, from: path)) }
        func cells(_ counts: [Int], href: (Int?) -> String?) -> String {
            var out = ""
            for (year, count) in zip(years.columns, counts) {
                guard count > 0 else {
                    out += "<td></td>"  // a gap, shaded by the stylesheet (`td:empty`)
                    continue
                }
                out += href(year).map { "<td><a href=\"\($0)\">\(count)</a></td>" } ?? "<td>\(count)</td>"
            }
            return out
        }

        var out = "<div class=\"table-scroll wide\" role=\"region\" aria-labelledby=\"coverage-caption\" tabindex=\"0\">\n<table class=\"coverage-table\">\n"
        out += "<caption id=\"coverage-caption\">各省每年的报告数</caption>\n<thead><tr><th scope=\"col\">地区</th><th scope=\"col\">合计</th>"
        for year in years.columns { out += "<th scope=\"col\">\(YearColumns.name(year))</th>" }
        out += "</tr></thead>\n"
        let byYear = Self.counts(regions, years: years, year: YearColumns.byReport(content))
        for key in regions.roots {
            let node = regions.nodes[key]!
            let name = HTML.escape(node.name)
            let counts = byYear.total[key]!
            let own = node.reports.isEmpty || node.children.isEmpty ? [] : byYear.own[key]!
            out += "<tbody>\n<tr class=\"province\"><th scope=\"row\">"
            out += node.children.isEmpty ? name : "<details><summary>\(name)</summary></details>"
            out += "</th><td class=\"total\"><a href=\"\(link(page.paths.region(key)))\">\(node.total)</a></td>"
            out += cells(counts) { link(page.paths.coverage(key, year: YearColumns.key($0))) } + "</tr>\n"
            for child in node.children {
                let sub = regions.nodes[child]!
                let region = link(page.paths.region(child))
                out += "<tr class=\"sub\"><th scope=\"row\"><a href=\"\(region)\">\(HTML.escape(sub.name))</a></th><td class=\"total\">\(sub.total)</td>"
                out += cells(byYear.total[child]!) { "\(region)#\(RegionTimeline.anchor($0))" } + "</tr>\n"
            }
            if !own.isEmpty {
                out += "<tr class=\"sub\"><th scope=\"row\">本级</th><td class=\"total\">\(node.reports.count)</td>" + cells(own) { _ in nil } + "</tr>\n"
            }
            out += "</tbody>\n"
        }
        out += "<tfoot><tr><th scope=\"row\">合计</th><td class=\"total\">\(content.reports.count)</td>"
        out += cells(years.columns.map { content.years[$0]?.count ?? 0 }) { link(page.paths.year(YearColumns.key($0))) }
        return out + "</tr></tfoot>\n</table>\n</div>"
    }

    /// A list for each non-empty province cell, provinces in the table's order, years ascending.
    func listings() -> [ListPages.Listing] {
        let years = YearColumns(content.years.keys)
        var out: [ListPages.Listing] = []
        for key in content.regions.roots {
            let node = content.regions.nodes[key]!
            var byYear = [[Int]](repeating: [], count: years.columns.count)
            for r in reports(under: key) {
                if let c = years.column(of: content.reports[r].year) { byYear[c].append(r) }
            }
            let labels = Dictionary(node.reports.compactMap { r in r.label.map { (r.report, $0) } }, uniquingKeysWith: { a, _ in a })
            for (year, reports) in zip(years.columns, byYear) where !reports.isEmpty {
                let yearName = year.map { "\($0) 年" } ?? Vocabulary.unknownYear
                out.append(.init(
                    title: "\(node.name) · \(yearName)", intro: "\(node.name)及其下级地区\(yearName)的报告，共 \(reports.count) 篇。",
                    path: { page.paths.coverage(key, year: YearColumns.key(year), page: $0) }, reports: reports,
                    labels: labels,
                    breadcrumb: [(Self.title, page.paths.coverage()), (node.name, page.paths.region(key))]))
            }
        }
        return out
    }

    /// Each region's reports per year column: its own, and its own with those of every region
    /// below it. Counted a region at a time, not a list of each region's reports.
    private static func counts(_ regions: RegionIndex, years: YearColumns, year: [Int?]) -> (own: [String: [Int]], total: [String: [Int]]) {
        var own: [String: [Int]] = [:], total: [String: [Int]] = [:]
        own.reserveCapacity(regions.nodes.count)
        total.reserveCapacity(regions.nodes.count)
        for (key, node) in regions.nodes { own[key] = years.counts(node.reports.lazy.map(\.report)) { year[$0] } }
        func add(_ key: String) -> [Int] {
            var sum = own[key]!
            for child in regions.nodes[key]!.children {
                for (c, n) in add(child).enumerated() { sum[c] += n }
            }
            total[key] = sum
            return sum
        }
        for key in regions.roots { _ = add(key) }
        return (own, total)
    }

    /// The reports of the region `key` and of every region below it, in list order.
    func reports(under key: String) -> [Int] {
        (content.regions.nodes[key]!.reports.map(\.report) + content.regions.reports(below: key)).sorted()
    }
}
