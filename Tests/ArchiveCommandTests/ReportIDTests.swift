import Foundation
import XCTest

/// A report has one id (`ReportID`): what `archive parse` prints, its page's name, its front
/// matter, and its row in every data file, the build's and `archive export`'s.
final class ReportIDTests: XCTestCase {
    static let seed = "000_155cf9d07f7bc588.txt"
    static let id = "000-155cf9d07f7bc588-2"

    func testOneIDInParseTheSiteAndTheExports() throws {
        let project = try Project(self) { $0.replacingOccurrences(of: "\nsqlite = false", with: "\nsqlite = true") }
        let seed = "content/\(Self.seed)"
        let outline = try ArchiveCommand.run(["parse", seed], in: project.folder)
        XCTAssertEqual(outline.status, 0, outline.err)
        XCTAssertTrue(outline.out.contains("\n-- \(Self.id)  "), outline.out)
        let parsed = try ArchiveCommand.run(["parse", "--json", seed], in: project.folder)
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(parsed.out.utf8)) as? [String: Any])
        let reports = try XCTUnwrap((document["sources"] as? [[String: Any]])?.first?["reports"] as? [[String: Any]])
        XCTAssertEqual(reports.compactMap { $0["id"] as? String }, ["000-155cf9d07f7bc588-1", Self.id])

        let build = try project.build()
        XCTAssertEqual(build.status, 0, build.err)
        let page = project.output.appendingPathComponent("reports/\(Self.id).html")
        XCTAssertTrue(FileManager.default.fileExists(atPath: page.path), "the page is named by the id")
        let markdown = try String(contentsOf: project.output.appendingPathComponent("reports/\(Self.id).md"), encoding: .utf8)
        XCTAssertTrue(markdown.contains("\nid: \"\(Self.id)\"\n"), String(markdown.prefix(300)))

        for (format, file) in [("json", "reports.json"), ("csv", "reports.csv"), ("sqlite", "archive.sqlite")] {
            let exported = project.root.appendingPathComponent(file)
            let run = try ArchiveCommand.run(["export", "--format", format, exported.path], in: project.folder)
            XCTAssertEqual(run.status, 0, run.err)
            for path in [exported.path, project.output.appendingPathComponent("data/\(file)").path] {
                XCTAssertEqual(try ids(in: path, format: format), ["\(Self.id) \(Self.id)"], "\(format): \(path)")
            }
        }
    }

    /// The id and slug fields of the seed's second report in a data file (`parse_id` and `slug` in SQLite).
    private func ids(in path: String, format: String) throws -> [String] {
        switch format {
        case "json":
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any]
            let reports = json?["reports"] as? [[String: Any]] ?? []
            return reports.filter { let source = $0["source"] as? [String: Any]; return source?["file"] as? String == Self.seed && source?["position"] as? Int == 2 }
                .map { "\($0["id"] ?? "") \($0["slug"] ?? "")" }
        case "csv":
            let rows = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
            // The url column ends with the page's name; source and position are not columns of their own.
            return rows.filter { $0.count > 2 && $0[2].hasSuffix("reports/\(Self.id).html") }.map { "\($0[0]) \($0[1])" }
        default:
            let shell = Process()
            shell.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            shell.arguments = ["sqlite3", "-separator", " ", path, "select parse_id, slug from reports where source = '\(Self.seed)' and position = 2"]
            let pipe = Pipe()
            shell.standardOutput = pipe
            try shell.run()
            let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            shell.waitUntilExit()
            return out.split(separator: "\n").map(String.init)
        }
    }
}
