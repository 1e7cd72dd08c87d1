import Foundation
import XCTest

@testable import SiteBuilder

/// Index files that list the whole archive (the sitemap, the regions' tree) are linked from the
/// site in place while what they list is the same, and made again when it is not.
final class IndexKeysTests: XCTestCase {
    func testTheSitemapAndTheRegionTreeFollowTheArchive() throws {
        let site = try SiteFixture(self)
        try site.build()
        let tree = try site.text("regions/index.html"), sitemap = try site.text("sitemap.xml")
        let unchanged = try site.build()
        XCTAssertEqual(try site.text("regions/index.html"), tree)
        XCTAssertEqual(try site.text("sitemap.xml"), sitemap)
        XCTAssertEqual(unchanged.filesWritten, 0)

        // A second copy of a source adds reports to its region: the tree's counts and the sitemap change.
        let source = site.content.appendingPathComponent("002_a6c8c882fd1a3a93.txt")
        try FileManager.default.copyItem(at: source, to: site.content.appendingPathComponent("zz-copy.txt"))
        try site.build()
        XCTAssertNotEqual(try site.text("regions/index.html"), tree)
        XCTAssertTrue(try site.text("sitemap.xml").contains("/reports/zz-copy-1.html</loc>"))
        // A source renamed renames its report's page, and no other (a short report has no near duplicates).
        let new = site.content.appendingPathComponent("zz-new.txt")
        try "县教育局2023年工作总结\n一、加强管理。全年完成任务。\n".write(to: new, atomically: true, encoding: .utf8)
        try site.build()
        try FileManager.default.moveItem(at: new, to: site.content.appendingPathComponent("zz-moved.txt"))
        try site.build()
        let renamed = try site.text("sitemap.xml")
        XCTAssertTrue(renamed.contains("/reports/zz-moved-1.html</loc>") && !renamed.contains("zz-new"), renamed)
        let incremental = try [site.text("regions/index.html"), renamed]
        try FileManager.default.removeItem(at: site.root.appendingPathComponent(".archive-cache"))
        try FileManager.default.removeItem(at: site.output)
        try site.build()
        XCTAssertEqual(incremental, try [site.text("regions/index.html"), site.text("sitemap.xml")])
    }
}
