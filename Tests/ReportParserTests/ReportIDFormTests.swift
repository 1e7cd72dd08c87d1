import ReportModel
import XCTest

/// `ReportID`: the source's slug and the report's position, read back the same way.
final class ReportIDFormTests: XCTestCase {
    func testSourceSlugs() {
        XCTAssertEqual(ReportID.sourceSlug("000_155cf9d07f7bc588.txt"), "000-155cf9d07f7bc588")
        XCTAssertEqual(ReportID.sourceSlug("浙江省/余姚市-2023.docx"), "zhe-jiang-sheng-yu-yao-shi-2023-docx")
        XCTAssertEqual(ReportID.sourceSlug("content"), "content", "a name without an extension keeps its slug")
    }

    func testIDsSplitIntoSourceAndPosition() {
        XCTAssertEqual(ReportID.make(source: "000-155cf9d07f7bc588", position: 12), "000-155cf9d07f7bc588-12")
        XCTAssertEqual(ReportID.split("000-155cf9d07f7bc588-12").map { "\($0.source) \($0.position)" }, "000-155cf9d07f7bc588 12")
        XCTAssertEqual(ReportID.split("000_155cf9d07f7bc588-01").map { "\($0.source) \($0.position)" }, "000_155cf9d07f7bc588 1")
        XCTAssertNil(ReportID.split("no-position"))
        XCTAssertNil(ReportID.split("zero-0"))
    }
}
