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

    /// The reference body cut around its table: the rows of `report.txt` whose cells stand between tabs.
    private func tableCut(_ body: String) throws -> (before: String, table: String, after: String) {
        let text = try String(contentsOf: Self.folder.appendingPathComponent("report.txt"), encoding: .utf8)
        let rows = text.split(separator: "\n").filter { $0.contains("\t") }.map { $0.filter { !$0.isWhitespace } }
        let first = try XCTUnwrap(body.range(of: try XCTUnwrap(rows.first)), "the table's first row")
        let last = try XCTUnwrap(body.range(of: try XCTUnwrap(rows.last)), "the table's last row")
        return (String(body[..<first.lowerBound]), String(body[first.lowerBound..<last.upperBound]), String(body[last.upperBound...]))
    }

    func testEveryFormatGivesTheTextsTitleMetadataHeadingsAndBody() throws {
        let reference = try parse("txt")
        XCTAssertEqual(reference.title, "余姚市教育局2023年工作总结")
        XCTAssertEqual(outline(reference.sections).filter { !$0.hasPrefix(" ") }.count, 6, outline(reference.sections).joined(separator: "\n"))
        for ext in ["html", "docx", "pdf"] {
            let report = try parse(ext)
            XCTAssertEqual(report.title, reference.title, ext)
            XCTAssertEqual(report.issuer, reference.issuer, ext)
            XCTAssertEqual(report.department, reference.department, "\(ext): a file's author is not the issuing department")
            XCTAssertEqual(report.region, reference.region, ext)
            XCTAssertEqual(report.year, reference.year, ext)
            XCTAssertEqual(report.docType, reference.docType, ext)
            XCTAssertEqual(report.signedDate, reference.signedDate, ext)
            XCTAssertEqual(outline(report.sections), outline(reference.sections), ext)
            if ext == "pdf" {
                // pdftotext reads a table's cells in its own order (a wrapped cell split in two): the
                // table must hold the same characters, and all around it must be the same text.
                let (before, table, after) = try tableCut(body(reference))
                let pdf = body(report)
                XCTAssertTrue(pdf.hasPrefix(before) && pdf.hasSuffix(after), "pdf: the text around the table")
                let middle = pdf.dropFirst(before.count).dropLast(after.count)
                XCTAssertEqual(middle.unicodeScalars.sorted(), table.unicodeScalars.sorted(), "pdf: the table's characters")
            } else {
                XCTAssertEqual(body(report), body(reference), "\(ext): the body text, white space aside")
            }
        }
    }

    func testThePagesDateLineOutranksItsMetadataAndEitherGivesThePublishedDate() throws {
        let page = try parse("html")
        XCTAssertEqual(page.publishedDate, "2024-01-05")
        XCTAssertEqual(page.provenance["published_date"], "page", "the page's own 发布时间 line")
        XCTAssertNil(try parse("txt").publishedDate, "the text alone says nothing of where it was published")

        // Without a date line, the page's metadata gives it, saying so.
        var extracted = try SourceExtractor.extract([UInt8](Data(contentsOf: Self.folder.appendingPathComponent("report.html"))), name: "report.html")
        extracted.text = extracted.text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("发布时间") }.joined(separator: "\n")
        let report = try XCTUnwrap(ReportParser().parse(extracted, source: "report.html").reports.first)
        XCTAssertEqual(report.publishedDate, "2024-01-05")
        XCTAssertEqual(report.provenance["published_date"], "html meta PubDate")
    }
}
