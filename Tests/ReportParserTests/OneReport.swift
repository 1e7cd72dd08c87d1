import ReportModel
import XCTest

@testable import ReportParser

extension XCTestCase {
    /// Parses `lines` as one source and returns its only report, failing the test when it holds another number.
    func report(_ lines: [String], file: StaticString = #filePath, line: UInt = #line) -> Report {
        let source = ReportParser().parse(text: lines.joined(separator: "\n"), source: "test.txt")
        XCTAssertEqual(source.reports.count, 1, "reports", file: file, line: line)
        return source.reports.first ?? Report(id: "none")
    }
}
