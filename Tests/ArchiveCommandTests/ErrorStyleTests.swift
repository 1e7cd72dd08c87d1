import Foundation
import XCTest

/// Every problem the CLI reports is one line in one style (`Diagnostics`): `error: <file>:<line>:
/// message`, `error: <file>: message`, or `error: message`; warnings alike. Argument parser's
/// own `Error:` never shows.
final class ErrorStyleTests: XCTestCase {
    private func assertStyle(_ run: ArchiveCommand.Run, _ expected: String, status: Int32, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(run.status, status, run.err, file: file, line: line)
        XCTAssertFalse(run.err.contains("Error:") || run.out.contains("Error:"), run.err, file: file, line: line)
        XCTAssertTrue(run.err.hasPrefix(expected), "expected \(expected)…, got \(run.err)", file: file, line: line)
    }

    func testABadConfigKeyNamesTheFileAndLine() throws {
        let project = try Project(self) { $0.replacingOccurrences(of: "[build]\n", with: "[build]\ncontents = \"content\"\n") }
        let line = try String(contentsOf: project.config, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex(of: "contents = \"content\"")! + 1
        assertStyle(try project.build(), "error: archive.toml:\(line): build.contents: unknown key", status: 2)
    }

    func testAMissingFileIsNamed() throws {
        let project = try Project(self)
        assertStyle(try ArchiveCommand.run(["parse", "missing.txt"], in: project.folder), "error: missing.txt: no such file\n", status: 1)
        assertStyle(try ArchiveCommand.run(["parse", "--rules", "missing-rules.txt", "content/000_155cf9d07f7bc588.txt"], in: project.folder),
                    "error: missing-rules.txt: cannot read the rules file\n", status: 2)
        assertStyle(try ArchiveCommand.run(["build", "--config", "missing.toml"], in: project.folder), "error: missing.toml: ", status: 2)
    }

    func testAnUnparseableSourceIsNamed() throws {
        let project = try Project(self)
        try Data([0xFF, 0xFE]).write(to: project.content.appendingPathComponent("broken.txt"))
        assertStyle(try ArchiveCommand.run(["parse", "content/broken.txt"], in: project.folder), "error: content/broken.txt: ", status: 1)
        let build = try project.build()
        XCTAssertEqual(build.err.split(separator: "\n").filter { $0.hasPrefix("error: broken.txt: ") }.count, 1, build.err)
        XCTAssertTrue(build.err.split(separator: "\n").allSatisfy { $0.hasPrefix("error: ") || $0.hasPrefix("warning: ") }, build.err)
    }

    /// A usage error keeps argument parser's usage lines, under the same label.
    func testAUsageErrorIsLabelledLikeEveryOther() throws {
        let project = try Project(self)
        let missing = try ArchiveCommand.run(["parse"], in: project.folder)
        assertStyle(missing, "error: Missing expected argument '<files> ...'\n", status: 64)
        XCTAssertTrue(missing.err.contains("Usage: archive parse"), missing.err)
        assertStyle(try ArchiveCommand.run(["build", "--no-such-option"], in: project.folder), "error: Unknown option '--no-such-option'", status: 64)
    }

    func testWarningsHaveTheSameShape() throws {
        let project = try Project(self)
        try Data("x".utf8).write(to: project.content.appendingPathComponent("notes.xlsx"))
        let build = try project.build()
        XCTAssertEqual(build.status, 0, build.err)
        XCTAssertTrue(build.err.hasPrefix("warning: \(project.content.path): 1 entry not read"), build.err)
    }
}
