import Foundation
import XCTest

@testable import SiteBuilder

/// Which Pagefind a build uses: `ARCHIVE_PAGEFIND` alone when set, else the project's `.tools/venv`, else PATH.
final class SearchIndexerTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ra-pagefind-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// An executable script that prints `version` when asked for `--version` (after `-m pagefind`, for a Python).
    func fakeTool(at relativePath: String, version: String) throws -> String {
        let url = folder.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "#!/bin/sh\n[ \"$*\" = \"--version\" ] || [ \"$*\" = \"-m pagefind --version\" ] || exit 3\necho '\(version)'\n"
            .write(to: url, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        return url.path
    }

    func testTheProjectsVirtualEnvironmentComesBeforePath() throws {
        let python = try fakeTool(at: ".tools/venv/bin/python3", version: "pagefind_extended 9.9.9")
        let tool = SearchIndexer.locate(projectFolder: folder, environment: [:])
        XCTAssertEqual(tool?.command, [python, "-m", "pagefind"])
        XCTAssertEqual(tool?.version, "pagefind_extended 9.9.9")
    }

    func testTheEnvironmentVariableNamesAnExecutableOrAPython() throws {
        _ = try fakeTool(at: ".tools/venv/bin/python3", version: "venv")
        let executable = try fakeTool(at: "bin/pagefind_extended", version: "pagefind 1.0")
        XCTAssertEqual(SearchIndexer.locate(projectFolder: folder, environment: ["ARCHIVE_PAGEFIND": executable])?.command, [executable])
        let python = try fakeTool(at: "other/bin/python3.11", version: "pagefind 1.1")
        let tool = SearchIndexer.locate(projectFolder: folder, environment: ["ARCHIVE_PAGEFIND": python])
        XCTAssertEqual(tool?.command, [python, "-m", "pagefind"])
        XCTAssertEqual(tool?.version, "pagefind 1.1")
    }

    func testABrokenEnvironmentVariableIsNotPassedOver() throws {
        _ = try fakeTool(at: ".tools/venv/bin/python3", version: "venv")
        let missing = folder.appendingPathComponent("no/pagefind").path
        XCTAssertNil(SearchIndexer.locate(projectFolder: folder, environment: ["ARCHIVE_PAGEFIND": missing]))
        XCTAssertEqual(SearchIndexer.missing(environment: ["ARCHIVE_PAGEFIND": missing]),
                       "search: ARCHIVE_PAGEFIND=\(missing) does not run Pagefind; the site is built without search")
        XCTAssertTrue(SearchIndexer.missing(environment: [:]).contains("`make search`"))
    }
}
