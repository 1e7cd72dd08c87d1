import Foundation
import XCTest

@testable import SiteBuilder

final class EarlierItemsTests: XCTestCase {
    /// A report of `year` filed under the preschool topic, with `extra` in its passage. Years from
    /// 2040 on put them at the top of the topic's list, above the fixture's reports.
    private func report(_ year: Int, _ extra: String = "") -> String {
        "某县教育局\(year)年工作总结\n\n一、学前教育普惠发展\n全年新建幼儿园\(year - 2000)所，\(extra)普惠性幼儿园覆盖率达到85%。\n二、教师队伍建设\n招聘教师120名。\n"
    }

    private func site(pageSize: Int) throws -> SiteFixture {
        let sources = Dictionary(uniqueKeysWithValues: (2040...2051).map { ("zz-\($0).txt", report($0)) })
        return try SiteFixture(self, extraSources: sources) { $0.replacingOccurrences(of: "page_size = 50", with: "page_size = \(pageSize)") }
    }

    /// The items of a page are cut whole, source markup and all, and joined by line breaks they
    /// are the page's list.
    func testCutGivesEachItemOfAPage() throws {
        let site = try site(pageSize: 50)
        try "某县教育局2023年工作总结</span>\n<li>\n\n一、学前教育</ul>\n</li>\n全年新建幼儿园5所，<li>\n<a class=\"report-title\" href=\"x\">普惠性幼儿园。\n"
            .write(to: site.content.appendingPathComponent("zz-markup.txt"), atomically: true, encoding: .utf8)
        try site.build()
        let page = try Array(site.text("topics/preschool.html").utf8)
        let items = EarlierItems.cut(page)
        let text = String(decoding: page, as: UTF8.self)
        let list = try XCTUnwrap(text.range(of: "<ol class=\"report-list\">\n")?.upperBound)
        let end = try XCTUnwrap(text.range(of: "\n</ol>", range: list..<text.endIndex)?.lowerBound)
        XCTAssertEqual(items.count, text.components(separatedBy: "class=\"report-title\"").count - 1)
        XCTAssertGreaterThan(items.count, 12)
        XCTAssertEqual(items.map { String(decoding: page[$0], as: UTF8.self) }.joined(separator: "\n"), String(text[list..<end]))
        let href = EarlierItems.href(try XCTUnwrap(items.first), in: page)
        XCTAssertTrue(String(decoding: page[href], as: UTF8.self).hasPrefix("../reports/"))
    }

    /// A report that joins a listing at its top shifts every later page by an item: those pages'
    /// items are cut from the pages in place, not made again.
    func testShiftedPagesTakeTheirItemsFromThePagesInPlace() throws {
        let site = try site(pageSize: 2)
        try site.build()
        let third = site.output.appendingPathComponent("topics/preschool-3.html")
        let before = try String(contentsOf: third, encoding: .utf8)
        XCTAssertEqual(before.components(separatedBy: "<span class=\"report-meta\">").count, 3, "two items")
        try before.replacingOccurrences(of: "<span class=\"report-meta\">", with: "<span class=\"report-meta\" data-cut=\"\">")
            .write(to: third, atomically: true, encoding: .utf8)
        try report(2060).write(to: site.content.appendingPathComponent("zz-2060.txt"), atomically: true, encoding: .utf8)
        try site.build()
        XCTAssertTrue(try site.text("topics/preschool-3.html").contains("data-cut"), "the first item of the third page moved on it")
        XCTAssertTrue(try site.text("topics/preschool-4.html").contains("data-cut"), "its second item moved to the fourth page")
        XCTAssertFalse(try site.text("topics/preschool-5.html").contains("data-cut"))
    }

    /// Shifted pages, and the page of a report edited in the same build, equal a clean build's,
    /// and so do they once the edit is undone.
    func testShiftedPagesEqualACleanBuild() throws {
        let site = try site(pageSize: 2)
        try site.build()
        func assertClean(_ message: String) throws {
            let incremental = try site.snapshot()
            let moved = site.root.appendingPathComponent("moved")
            try FileManager.default.createDirectory(at: moved, withIntermediateDirectories: true)
            try FileManager.default.moveItem(at: site.output, to: moved.appendingPathComponent("public"))
            try FileManager.default.moveItem(at: site.root.appendingPathComponent(".archive-cache"), to: moved.appendingPathComponent("cache"))
            try site.build()
            let fresh = try site.snapshot()
            XCTAssertEqual(incremental.keys.sorted(), fresh.keys.sorted(), message)
            for (path, bytes) in fresh { XCTAssertEqual(incremental[path], bytes, "\(message): \(path)") }
            try FileManager.default.removeItem(at: moved)
        }
        let added = site.content.appendingPathComponent("zz-2060.txt"), edited = site.content.appendingPathComponent("zz-2045.txt")
        try report(2060).write(to: added, atomically: true, encoding: .utf8)
        try report(2045, "新增幼儿园学位，").write(to: edited, atomically: true, encoding: .utf8)
        try site.build()
        XCTAssertTrue(try site.text("topics/preschool-4.html").contains("新增<mark>幼儿园</mark>学位"), "the edited report, shifted")
        try assertClean("a report added and one edited")
        try FileManager.default.removeItem(at: added)
        try report(2045).write(to: edited, atomically: true, encoding: .utf8)
        try site.build()
        try assertClean("both undone")
    }
}
