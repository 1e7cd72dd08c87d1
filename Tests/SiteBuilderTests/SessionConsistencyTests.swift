import Foundation
import XCTest

@testable import SiteBuilder

/// A long-lived session (`archive serve`) and builds by other processes share one site: neither
/// may trust state the other made stale.
final class SessionConsistencyTests: XCTestCase {
    static let sourceName = "002_a6c8c882fd1a3a93.txt"
    static let phrase = "开展问题大排查大整治专项行动"

    private func edit(_ site: SiteFixture, to replacement: String) throws {
        let source = site.content.appendingPathComponent(Self.sourceName)
        let text = try String(contentsOf: source, encoding: .utf8)
        try text.replacingOccurrences(of: Self.phrase, with: replacement).write(to: source, atomically: true, encoding: .utf8)
    }

    /// A clean build of the repository's sources with `phrase` replaced, as another project would make it.
    private func cleanSite(replacing replacement: String?) throws -> [String: Data] {
        let clean = try SiteFixture(self)
        if let replacement { try edit(clean, to: replacement) }
        try clean.build()
        return try clean.snapshot()
    }

    private func serveSession(_ site: SiteFixture) -> BuildSession {
        var options = Pipeline.Options(configPath: site.config.path)
        options.skipWhenUpToDate = false
        return BuildSession(options)
    }

    /// `build --base-url X` while serve runs, then an edit: serve must not write its pages into the
    /// other build's site, and its rebuild and a plain build after it equal a clean build.
    func testABuildByAnotherProcessIsNotMixedIntoTheSessions() throws {
        let site = try SiteFixture(self)
        let session = serveSession(site)
        _ = try session.build()
        _ = try Pipeline.build(.init(configPath: site.config.path, baseURL: "https://reports.example.net/"))
        XCTAssertTrue(try site.text("feed.xml").contains("https://reports.example.net/"))

        try edit(site, to: "开展一项新的专项行动")
        XCTAssertNil(session.updateReportPages(changed: [site.content.appendingPathComponent(Self.sourceName).path]),
                     "the site in place is another build's: the fast path must leave it alone")
        _ = try session.build()
        let expected = try cleanSite(replacing: "开展一项新的专项行动")
        XCTAssertEqual(try site.snapshot(), expected)
        let plain = try site.build()
        XCTAssertTrue(plain.upToDate)
        XCTAssertEqual(try site.snapshot(), expected)
    }

    /// The fast path edits the site in place; if the session then dies before its rebuild, the next
    /// build (another process) must not take that site for the one its cache describes.
    func testASiteEditedInPlaceIsNotTrustedByTheNextBuild() throws {
        let site = try SiteFixture(self)
        let session = serveSession(site)
        _ = try session.build()
        let before = try site.snapshot()
        try edit(site, to: "开展一项新的专项行动")
        let written = try XCTUnwrap(session.updateReportPages(changed: [site.content.appendingPathComponent(Self.sourceName).path]))
        XCTAssertFalse(written.isEmpty)
        XCTAssertNotEqual(try site.snapshot()[SiteMarker.fileName], before[SiteMarker.fileName], "the marker changes with the pages")

        // The session is gone; the edit is taken back; a new process builds.
        let source = site.content.appendingPathComponent(Self.sourceName)
        let original = try String(contentsOf: SiteFixture.repository.appendingPathComponent("content/\(Self.sourceName)"), encoding: .utf8)
        try original.write(to: source, atomically: true, encoding: .utf8)
        let summary = try site.build()
        XCTAssertFalse(summary.upToDate)
        XCTAssertEqual(try site.snapshot(), before)
    }
}
