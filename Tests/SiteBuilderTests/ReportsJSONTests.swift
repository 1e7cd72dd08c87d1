import Foundation
import XCTest

@testable import SiteBuilder

final class ReportsJSONTests: XCTestCase {
    private func document() throws -> (bytes: [UInt8], json: [String: Any]) {
        let content = ExportFixture.content()
        let bytes = try ExportFixture.bytes { try ReportsJSON.write(content, config: ExportFixture.config, paths: SitePaths(pretty: false), to: $0) }
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        return (bytes, json)
    }

    private func report(_ slug: String, in json: [String: Any]) throws -> [String: Any] {
        let reports = try XCTUnwrap(json["reports"] as? [[String: Any]])
        return try XCTUnwrap(reports.first { $0["slug"] as? String == slug }, slug)
    }

    /// Every string comes back as it was, whatever it holds, and the two JavaScript line separators
    /// never stand raw in the file.
    func testStringsSurviveEscaping() throws {
        let (bytes, json) = try document()
        let tree = try report("zhe-jiang-a-1", in: json)
        XCTAssertEqual(tree["title"] as? String, ExportFixture.awkward)
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertFalse(text.contains("\u{2028}") || text.contains("\u{2029}"))
        XCTAssertTrue(text.contains(#"\u2028\u2029"#))
        XCTAssertTrue(text.contains(#"\r\u0001\u001f"#))
        XCTAssertFalse(bytes.contains { $0 < 0x20 && $0 != 0x0A }, "no raw control character; newlines only between reports")
    }

    /// The flat outline comes out as the tree its depths describe.
    func testSectionsNestByDepth() throws {
        let tree = try report("zhe-jiang-a-1", in: try document().json)
        let sections = try XCTUnwrap(tree["sections"] as? [[String: Any]])
        func outline(_ sections: [[String: Any]]) -> String {
            sections.map { s in
                let children = s["children"] as! [[String: Any]]
                return (s["anchor"] as! String) + (children.isEmpty ? "" : "(\(outline(children)))")
            }.joined(separator: " ")
        }
        XCTAssertEqual(outline(sections), "s1(s1-1(s1-1-1) s1-2) s2")
        let deepest = try XCTUnwrap(((sections[0]["children"] as? [[String: Any]])?[0]["children"] as? [[String: Any]])?[0])
        XCTAssertEqual(deepest["topics"] as? [String], ["preschool", "safety"])
        XCTAssertEqual(deepest["heading"] as? String, ExportFixture.awkward)
        let figures = try XCTUnwrap(sections[1]["figures"] as? [[String: Any]])
        XCTAssertEqual(figures.map { $0["written"] as? String }, ["3.2亿元", "91.17%"])
        XCTAssertEqual(figures.map { $0["value"] as? Double }, [320_000_000, 91.17])
        let list = try XCTUnwrap((deepest["figures"] as? [[String: Any]])?.first)
        XCTAssertTrue(list["value"] is NSNull, "a list of numbers has no value")
    }

    private func near(_ report: [String: Any]) -> [String]? {
        (report["near_duplicates"] as? [[String: Any]])?.map { "\($0["slug"] as? String ?? "?") \($0["similarity"] as? Double ?? -1)" }
    }

    func testReportFieldsURLsAndRelations() throws {
        let (bytes, json) = try document()
        XCTAssertEqual(json["report_count"] as? Int, 3)
        XCTAssertEqual(json["base_url"] as? String, "https://example.org/reports/")
        XCTAssertEqual((json["topics"] as? [[String: Any]])?.map { $0["slug"] as? String }, ["preschool", "safety"])
        let tree = try report("zhe-jiang-a-1", in: json)
        XCTAssertEqual(tree["topics"] as? [String], ["safety", "preschool"], "strongest first, as the report's")
        XCTAssertEqual(tree["doc_type"] as? String, "summary+plan")
        XCTAssertEqual(tree["doc_type_name"] as? String, "总结与计划")
        XCTAssertEqual(tree["complete"] as? Bool, false)
        XCTAssertEqual(tree["year"] as? Int, 2023)
        XCTAssertEqual(tree["region"] as? [String: String], ["province": "浙江省", "prefecture": "宁波市", "county": "余姚市", "level": "市", "code": "330281"])
        XCTAssertEqual(tree["urls"] as? [String: String], ["page": "reports/zhe-jiang-a-1.html", "markdown": "reports/zhe-jiang-a-1.md",
                                                           "source_text": "sources/zhe-jiang-a.txt", "original": "sources/zhe-jiang-a.docx"])
        let source = try XCTUnwrap(tree["source"] as? [String: Any])
        XCTAssertEqual(source["file"] as? String, "浙江/a.docx")
        XCTAssertEqual(source["position"] as? Int, 1)
        XCTAssertEqual((tree["figures"] as? [[String: Any]])?.first?["value"] as? Int, 560_000_000)
        XCTAssertTrue(String(decoding: bytes, as: UTF8.self).contains(#""value":560000000,"#), "a whole number is written without a fraction")

        let copy = try report("zhe-jiang-a-2", in: json)
        XCTAssertEqual(copy["duplicate_of"] as? String, "zhe-jiang-a-1", "the parser's id becomes the original's slug")
        XCTAssertEqual(copy["department"] as? String, "财务科")
        XCTAssertEqual(copy["period"] as? String, "2023年")
        XCTAssertEqual(copy["published_date"] as? String, "2024-01-05")
        XCTAssertTrue(copy["signed_date"] is NSNull)
        XCTAssertEqual(near(copy), [])

        let other = try report("b-1", in: json)
        XCTAssertTrue(other["title"] is NSNull)
        XCTAssertTrue((other["urls"] as? [String: Any])?["original"] is NSNull, "a text source is its own text")
        XCTAssertEqual(near(other), ["zhe-jiang-a-1 0.875"])
        XCTAssertEqual(near(tree), ["b-1 0.875"], "listed both ways")
    }

    /// Whole numbers are written digit by digit, as `String` would write them, at both ends of the range.
    func testWholeNumbersAreWrittenAsStringWritesThem() {
        for value in [0, 7, -7, 10, 2023, -320_000_000, Int.max, Int.min] {
            var out: [UInt8] = []
            JSONWriter.digits(value, into: &out)
            XCTAssertEqual(String(decoding: out, as: UTF8.self), String(value))
        }
    }

    /// The built seed site's file passes the schema in the repository, and the schema is strict
    /// enough to fail a document that lost a field, gained one, or holds a wrong type.
    func testSeedSiteValidatesAgainstTheSchema() throws {
        let site = try SiteFixture(self)
        try site.build()
        let python = try ExternalTool.python(importing: "jsonschema")
        let schema = SiteFixture.repository.appendingPathComponent("schema/reports.schema.json").path
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1], encoding="utf-8"))
            jsonschema.Draft202012Validator.check_schema(schema)
            document = json.load(sys.stdin)
            errors = list(jsonschema.Draft202012Validator(schema).iter_errors(document))
            for e in errors[:5]: print(list(e.absolute_path), e.message[:200])
            sys.exit(1 if errors else 0)
            """
        let text = try site.text("data/reports.json")
        let valid = try ExternalTool.run([python, "-c", script, schema], input: text)
        XCTAssertEqual(valid.status, 0, valid.out + valid.err)
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        XCTAssertEqual((document["reports"] as? [Any])?.count, 15)

        func broken(_ edit: (inout [String: Any]) -> Void) throws -> String {
            var copy = document
            var reports = copy["reports"] as! [[String: Any]]
            edit(&reports[0])
            copy["reports"] = reports
            return String(decoding: try JSONSerialization.data(withJSONObject: copy), as: UTF8.self)
        }
        for (why, input) in [("a required field is missing", try broken { $0["slug"] = nil }),
                             ("an unknown field", try broken { $0["extra"] = 1 }),
                             ("a year that is text", try broken { $0["year"] = "2023" }),
                             ("a section without its children", try broken { r in
                                 var sections = r["sections"] as! [[String: Any]]
                                 sections[0]["children"] = nil
                                 r["sections"] = sections
                             })] {
            let run = try ExternalTool.run([python, "-c", script, schema], input: input)
            XCTAssertEqual(run.status, 1, "\(why) must fail validation: \(run.out)\(run.err)")
        }
    }
}
