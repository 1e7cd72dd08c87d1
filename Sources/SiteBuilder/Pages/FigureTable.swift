import ReportModel

/// The rows of a report page's key-figure table, written by code as the sections are: a template
/// loop over them (four escaped fields a row, a dynamic cast a lookup) cost a fifth of a whole build
/// at 10,000 reports.
enum FigureTable {
    /// The rows in reading order, the preamble's (`开头`) and then each section's with a link to its
    /// anchor, and how many there are. Every field is the source's text, and is escaped.
    static func rows(_ archived: ArchivedReport) -> (html: String, count: Int) {
        var html = "", count = 0
        for figure in archived.report.figures {
            html += row(figure, section: "开头", anchor: nil)
            count += 1
        }
        for entry in archived.sections where !entry.section.figures.isEmpty {
            let section = HTML.escape(entry.section.fullHeading)
            for figure in entry.section.figures {
                html += row(figure, section: section, anchor: entry.anchor)
                count += 1
            }
        }
        return (html, count)
    }

    /// - Parameter section: the section's heading, escaped.
    private static func row(_ figure: Figure, section: String, anchor: String?) -> String {
        var row = "<tr><td>\(HTML.escape(figure.phrase))</td><td data-unit=\"\(HTML.escape(figure.unit))\""
        if let value = figure.value { row += " data-value=\"\(number(value))\"" }
        row += ">\(HTML.escape(figure.written))</td><td>"
        row += anchor.map { "<a href=\"#\(HTML.escape($0))\">\(section)</a>" } ?? section
        return row + "</td></tr>"
    }

    /// A whole number without its `.0`, as a reader or a script would compare it.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
