import Foundation
import Markup
import XCTest

@testable import SiteBuilder

final class BarChartTests: XCTestCase {
    /// Labels come from the archive: they are escaped text in an SVG that stays well-formed XML.
    func testSVGIsWellFormedAndLabelsStayText() throws {
        let chart = BarChart(bars: [
            .init(label: "<script>&amp;", value: 4, text: "4", title: "\"引号\" 'x' <b>"),
            .init(label: "2023", value: 1, text: "1", title: "2023 年：1 篇"),
        ])
        let svg = try MarkupDocument.xml(Data(chart.svg(labelledBy: "cap\"tion").utf8)).get()
        XCTAssertEqual(svg.name, "svg")
        XCTAssertEqual(svg.attribute("role"), "img")
        XCTAssertEqual(svg.attribute("aria-labelledby"), "cap\"tion")
        XCTAssertEqual(PageMarkup.bars(svg).map(\.label), ["<script>&amp;", "2023"])
        XCTAssertEqual(svg.everyElement("title").map(\.text), ["\"引号\" 'x' <b>", "2023 年：1 篇"])
    }

    /// Bars are scaled to the largest; a bar of 0 draws no rectangle but still says 0.
    func testBarsAreScaledToTheLargestAndZeroIsWritten() throws {
        let chart = BarChart(bars: [
            .init(label: "2021", value: 8, text: "8", title: ""),
            .init(label: "2022", value: 0, text: "0", title: ""),
            .init(label: "2023", value: 3, text: "3", title: ""),
        ])
        let svg = try MarkupDocument.xml(Data(chart.svg(labelledBy: "c").utf8)).get()
        XCTAssertEqual(svg.everyElement("rect").map { $0.attribute("height") }, ["110", "41.3"])
        XCTAssertEqual(PageMarkup.bars(svg).map(\.value), ["8", "0", "3"])
        XCTAssertEqual(svg.attribute("width"), "102", "6 + 3 slots of 30 + 6")
    }

    func testCoordinatesHaveOneDecimalAndNoTrailingZero() {
        XCTAssertEqual(BarChart.number(55), "55")
        XCTAssertEqual(BarChart.number(27.5), "27.5")
        XCTAssertEqual(BarChart.number(110.0 / 3), "36.7")
        XCTAssertEqual(BarChart.number(-4), "-4")
    }

    /// Shares are rounded half up in integer arithmetic: the same text on every machine.
    func testPercentRoundsHalfUp() {
        XCTAssertEqual(YearCharts.percent(1, of: 8, decimals: 1), "12.5%")
        XCTAssertEqual(YearCharts.percent(1, of: 8, decimals: 0), "13%")
        XCTAssertEqual(YearCharts.percent(2, of: 3, decimals: 0), "67%")
        XCTAssertEqual(YearCharts.percent(1, of: 200, decimals: 1), "0.5%")
        XCTAssertEqual(YearCharts.percent(1, of: 2000, decimals: 2), "0.05%")
        XCTAssertEqual(YearCharts.percent(5, of: 5, decimals: 1), "100.0%")
    }

    /// The figure names its image by its caption and holds every number as a table.
    func testFigureHasItsTableEquivalent() throws {
        let figure = ChartFigure(
            id: "year-chart", caption: "各年报告数",
            chart: BarChart(bars: [.init(label: "2022", value: 2, text: "2", title: ""), .init(label: "2023", value: 5, text: "5", title: "")]),
            columns: ["年份", "报告数"],
            rows: [[.init(text: "2022", href: "years/2022.html"), .init(text: "2")], [.init(text: "2023", href: nil), .init(text: "5")]])
        let html = try MarkupDocument.xml(Data(figure.html().utf8)).get()
        XCTAssertEqual(html.name, "figure")
        let caption = try XCTUnwrap(html.element("figcaption"))
        XCTAssertEqual(caption.text, "各年报告数")
        XCTAssertEqual(html.everyElement("svg").first?.attribute("aria-labelledby"), caption.attribute("id"))
        let rows = html.everyElement("tbody").first?.everyElement("tr") ?? []
        XCTAssertEqual(rows.map { $0.everyElement("th").map(\.text) + $0.everyElement("td").map(\.text) }, [["2022", "2"], ["2023", "5"]])
        XCTAssertEqual(rows.first?.everyElement("a").first?.attribute("href"), "years/2022.html")
        XCTAssertEqual(ChartFigure(id: "x", caption: "x", chart: BarChart(bars: []), columns: [], rows: []).html(), "")
    }
}
