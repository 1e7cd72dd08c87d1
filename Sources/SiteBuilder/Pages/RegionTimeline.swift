import ReportModel

/// Above a region's list (on its first page): its reports per year as a chart, then as a table
/// with the years across — every year of its span, so that gaps show — and its reports' types down.
///
/// A region whose reports fit a few to a cell (a county, a small prefecture) shows each report as
/// a link in its cell; a larger one shows how many. A last row totals each year (the chart's
/// numbers), for a province linked to its list of that year's reports (a cell of the coverage table).
struct RegionTimeline {
    var page: PageContext
    var content: ArchiveContent

    /// A cell holding more reports than this shows their number: a row of markers longer than
    /// this no longer reads at a glance.
    static let markersPerCell = 4

    /// The anchor of a year's column (one with reports), for links from the coverage table.
    static func anchor(_ year: Int?) -> String { "timeline-\(YearColumns.key(year))" }

    /// What `html` shows of `reports` (their years, types, titles and slugs, which their
    /// fingerprints hold) and whether the region's years have pages, hashed; `reports` in any
    /// fixed order; `fingerprints` the reports' fingerprints, by index.
    func key(region key: String, reports: [Int], fingerprints: [UInt64]) -> UInt64 {
        ContentHash.combine([content.regions.nodes[key]?.parent == nil ? 2 : 1] + reports.map { fingerprints[$0] })
    }

    /// - Parameters:
    ///   - key: the region's key in the region index.
    ///   - reports: the reports of the region and the regions below it, in list order.
    ///   - path: the page the timeline is on.
    func html(region key: String, reports: [Int], at path: String) -> String {
        let years = YearColumns(reports.lazy.map { content.reports[$0].year })
        let columns = years.columns
        let types = DocType.allCases
        var cells = [[[Int]]](repeating: [[Int]](repeating: [], count: columns.count), count: types.count)
        for r in reports {
            let report = content.reports[r]
            guard let t = types.firstIndex(of: report.docType), let c = years.column(of: report.year) else { continue }
            cells[t][c].append(r)
        }
        let totals = years.counts(reports, in: content)
        let markers = cells.allSatisfy { $0.allSatisfy { $0.count <= Self.markersPerCell } }
        // A province's (or the unknown bucket's) year has a list page of its own.
        let yearPage: ((Int?) -> String)? = content.regions.nodes[key]?.parent == nil
            ? { page.link(page.paths.coverage(key, year: YearColumns.key($0)), from: path) } : nil

        let chart = YearCharts.reportsPerYear(reports, year: { content.reports[$0].year }, id: "region-chart", caption: "各年报告数（篇），见下表“合计”一行") { _ in nil }
        var out = "<section class=\"timeline\" id=\"timeline\" aria-labelledby=\"timeline-title\">\n<h2 id=\"timeline-title\">历年报告</h2>\n"
        out += chart.html(withTable: false) + "\n"
        out += "<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"timeline-caption\" tabindex=\"0\">\n<table class=\"timeline-table\">\n"
        out += "<caption id=\"timeline-caption\">\(markers ? "每个方块是一篇报告" : "各年各类型的报告数")</caption>\n<colgroup><col/>"
        // A year without reports is shaded as a whole column: no per-cell markup across a long gap.
        for total in totals { out += total == 0 ? "<col class=\"gap\"/>" : "<col/>" }
        out += "</colgroup>\n<thead><tr><th scope=\"col\">类型</th>"
        for (c, year) in columns.enumerated() {
            out += totals[c] == 0 ? "<th scope=\"col\">\(YearColumns.name(year))</th>" : "<th scope=\"col\" id=\"\(Self.anchor(year))\">\(YearColumns.name(year))</th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        for (t, type) in types.enumerated() where cells[t].contains(where: { !$0.isEmpty }) {
            out += "<tr><th scope=\"row\">\(type.displayName)</th>"
            for cell in cells[t] {
                out += "<td>"
                if markers {
                    for r in cell {
                        let report = content.reports[r]
                        let title = HTML.escape(report.displayTitle)
                        out += "<a class=\"marker\" href=\"\(HTML.escape(page.link(page.paths.report(report.slug), from: path)))\" title=\"\(title)\" aria-label=\"\(title)\"></a>"
                    }
                } else if !cell.isEmpty {
                    out += String(cell.count)
                }
                out += "</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n<tfoot><tr><th scope=\"row\">合计</th>"
        for (c, year) in columns.enumerated() {
            let total = totals[c]
            let text = total > 0 ? yearPage.map { "<a href=\"\(HTML.escape($0(year)))\">\(total)</a>" } ?? String(total) : "0"
            out += "<td>\(text)</td>"
        }
        out += "</tr></tfoot>\n"
        return out + "</table>\n</div>\n</section>"
    }
}
