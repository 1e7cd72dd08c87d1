/// A bar chart drawn at build time as inline SVG: no script, its labels and values real `<text>`
/// (selectable, found by the browser's search), its colours the stylesheet's (`.bar-chart`), so
/// it follows the page into dark mode.
///
/// Bars stand on a common baseline and are scaled to the largest value; each carries its value
/// written above it, so no axis is needed. A pure function of its bars: same bars, same bytes.
struct BarChart {
    struct Bar {
        /// Under the bar: a year, or `年份不详`; `\n` breaks it into lines, so that a label wider
        /// than a slot (four Han characters) stands as two lines of two.
        var label: String
        /// The bar's height in the chart's unit; 0 draws no bar.
        var value: Double
        /// Written above the bar: `401`, `37%`, or `–` where there is nothing to measure.
        var text: String
        /// The tooltip (`2023 年：401 篇`); none when empty.
        var title: String
        /// Drawn in the muted colour: a bar that is not like the others (reports without a year).
        var muted = false
    }

    var bars: [Bar]

    /// Width of a bar's slot and of the bar in it, and the plot's height, in CSS pixels: a slot
    /// fits a four-digit year or `100%` at the chart's 11px type.
    static let slot = 30, barWidth = 20, plotHeight = 110
    /// Room above the tallest bar for its value, and below the baseline for the labels.
    static let top = 18, bottom = 20, side = 6
    /// The height of each further line of a label.
    static let labelLine = 13

    /// The `<svg>` element, an image named by the element `labelledBy` (the figure's caption).
    func svg(labelledBy id: String) -> String {
        let width = 2 * Self.side + bars.count * Self.slot
        let lines = bars.map { $0.label.split(separator: "\n", omittingEmptySubsequences: false) }
        let height = Self.top + Self.plotHeight + Self.bottom + Self.labelLine * ((lines.map(\.count).max() ?? 1) - 1)
        let baseline = Self.top + Self.plotHeight
        let largest = bars.map(\.value).max() ?? 0
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bar-chart\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" text-anchor=\"middle\" role=\"img\" aria-labelledby=\"\(HTML.escape(id))\">\n"
        out += "<line class=\"axis\" x1=\"\(Self.side)\" y1=\"\(baseline)\" x2=\"\(width - Self.side)\" y2=\"\(baseline)\"/>\n"
        for (i, bar) in bars.enumerated() {
            let left = Self.side + i * Self.slot
            let middle = Self.number(Double(left) + Double(Self.slot) / 2)
            let barHeight = largest > 0 ? bar.value / largest * Double(Self.plotHeight) : 0
            out += bar.muted ? "<g class=\"muted\">" : "<g>"
            if !bar.title.isEmpty { out += "<title>\(HTML.escape(bar.title))</title>" }
            if barHeight > 0 {
                out += "<rect class=\"bar\" x=\"\(left + (Self.slot - Self.barWidth) / 2)\" y=\"\(Self.number(Double(baseline) - barHeight))\" width=\"\(Self.barWidth)\" height=\"\(Self.number(barHeight))\"/>"
            }
            out += "<text class=\"value\" x=\"\(middle)\" y=\"\(Self.number(Double(baseline) - barHeight - 4))\">\(HTML.escape(bar.text))</text>"
            out += "<text class=\"label\" x=\"\(middle)\" y=\"\(baseline + 14)\">"
            if lines[i].count == 1 {
                out += HTML.escape(bar.label)
            } else {
                for (n, line) in lines[i].enumerated() {
                    out += "<tspan x=\"\(middle)\" dy=\"\(n == 0 ? 0 : Self.labelLine)\">\(HTML.escape(String(line)))</tspan>"
                }
            }
            out += "</text></g>\n"
        }
        return out + "</svg>"
    }

    /// A coordinate to one decimal, without a trailing `.0`: the same bytes on every machine.
    static func number(_ x: Double) -> String {
        let tenths = Int((x * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let whole = abs(tenths) / 10, fraction = abs(tenths) % 10
        return fraction == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }
}
