import Foundation
import SiteBuilder
import XCTest

/// Help texts name the configuration keys a command follows, as `table.key`, and only keys the
/// configuration has; none points into the source tree.
final class HelpTextTests: XCTestCase {
    static let commands = [[], ["build"], ["serve"], ["check"], ["parse"], ["compare"], ["export"], ["bench-parse"]]

    private func help(_ command: [String]) throws -> String {
        let run = try ArchiveCommand.run(command + ["--help"], in: FileManager.default.temporaryDirectory)
        XCTAssertEqual(run.status, 0, run.err)
        return run.out
    }

    /// The backquoted words of the form `table.key` (file names such as archive.toml are never backquoted).
    static func keys(in text: String) -> [String] {
        text.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
            .filter { $0.contains(".") && $0.unicodeScalars.allSatisfy { $0 == "." || $0 == "_" || ("a"..."z").contains($0) } }
    }

    func testHelpNamesOnlyKeysTheConfigurationHas() throws {
        var named = Set<String>()
        for command in Self.commands {
            let text = try help(command)
            XCTAssertFalse(text.contains("Sources/"), "\(command): \(text)")
            for key in Self.keys(in: text) {
                XCTAssertTrue(SiteConfig.knownKeys.contains(key), "\(command): `\(key)` is no key of archive.toml")
                named.insert(key)
            }
        }
        XCTAssertTrue(named.isSuperset(of: ["build.content", "build.output", "build.templates", "site.base_url"]), "\(named.sorted())")
    }

    func testBuildHelpGivesTheRealDefaults() throws {
        let text = try help(["build"]).replacingOccurrences(of: "\n", with: " ").split(separator: " ").joined(separator: " ")
        XCTAssertTrue(text.contains("`build.content` (default \(SiteConfig.defaultContent)/)"), text)
        XCTAssertTrue(text.contains("`build.output` (default \(SiteConfig.defaultOutput)/)"), text)
    }

    /// `--rules` says what a rules file holds, in two lines, rather than where the standard one lives.
    func testRulesHelpShowsTheFormat() throws {
        let text = try help(["parse"])
        XCTAssertTrue(text.contains("NAME KIND PATTERN"), text)
        XCTAssertTrue(text.contains("`breadcrumb line 您的位置*`"), text)
    }

    func testTheKeyFinderSeesBackquotedKeysOnly() {
        XCTAssertEqual(Self.keys(in: "from `build.content` into public/, `--rules`, `site.base_url` and archive.toml"), ["build.content", "site.base_url"])
    }
}
