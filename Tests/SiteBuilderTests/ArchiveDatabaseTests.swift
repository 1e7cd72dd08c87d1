import Foundation
import ReportModel
import ReportParser
import XCTest

@testable import SiteBuilder

final class ArchiveDatabaseTests: XCTestCase {
    private func sqliteSite() throws -> SiteFixture {
        try SiteFixture(self) { $0.replacingOccurrences(of: "\nsqlite = false", with: "\nsqlite = true") }
    }

    /// The reports whose body (text before the first heading, headings, sections) holds `term`, by
    /// slug: read from the parser's own reports, not from the export.
    private func reportsHolding(_ term: String, in content: URL) throws -> [String] {
        var slugs: [String] = []
        let names = try FileManager.default.contentsOfDirectory(atPath: content.path).filter { $0.hasSuffix(".txt") }.sorted()
        for name in names {
            let source = try ReportParser().parse(file: content.appendingPathComponent(name).path, displayName: name)
            for (i, report) in source.reports.enumerated() {
                var texts = report.paragraphs
                func walk(_ sections: [Section]) {
                    for s in sections {
                        texts.append(s.heading)
                        texts += s.paragraphs
                        walk(s.children)
                    }
                }
                walk(report.sections)
                if texts.contains(where: { $0.contains(term) }) {
                    slugs.append(ContentFolder.slug(of: name) + "-\(i + 1)")
                }
            }
        }
        return slugs.sorted()
    }

    private func slugs(matching query: String, in table: String, _ database: String) throws -> [String] {
        try ExternalTool.sqlite(database, """
            SELECT DISTINCT r.slug FROM \(table) f JOIN sections s ON s.id = f.rowid JOIN reports r ON r.id = s.report_id
            WHERE \(table) MATCH '\(query)' ORDER BY r.slug
            """)
    }

    /// 学前 is two characters, which the trigram index cannot find: the pair index answers it, with
    /// exactly the reports whose text holds it; a longer term goes to the trigram index.
    func testFullTextFindsExactlyTheReportsThatHoldATerm() throws {
        let site = try sqliteSite()
        try site.build()
        let database = site.output.appendingPathComponent("data/archive.sqlite").path
        let expected = try reportsHolding("学前", in: site.content)
        XCTAssertFalse(expected.isEmpty)
        XCTAssertLessThan(expected.count, 15, "some reports do not mention it, so the test can tell")
        XCTAssertEqual(try slugs(matching: "学前", in: "sections_bigrams", database), expected)
        XCTAssertEqual(try slugs(matching: "学前", in: "sections_fts", database), [], "as SQLite documents: no trigram index finds two characters")
        XCTAssertEqual(try slugs(matching: "学前教育", in: "sections_fts", database), try reportsHolding("学前教育", in: site.content))
        XCTAssertEqual(try ExternalTool.sqlite(database, "SELECT count(*) FROM reports"), ["15"], "the sqlite3 shell opens it")
    }

    /// Sections keep their tree and text, figures and topics their sections, reports their metadata.
    func testTablesHoldTheArchive() throws {
        let site = try sqliteSite()
        try site.build()
        let database = site.output.appendingPathComponent("data/archive.sqlite").path
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: site.output.appendingPathComponent("data/reports.json"))) as? [String: Any])
        let reports = try XCTUnwrap(json["reports"] as? [[String: Any]])
        func count(_ sections: [[String: Any]]) -> Int { sections.reduce(sections.count) { $0 + count($1["children"] as! [[String: Any]]) } }
        let sectionCount = reports.reduce(0) { $0 + count($1["sections"] as! [[String: Any]]) }
        XCTAssertEqual(try ExternalTool.sqlite(database, "SELECT count(*) FROM sections WHERE position > 0"), ["\(sectionCount)"])
        XCTAssertEqual(try ExternalTool.sqlite(database, "SELECT count(*) FROM sections s JOIN sections p ON p.id = s.parent_id WHERE s.depth != p.depth + 1 OR s.report_id != p.report_id"), ["0"])
        XCTAssertEqual(try ExternalTool.sqlite(database, "SELECT count(*) FROM sections WHERE depth > 0 AND parent_id IS NULL"), ["0"])
        XCTAssertEqual(try ExternalTool.sqlite(database, "SELECT count(*) FROM topics"), ["\(try SiteConfig.load(site.config.path).topics.count)"])
        let seed = try XCTUnwrap(reports.first { $0["slug"] as? String == "002-a6c8c882fd1a3a93-1" })
        XCTAssertEqual(try ExternalTool.sqlite(database, "SELECT title, county, year, doc_type, page_url FROM reports WHERE slug = '002-a6c8c882fd1a3a93-1'"),
                       ["\(seed["title"] as! String)|余姚市|2023|\(seed["doc_type"] as! String)|reports/002-a6c8c882fd1a3a93-1.html"])
        let text = try ExternalTool.sqlite(database, "SELECT s.text FROM sections s JOIN reports r ON r.id = s.report_id WHERE r.slug = '002-a6c8c882fd1a3a93-1' AND s.anchor = 's1-1-2'")
        XCTAssertTrue(text.joined().contains("创建五星级基层党组织73个"), "\(text)")
        XCTAssertEqual(try ExternalTool.sqlite(database, """
            SELECT f.written FROM figures f JOIN sections s ON s.id = f.section_id WHERE f.phrase LIKE '%基层党组织' AND s.anchor = 's1-1-2'
            """).first, "73个")
        let figureCount = try ExternalTool.sqlite(database, "SELECT count(*) FROM figures")
        let jsonFigures = reports.reduce(0) { total, r in
            func figures(_ sections: [[String: Any]]) -> Int {
                sections.reduce(0) { $0 + ($1["figures"] as! [Any]).count + figures($1["children"] as! [[String: Any]]) }
            }
            return total + (r["figures"] as! [Any]).count + figures(r["sections"] as! [[String: Any]])
        }
        XCTAssertEqual(figureCount, ["\(jsonFigures)"])
    }

    /// The same sources give the same file, byte for byte; a rebuild with nothing changed links it,
    /// and an edit makes it again.
    func testSameSourcesGiveTheSameFile() throws {
        let first = try sqliteSite(), second = try sqliteSite()
        try first.build()
        try second.build()
        let path = "data/archive.sqlite"
        XCTAssertEqual(try first.snapshot()[path], try second.snapshot()[path])

        let source = first.content.appendingPathComponent("002_a6c8c882fd1a3a93.txt")
        let text = try String(contentsOf: source, encoding: .utf8)
        try text.replacingOccurrences(of: "深化幸福教育", with: "深化快乐教育").write(to: source, atomically: true, encoding: .utf8)
        try first.build()
        let database = first.output.appendingPathComponent(path).path
        XCTAssertEqual(try ExternalTool.sqlite(database, "SELECT count(*) FROM sections WHERE text LIKE '%深化快乐教育%'"), ["1"])
    }

    func testTheDatabaseIsOptIn() throws {
        let site = try SiteFixture(self)
        try site.build()
        XCTAssertTrue(site.exists("data/reports.json"))
        XCTAssertTrue(site.exists("data/reports.csv"))
        XCTAssertFalse(site.exists("data/archive.sqlite"))
        XCTAssertThrowsError(try SiteConfig.parse("[site]\ntitle = \"t\"\nbase_url = \"https://e.org/\"\n[export]\nsqlit = true\n", file: "a.toml")) {
            XCTAssertTrue("\($0)".contains("sqlite"), "\($0)")
        }
    }

    /// Both kinds of repeat reach the duplicates table, by report id, with the near pair's share.
    func testDuplicatesHoldTheSameSourceCopyAndTheNearPair() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ra-db-\(UUID().uuidString).sqlite").path
        addTeardownBlock { unlink(path) }
        let database = try ArchiveDatabase(creating: path)
        try database.finish(ExportFixture.content(), config: ExportFixture.config, paths: SitePaths(pretty: false))
        XCTAssertEqual(try ExternalTool.sqlite(path, """
            SELECT d.kind, a.slug, b.slug, coalesce(d.similarity, '-') FROM duplicates d
            JOIN reports a ON a.id = d.report_id JOIN reports b ON b.id = d.other_id ORDER BY d.kind
            """), ["near|zhe-jiang-a-1|b-1|0.875", "same-source|zhe-jiang-a-2|zhe-jiang-a-1|-"])
        XCTAssertEqual(try ExternalTool.sqlite(path, "SELECT b.slug FROM reports a JOIN reports b ON b.id = a.duplicate_of"), ["zhe-jiang-a-1"])
        XCTAssertEqual(try ExternalTool.sqlite(path, "SELECT hex(title) FROM reports WHERE slug = 'zhe-jiang-a-1'"),
                       [ExportFixture.awkward.utf8.map { String(format: "%02X", $0) }.joined()], "text is bound as it is, never spliced into SQL")
    }

    /// Letters and digits pair within a run; punctuation and spaces break it.
    func testBigramsPairAdjacentLettersAndDigits() {
        XCTAssertEqual(BigramTokens.of("发展学前教育。幼儿园12所"), "发展 展学 学前 前教 教育 幼儿 儿园 园1 12 2所")
        XCTAssertEqual(BigramTokens.of("学，前"), "")
        XCTAssertEqual(BigramTokens.of("5G 网络"), "5G 网络")
    }
}
