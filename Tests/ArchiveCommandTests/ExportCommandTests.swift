import Foundation
import XCTest

/// `archive export`: the data files without the site, the same bytes the build writes into `data/`.
final class ExportCommandTests: XCTestCase {
    /// With a seed reposted under another county's name, so that near-duplicates are exported too.
    func testEachFormatIsTheFileTheBuildWrites() throws {
        let project = try Project(self) { $0.replacingOccurrences(of: "\nsqlite = false", with: "\nsqlite = true") }
        let seed = try String(contentsOf: project.content.appendingPathComponent("002_a6c8c882fd1a3a93.txt"), encoding: .utf8)
        try seed.replacingOccurrences(of: "余姚", with: "慈溪").write(to: project.content.appendingPathComponent("repost.txt"), atomically: true, encoding: .utf8)
        let build = try project.build()
        XCTAssertEqual(build.status, 0, build.err)
        for (format, file) in [("json", "reports.json"), ("csv", "reports.csv"), ("sqlite", "archive.sqlite")] {
            let out = project.root.appendingPathComponent("export-\(file)")
            let run = try ArchiveCommand.run(["export", "--format", format, out.path], in: project.folder)
            XCTAssertEqual(run.status, 0, run.err)
            XCTAssertTrue(run.out.contains("16 reports from 6 sources"), run.out)
            XCTAssertEqual(FileManager.default.contents(atPath: out.path), FileManager.default.contents(atPath: project.output.appendingPathComponent("data/\(file)").path),
                           "\(format): the export and the build's file differ")
        }
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        shell.arguments = ["sqlite3", project.root.appendingPathComponent("export-archive.sqlite").path, "select count(*) from reports"]
        let pipe = Pipe()
        shell.standardOutput = pipe
        try shell.run()
        let count = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        shell.waitUntilExit()
        XCTAssertEqual(count, "16\n", "the sqlite3 shell opens it (`make test` installs sqlite3)")
        let json = try String(contentsOf: project.root.appendingPathComponent("export-reports.json"), encoding: .utf8)
        XCTAssertTrue(json.contains("\"near_duplicates\":[{\"slug\":\"repost-1\""), "the repost, found by the export itself")
        XCTAssertFalse(FileManager.default.fileExists(atPath: project.root.appendingPathComponent(".export-archive.sqlite.part").path), "no temporary file left")
    }

    func testAnUnknownFormatIsRefusedNamingTheOthers() throws {
        let project = try Project(self)
        let run = try ArchiveCommand.run(["export", "--format", "xml", "out.xml"], in: project.folder)
        XCTAssertNotEqual(run.status, 0)
        XCTAssertTrue(run.err.contains("json") && run.err.contains("sqlite"), run.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: project.folder.appendingPathComponent("out.xml").path))
    }

    /// A source that cannot be read is named; the others are exported and the command fails.
    func testAnUnreadableSourceIsNamedAndTheOthersExported() throws {
        let project = try Project(self)
        try Data([0x00, 0x01, 0x02, 0xFF, 0x00]).write(to: project.content.appendingPathComponent("zz-binary.txt"))
        let out = project.root.appendingPathComponent("reports.csv")
        let run = try ArchiveCommand.run(["export", "--format", "csv", out.path], in: project.folder)
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.err.contains("zz-binary.txt"), run.err)
        let rows = try String(contentsOf: out, encoding: .utf8).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertEqual(rows.count, 16, "the header and the 15 seed reports")
    }
}
