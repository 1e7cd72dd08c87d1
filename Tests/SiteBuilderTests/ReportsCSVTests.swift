import Foundation
import XCTest

@testable import SiteBuilder

final class ReportsCSVTests: XCTestCase {
    /// Python's csv module reads the file (as Excel's dialect), each row a list of fields, as JSON.
    private func readWithPython(_ bytes: [UInt8]) throws -> [[String]] {
        let python = try ExternalTool.python(importing: "csv")
        let script = """
            import csv, io, json, sys
            raw = sys.stdin.buffer.read()
            assert raw.startswith(b"\\xef\\xbb\\xbf"), "no byte-order mark"
            rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), strict=True))
            sys.stdout.write(json.dumps(rows))
            """
        let run = try ExternalTool.run([python, "-c", script], input: String(decoding: bytes, as: UTF8.self))
        XCTAssertEqual(run.status, 0, run.err)
        return try JSONDecoder().decode([[String]].self, from: Data(run.out.utf8))
    }

    /// What each row must hold, from the listing itself.
    private func expectedRow(_ r: ListedReport, _ content: ArchiveContent, baseURL: String) -> [String] {
        let outline = r.outline(in: content.store)
        let figures = outline.figures.count + outline.sections.map(\.figures.count).reduce(0, +)
        return [r.id, r.slug, baseURL + "reports/\(r.slug).html", r.title ?? "", r.issuer ?? "", r.region.province ?? "",
                r.region.prefecture ?? "", r.region.county ?? "", r.region.code ?? "", r.year.map { "\($0)" } ?? "",
                r.docType.displayName, r.signedDate ?? "", r.publishedDate ?? "", r.complete ? "true" : "false",
                r.topics.map { content.classifier.topics[$0].name }.joined(separator: ";"), "\(outline.sections.count)", "\(figures)", r.sourceFile]
    }

    /// The seed site's file: one row a report in list order, every field as the listing has it.
    func testSeedSiteRoundTripsThroughPythonsCSVModule() throws {
        let site = try SiteFixture(self)
        try site.build()
        let bytes = [UInt8](try Data(contentsOf: site.output.appendingPathComponent("data/reports.csv")))
        let records = SourceCache.load(from: site.root.appendingPathComponent(".archive-cache"), token: nil)
        var content = ArchiveContent(reports: records.values.flatMap(\.reports), sourceCount: records.count,
                                     classifier: TopicClassifier(topics: try SiteConfig.load(site.config.path).topics), gazetteer: .shared)
        content.store = try site.listingStore()
        let rows = try readWithPython(bytes)
        XCTAssertEqual(rows.first, ReportsCSV.columns)
        XCTAssertEqual(rows.count, content.reports.count + 1)
        for (row, report) in zip(rows.dropFirst(), content.reports) {
            XCTAssertEqual(row, expectedRow(report, content, baseURL: "https://example.org/reports/"), report.slug)
        }
        XCTAssertTrue(content.reports.contains { $0.topics.count > 1 }, "the seeds exercise joined topics")
        let lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n")
        XCTAssertEqual(lines.count, content.reports.count + 2, "every line ends in CRLF")
    }

    /// Quotes, commas and line breaks are quoted; a field a spreadsheet would run as a formula is
    /// kept as text with a leading quote, and is otherwise unchanged.
    func testAwkwardFieldsAreQuotedAndFormulasStayText() throws {
        let content = ExportFixture.content()
        let bytes = try ExportFixture.bytes { try ReportsCSV.write(content, config: ExportFixture.config, paths: SitePaths(pretty: false), to: $0) }
        let rows = try readWithPython(bytes)
        XCTAssertEqual(rows.count, 4)
        for (row, report) in zip(rows.dropFirst(), content.reports) {
            var expected = expectedRow(report, content, baseURL: "https://example.org/reports/")
            if report.title == ExportFixture.awkward { expected[3] = "'" + ExportFixture.awkward }
            XCTAssertEqual(row, expected, report.slug)
        }
        let tree = try XCTUnwrap(rows.first { $0[1] == "zhe-jiang-a-1" })
        XCTAssertEqual(tree[14], "校园安全;学前教育")
        XCTAssertEqual(tree[15], "5")
        XCTAssertEqual(tree[16], "5", "the figures before the first heading count too")
        XCTAssertEqual(ReportsCSV.cell("-1"), "'-1")
        XCTAssertEqual(ReportsCSV.cell("a\"b"), "\"a\"\"b\"")
        XCTAssertEqual(ReportsCSV.cell("学前教育"), "学前教育")
    }
}
