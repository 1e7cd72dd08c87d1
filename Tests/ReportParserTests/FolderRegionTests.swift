import Foundation
import ReportModel
import XCTest

@testable import ReportParser

/// Issue 12: the folders a source is filed in, when they name places, as region evidence ranked
/// below the title and signature and above the head, the opening and the body.
final class FolderRegionTests: XCTestCase {
    private let body = ["一、主要工作", "全年完成各项工作任务。", "二、存在问题", "办学条件仍需改善。"]

    private func report(_ title: String, source: String, file: StaticString = #filePath, line: UInt = #line) -> Report {
        let parsed = ReportParser().parse(text: ([title] + body).joined(separator: "\n"), source: source)
        XCTAssertEqual(parsed.reports.count, 1, "reports", file: file, line: line)
        return parsed.reports.first ?? Report(id: "none")
    }

    func testFoldersFillARegionTheTitleHides() {
        let r = report("XX县教育局2023年工作总结", source: "浙江省/宁波市/余姚市/2023.txt")
        XCTAssertEqual(r.region.province, "浙江省")
        XCTAssertEqual(r.region.prefecture, "宁波市")
        XCTAssertEqual(r.region.county, "余姚市")
        XCTAssertEqual(r.provenance["region"], "folder")
        XCTAssertEqual(r.warnings, [])
    }

    func testATitleNamingAnotherCountyIsKeptWithAWarning() {
        let r = report("慈溪市教育局2023年工作总结", source: "浙江省/宁波市/余姚市/2023.txt")
        XCTAssertEqual(r.region.county, "慈溪市")
        XCTAssertEqual(r.provenance["region"], "title")
        XCTAssertEqual(r.warnings.count, 1)
        XCTAssertTrue(r.warnings.first?.contains("慈溪市") == true && r.warnings.first?.contains("余姚市") == true, "\(r.warnings)")
    }

    func testATitleNamingAPlaceUnderTheFolderAgreesWithIt() {
        let r = report("余姚市教育局2023年工作总结", source: "浙江省/宁波市/x.txt")
        XCTAssertEqual(r.region.county, "余姚市")
        XCTAssertEqual(r.provenance["region"], "title")
        XCTAssertEqual(r.warnings, [])
    }

    func testAFolderSettlesASharedCountyName() {
        XCTAssertNil(report("宝山区教育局2023年工作总结", source: "x.txt").region.code, "宝山区 alone is several places")
        let r = report("宝山区教育局2023年工作总结", source: "上海市/x.txt")
        XCTAssertEqual(r.region.province, "上海市")
        XCTAssertEqual(r.region.county, "宝山区")
        XCTAssertEqual(r.warnings, [])
    }

    func testFoldersThatAreNoPlacesAreIgnored() {
        XCTAssertEqual(FolderPlaces.of(source: "some/dir/余姚-2023.txt", in: .shared), [])
        XCTAssertEqual(FolderPlaces.of(source: "余姚市-2023.txt", in: .shared), [])
        XCTAssertEqual(FolderPlaces.of(source: "archive/浙江省/宁波市/余姚市/a.txt", in: .shared).map(\.name), ["浙江省", "宁波市", "余姚市"])
        let r = report("XX县教育局2023年工作总结", source: "some/dir/余姚市-2023.txt")
        XCTAssertNil(r.region.code)
        XCTAssertNil(r.provenance["region"])
    }
}
