import Decode
import Foundation
import ReportModel
import ReportParser
import XCTest

/// One report saved as text, a GBK portal page, a Word file and a PDF (`Fixtures/formats/same/`,
/// written by `Scripts/make-format-fixtures.py`): whatever the format, the parser finds the same report.
final class SameReportAcrossFormatsTests: XCTestCase {
    static let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("formats/same")

    private func parse(_ ext: String) throws -> Report {
        let bytes = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent("report.\(ext)")))
        let source = try ReportParser().parse(bytes: bytes, source: "report.\(ext)")
        XCTAssertEqual(source.format, SourceFormat(fileName: "report.\(ext)"), ext)
        XCTAssertEqual(source.reports.count, 1, "\(ext): \(source.reports.map { $0.title ?? "-" })")
        return try XCTUnwrap(source.reports.first, ext)
    }

    /// The heading tree as `number heading` lines indented by level.
    private func outline(_ sections: [Section]) -> [String] {
        sections.flatMap { ["\(String(repeating: "  ", count: $0.level - 1))\($0.number)\($0.heading)"] + outline($0.children) }
    }

    /// The body with every kind of white space taken out: formats wrap and space text their own way.
    private func body(_ report: Report) -> String {
        String(String.UnicodeScalarView(report.bodyText.unicodeScalars.filter { !$0.properties.isWhitespace }))
    }

    func testEveryFormatGivesTheTextsTitleMetadataHeadingsAndBody() throws {
        let reference = try parse("txt")
        XCTAssertEqual(reference.title, "余姚市教育局2023年工作总结")
        XCTAssertEqual(outline(reference.sections).filter { !$0.hasPrefix(" ") }.count, 6, outline(reference.sections).joined(separator: "\n"))
        for ext in ["html", "docx", "pdf"] {
            let report = try parse(ext)
            XCTAssertEqual(report.title, reference.title, ext)
            XCTAssertEqual(report.issuer, reference.issuer, ext)
            XCTAssertEqual(report.region, reference.region, ext)
            XCTAssertEqual(report.year, reference.year, ext)
            XCTAssertEqual(report.docType, reference.docType, ext)
            XCTAssertEqual(report.signedDate, reference.signedDate, ext)
            XCTAssertEqual(outline(report.sections), outline(reference.sections), ext)
            XCTAssertEqual(body(report), body(reference), "\(ext): the body text, white space aside")
        }
    }

    func testThePagesMetadataGivesItsPublishedDateWithWhereItCameFrom() throws {
        let page = try parse("html")
        XCTAssertEqual(page.publishedDate, "2024-01-05")
        XCTAssertEqual(page.provenance["published_date"], "html meta PubDate")
        XCTAssertNil(try parse("txt").publishedDate, "the text alone says nothing of where it was published")
    }
}
