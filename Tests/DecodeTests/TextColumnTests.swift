@testable import Decode
import XCTest

final class TextColumnTests: XCTestCase {
    private typealias Line = PDFLayout.Line

    /// Lines in 15 pt type (a line box 19.5 pt high, a character 15.6 pt wide) in a column from 80 to 520 pt.
    private func line(_ text: String, from left: Double = 80, to right: Double = 520, height: Double = 19.5) -> Line {
        Line(text: text, left: left, right: right, height: height)
    }

    private let column = TextColumn(left: 80, right: 520)

    func testAFullLineRunsOnIntoALineAtTheLeftEdge() {
        XCTAssertTrue(column.runsOn(line("全年新建幼儿园5所，改扩建幼儿园3所，新增", from: 110), into: line("学位1350个。")))
        // Ragged text: a character short of the edge.
        XCTAssertTrue(column.runsOn(line("全年新建幼儿园5所，改扩建幼儿园3所，新增", to: 505), into: line("学位1350个。")))
    }

    func testARaggedLineStopsShortByTheLatinRunThatDidNotFit() {
        // `2010` (four digits, some 37 pt) did not fit after the line, which stopped 45 pt short.
        XCTAssertTrue(column.runsOn(line("目录1.赤壁市教育局2019年教育工作要点22.包头市教育局", to: 475), into: line("2010年教育工作总结")))
        XCTAssertFalse(column.runsOn(line("目录1.赤壁市教育局2019年教育工作要点22.包头市教育局", to: 475), into: line("年教育工作总结")),
                       "without the run, the same gap ends the paragraph")
    }

    func testAShortLineOrAnIndentedOneEndsTheParagraph() {
        XCTAssertFalse(column.runsOn(line("如下。", to: 125), into: line("一、主要工作成效")))
        XCTAssertFalse(column.runsOn(line("全年新建幼儿园5所，改扩建幼儿园3所，新增学位1350个。"), into: line("一、主要工作成效", from: 110)))
    }

    func testCentredAndRightSetLinesEndNothing() {
        // A signature set right ends on the right edge, far from the left one.
        XCTAssertFalse(column.runsOn(line("德清县教育局", from: 430), into: line("2023年1月10日", from: 80)))
        XCTAssertFalse(column.runsOn(line("全年新建幼儿园5所，改扩建幼儿园3所", from: 160, to: 440), into: line("学位1350个。")))
    }

    func testTypeOfAnotherSizeIsAnotherParagraph() {
        XCTAssertFalse(column.runsOn(line("德清县教育局2022年工作总结德清县教育局", height: 30), into: line("2022年，县教育局围绕")))
    }

    func testTheColumnIsWhereMostLinesStartAndTheFurthestEdgeSeveralEnd() throws {
        let lines = [
            line("德清县教育局文件", from: 258, to: 342, height: 13),
            line("2022年，县教育局围绕", from: 110, to: 521.2),
            line("“办公平而有质量的教育”这一目标", from: 79.5, to: 521.0),
            line("育、高中教育和职业教育协调发展", from: 79.5, to: 521.6),
            line("如下。", from: 79.5, to: 124.5),
            line("表格的一行，比正文宽", from: 60, to: 560),
        ]
        XCTAssertEqual(try XCTUnwrap(TextColumn(lines)), TextColumn(left: 80, right: 521.6))
        XCTAssertNil(TextColumn([line("只有一行。", to: 300)]), "one line is no column")
    }
}
