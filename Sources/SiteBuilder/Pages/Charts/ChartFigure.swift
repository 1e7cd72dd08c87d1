/// A chart with its caption and its numbers as a table: the SVG is an image named by the caption,
/// and the table below it (folded in `<details>`, open to screen readers and to anyone who wants
/// the figures) holds every value the chart draws.
struct ChartFigure {
    struct Cell {
        var text: String
        var href: String?
    }

    /// Unique in the page; the caption's id is derived from it.
    var id: String
    var caption: String
    var chart: BarChart
    /// The table's column headers.
    var columns: [String]
    /// One per bar; each row's first cell is its header.
    var rows: [[Cell]]

    /// The figure; nothing when there are no bars (an archive without reports).
    /// - Parameter withTable: false when the page shows the same numbers in a table of its own
    ///   (a region's timeline), which the caption must then point to.
    func html(withTable: Bool = true) -> String {
        guard !rows.isEmpty else { return "" }
        let captionID = "\(id)-caption"
        var out = "<figure class=\"chart\" id=\"\(HTML.escape(id))\">\n<figcaption id=\"\(HTML.escape(captionID))\">\(HTML.escape(caption))</figcaption>\n"
        out += "<div class=\"chart-scroll\">\(chart.svg(labelledBy: captionID))</div>\n"
        guard withTable else { return out + "</figure>" }
        out += "<details class=\"chart-data\"><summary>数据表</summary>\n<table>\n<thead><tr>"
        for column in columns { out += "<th scope=\"col\">\(HTML.escape(column))</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for row in rows {
            out += "<tr>"
            for (i, cell) in row.enumerated() {
                let text = cell.href.map { "<a href=\"\(HTML.escape($0))\">\(HTML.escape(cell.text))</a>" } ?? HTML.escape(cell.text)
                out += i == 0 ? "<th scope=\"row\">\(text)</th>" : "<td>\(text)</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n</details>\n</figure>"
    }
}
