import Foundation
import XCTest

@testable import SiteBuilder

/// `archive serve` with sources in folders: the watcher sees their edits, and the fast path rewrites their pages.
final class NestedSourceServeTests: XCTestCase {
    static let relative = "浙江省/宁波市/余姚市-2023.txt"
    static let slug = "zhe-jiang-sheng-ning-bo-shi-yu-yao-shi-2023"
    static let phrase = "开展问题大排查大整治专项行动"

    private func nestedSite() throws -> SiteFixture {
        let site = try SiteFixture(self)
        let target = site.content.appendingPathComponent(Self.relative)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: site.content.appendingPathComponent("002_a6c8c882fd1a3a93.txt"), to: target)
        return site
    }

    func testTheFastPathRewritesTheReportPagesOfASourceInAFolder() throws {
        let site = try nestedSite()
        var options = Pipeline.Options(configPath: site.config.path)
        options.skipWhenUpToDate = false
        let session = BuildSession(options)
        _ = try session.build()
        let source = site.content.appendingPathComponent(Self.relative)
        let text = try String(contentsOf: source, encoding: .utf8)
        XCTAssertTrue(text.contains(Self.phrase))
        try text.replacingOccurrences(of: Self.phrase, with: "开展一项新的专项行动").write(to: source, atomically: true, encoding: .utf8)
        let written = try XCTUnwrap(session.updateReportPages(changed: [source.path]))
        XCTAssertTrue(written.contains { $0.hasPrefix("reports/\(Self.slug)-") }, "\(written)")
        let pages = written.filter { $0.hasSuffix(".html") }.map { try? site.text($0) }
        XCTAssertTrue(pages.contains { $0?.contains("开展一项新的专项行动") == true }, "the edit is on its page")
    }

    func testTheWatcherSeesFilesInFolders() throws {
        let site = try nestedSite()
        let watcher = SourceWatcher(config: try SiteConfig.load(site.config.path), configPath: site.config.path)
        let path = site.content.appendingPathComponent(Self.relative).path
        XCTAssertNotNil(watcher.snapshot()[path], "\(watcher.snapshot().keys.sorted())")
    }
}
