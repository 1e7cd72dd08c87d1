import Foundation
import XCTest

@testable import SiteBuilder

/// One rule for the base URL, from `archive.toml` and from `archive build --base-url`.
final class BaseURLTests: XCTestCase {
    static let accepted = [
        "https://example.org/reports/": "https://example.org/reports/",
        "HTTPS://Example.org": "https://example.org/",
        "http://localhost:8080/x/": "http://localhost:8080/x/",
        "https://x.org/a%20b": "https://x.org/a%20b/",
    ]

    /// Each with a word its error must contain.
    static let rejected = [
        "javascript:alert(1)//": "absolute http or https URL",
        "http://": "no host",
        "https://exa mple.org/": "spaces",
        "https://x.org/?b=1": "query",
        "https://x.org/?": "query",
        "https://x.org/#f": "fragment",
        "ftp://x.org/": "absolute http or https URL",
        "//x.org/": "absolute http or https URL",
        "https://user@x.org/": "user name",
        "https:x.org/": "absolute http or https URL",
        "": "absolute http or https URL",
    ]

    func testTheRuleAcceptsAbsoluteHTTPURLsAndWritesThemOneWay() throws {
        for (value, normalised) in Self.accepted {
            XCTAssertEqual(try SiteConfig.validateBaseURL(value), normalised, value)
        }
        XCTAssertThrowsError(try SiteConfig.validateBaseURL("https://x.org/\u{7}")) { error in
            XCTAssertTrue("\(error)".contains("control"), "\(error)")
            XCTAssertFalse("\(error)".contains("\u{7}"), "the error prints the character escaped")
        }
    }

    func testTheRuleRejectsWithTheReason() {
        for (value, reason) in Self.rejected {
            XCTAssertThrowsError(try SiteConfig.validateBaseURL(value), value) { error in
                XCTAssertTrue("\(error)".hasPrefix("--base-url: "), "\(error)")
                XCTAssertTrue("\(error)".contains(reason), "\(value): \(error)")
            }
        }
    }

    private func config(baseURL: String) -> String {
        "[site]\ntitle = \"T\"\nbase_url = \(baseURL.debugDescription)\n"
    }

    func testTheFileIsHeldToTheRule() throws {
        for (value, normalised) in Self.accepted {
            XCTAssertEqual(try SiteConfig.parse(config(baseURL: value), file: "a.toml").baseURL, normalised)
        }
        for (value, reason) in Self.rejected {
            XCTAssertThrowsError(try SiteConfig.parse(config(baseURL: value), file: "a.toml"), value) { error in
                let e = error as! SiteConfig.Error
                XCTAssertEqual(e.key, "site.base_url")
                XCTAssertEqual(e.line, 3)
                XCTAssertTrue("\(e)".hasPrefix("a.toml:3: site.base_url: "), "\(e)")
                XCTAssertTrue("\(e)".contains(reason), "\(value): \(e)")
            }
        }
    }

    func testTheBuildOptionIsHeldToTheRuleBeforeAnythingIsWritten() throws {
        let site = try SiteFixture(self)
        let before = try FileManager.default.contentsOfDirectory(atPath: site.root.path).sorted()
        for (value, reason) in Self.rejected {
            var options = Pipeline.Options(configPath: site.config.path, baseURL: value)
            options.search = false
            XCTAssertThrowsError(try Pipeline.build(options), value) { error in
                XCTAssertTrue("\(error)".hasPrefix("--base-url: ") && "\(error)".contains(reason), "\(value): \(error)")
            }
            XCTAssertFalse(FileManager.default.fileExists(atPath: site.output.path), value)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: site.root.path).sorted(), before)
        let summary = try Pipeline.build(.init(configPath: site.config.path, baseURL: "HTTPS://User.GitHub.io/repo"))
        XCTAssertEqual(summary.errors, [])
        XCTAssertTrue(try site.text("feed.xml").contains("<link rel=\"self\" href=\"https://user.github.io/repo/feed.xml\"/>"))
    }
}
