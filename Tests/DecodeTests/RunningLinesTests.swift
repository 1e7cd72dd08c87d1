@testable import Decode
import XCTest

final class RunningLinesTests: XCTestCase {
    private typealias Found = RunningLines.Found

    /// Body lines, each different from the others.
    private let body = ["全年新建幼儿园5所。", "组建城乡教育共同体28个。", "公开招聘新教师196名。", "交流轮岗教师248名。", "新建实训基地3个。",
                        "送教下乡活动310场次。", "学生参与率达到95.7%。", "建成名师工作室21个。", "查处违规培训行为7起。", "新增学位1350个。",
                        "开展同步课堂1260节。", "覆盖率达到96.8%。", "教育经费投入18.3亿元。", "同比增长5.2%。", "选修课程68门。"]

    /// A page: a header, a blank line, body lines, and a footer below a blank line.
    private func page(_ header: String?, _ body: [String], _ footer: String?) -> [String] {
        (header.map { [$0, ""] } ?? []) + body + (footer.map { ["", $0] } ?? [])
    }

    func testHeadersAndPageNumbersThatDifferOnlyByTheNumberAreRunning() {
        let pages = [
            page("德清县教育局 第1页", ["德清县教育局2022年工作总结", body[0]], "— 1 —"),
            page("德清县教育局 第 2 页", [body[1]], "—2—"),
            page("德清县教育局 第３页", [body[2]], "- 3 -"),
        ]
        XCTAssertEqual(RunningLines.find(in: pages), [
            Found(page: 0, line: 0, kind: .header), Found(page: 0, line: 5, kind: .pageNumber),
            Found(page: 1, line: 0, kind: .header), Found(page: 1, line: 4, kind: .pageNumber),
            Found(page: 2, line: 0, kind: .header), Found(page: 2, line: 4, kind: .pageNumber),
        ])
    }

    func testAFooterThatRepeatsIsRunningAndAPageNumberBesideItIsOne() {
        // Headless Chromium's margins: date and title above, the page's address and `n/N` below.
        let pages = (1...3).map { n in
            ["12/6/26, 10:41 AM", "", "德清县教育局2022年工作总结", ""]
                + (n == 1 ? ["德清县教育局2022年工作总结", ""] : []) + [body[n], "file:///tmp/report.html", "", "\(n)/3", ""]
        }
        let found = RunningLines.find(in: pages)
        XCTAssertEqual(found.filter { $0.page == 0 }, [
            Found(page: 0, line: 0, kind: .header), Found(page: 0, line: 2, kind: .header),
            Found(page: 0, line: 7, kind: .footer), Found(page: 0, line: 9, kind: .pageNumber),
        ], "the report's title below the header that repeats it stays")
        XCTAssertEqual(found.count, 12)
    }

    func testAHeaderOnFewerThanHalfThePagesStays() {
        let pages = [
            page("德清县教育局文件", [body[0]], nil),
            page(nil, [body[1]], nil),
            page(nil, [body[2]], nil),
        ]
        XCTAssertEqual(RunningLines.find(in: pages), [])
        // On two pages of four: half of them, and two.
        let four = pages + [page("德清县教育局文件", [body[3]], nil)]
        XCTAssertEqual(RunningLines.find(in: four), [Found(page: 0, line: 0, kind: .header), Found(page: 3, line: 0, kind: .header)])
    }

    func testOnAOnePageDocumentOnlyThePageNumberGoes() {
        XCTAssertEqual(RunningLines.find(in: [page("德清县教育局文件", ["德清县教育局2022年工作总结", body[0]], "第 1 页 共 1 页")]),
                       [Found(page: 0, line: 5, kind: .pageNumber)])
        XCTAssertEqual(RunningLines.find(in: [page(nil, [body[0]], "1")]), [Found(page: 0, line: 2, kind: .pageNumber)])
        XCTAssertEqual(RunningLines.find(in: [page(nil, ["学校数", body[0]], "12")]), [], "a bare number that is not the page's is a table's cell")
    }

    func testABodyLineThatRepeatsAwayFromTheEdgeStays() {
        // The heading stands on every page, at the top of one of them only.
        let pages = [
            page("德清县教育局文件", [body[0], body[1], "一、主要工作成效", body[2], body[3], body[4]], nil),
            page("德清县教育局文件", [body[5], body[6], "一、主要工作成效", body[7], body[8], body[9]], nil),
            page("德清县教育局文件", ["一、主要工作成效", body[10], body[11], body[12], body[13], body[14]], nil),
        ]
        XCTAssertEqual(RunningLines.find(in: pages).map(\.line), [0, 0, 0], "only the header goes")
    }

    func testTheSearchStopsAtTheFirstLineOfTheBody() {
        // The second line is the body's, though the third repeats at the top of every page.
        let pages = (0..<3).map { n in ["德清县教育局文件", body[2 * n], "（续表）", body[2 * n + 1]] }
        XCTAssertEqual(RunningLines.find(in: pages).map(\.line), [0, 0, 0])
    }

    func testPageNumberShapes() {
        for line in ["3", "- 3 -", "— 3 —", "－３－", "——3——", "3 / 10", "第 3 页", "第3页 共10页", "第3页，共10页", "第三页", "共十页 第三页", "Page 3 of 10"] {
            XCTAssertTrue(PageNumber(line: line).isPageNumber, line)
        }
        for line in ["（3）", "3.5", "2023年", "第3章", "— 3", "三", "一、"] {
            XCTAssertFalse(PageNumber(line: line).isPageNumber, line)
        }
        XCTAssertEqual(PageNumber(line: "德清县教育局 第 12 页").key, PageNumber(line: "德清县教育局第3页").key)
        XCTAssertEqual(PageNumber(line: "－１２－").value, 12)
    }
}
