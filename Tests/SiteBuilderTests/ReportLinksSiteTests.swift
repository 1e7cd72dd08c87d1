import Foundation
import XCTest

@testable import SiteBuilder

/// The links between reports on a built site: a report's neighbours in its region and its
/// near-duplicates on its page, the clusters page, their compare pages; and an incremental build
/// that changes them equals a clean one.
final class ReportLinksSiteTests: XCTestCase {
    static let original = "002_a6c8c882fd1a3a93.txt"
    static let originalPage = "reports/002-a6c8c882fd1a3a93-1.html"

    /// The seed report as another county's bureau reposts it: the place names swapped.
    private func repost(as county: String) throws -> String {
        try String(contentsOf: SiteFixture.repository.appendingPathComponent("content/\(Self.original)"), encoding: .utf8)
            .replacingOccurrences(of: "余姚", with: county).replacingOccurrences(of: "姚优教", with: "优教")
    }

    /// A short report of 慈溪市: too little text for a signature, but a neighbour in its region.
    private func cixi(_ year: Int, _ kind: String = "工作总结") -> String {
        "慈溪市教育局\(year)年\(kind)\n一、加强教育管理\n全年完成各项任务，教育质量稳步提升。\n二、推进学校建设\n新建学校\(year - 2019)所。\n"
    }

    /// 慈溪市: a summary for 2021, a plan for 2022, the repost (a summary and plan) for 2023 and a
    /// summary for 2024.
    /// The repository's config with `[compare] neighbours` on.
    private static func withNeighbours(_ toml: String) -> String {
        toml.replacingOccurrences(of: "\nneighbours = false", with: "\nneighbours = true")
    }

    private func site(neighbours: Bool = true) throws -> SiteFixture {
        let short = "教育局2022年工作总结\n一、加强教育管理\n全年完成各项任务，教育质量稳步提升，新建学校两所。\n"
        return try SiteFixture(self, extraSources: [
            "cixi-2023.txt": try repost(as: "慈溪"), "cixi-2021.txt": cixi(2021), "cixi-2022-plan.txt": cixi(2022, "工作要点"),
            "cixi-2024.txt": cixi(2024), "short-a.txt": "海曙区" + short, "short-b.txt": "江北区" + short,
        ], configEdit: neighbours ? Self.withNeighbours : { $0 })
    }

    /// A clean build, in a project of its own, of the sources `site` has now.
    private func assertEqualsACleanBuild(_ site: SiteFixture, _ message: String, line: UInt = #line) throws {
        let clean = try SiteFixture(self, configEdit: Self.withNeighbours)
        try FileManager.default.removeItem(at: clean.content)
        try FileManager.default.copyItem(at: site.content, to: clean.content)
        try clean.build()
        let expected = try clean.snapshot(), actual = try site.snapshot()
        XCTAssertEqual(actual.keys.sorted(), expected.keys.sorted(), message, line: line)
        for (path, bytes) in expected where actual[path] != bytes { XCTFail("\(message): \(path) differs", line: line) }
    }

    func testAReportPageLinksItsNeighboursAndNearDuplicatesAndEveryLinkResolves() throws {
        let site = try site()
        XCTAssertEqual(try site.build().errors, [])

        let copy = try site.text("reports/cixi-2023-1.html")
        XCTAssertTrue(copy.contains("内容相近的报告"))
        XCTAssertTrue(copy.contains("href=\"../\(Self.originalPage)\""), "the copy links its original")
        XCTAssertTrue(copy.contains("% 相同</span> <a class=\"compare\" href=\"../compare/"))
        XCTAssertTrue(copy.contains("<span class=\"rel\">上一篇</span> <a href=\"../reports/cixi-2022-plan-1.html\">"))
        XCTAssertTrue(copy.contains("<span class=\"rel\">下一篇</span> <a href=\"../reports/cixi-2024-1.html\">"))
        XCTAssertTrue(copy.contains("按年份、类型先后排列"), "the page says in which order")
        XCTAssertFalse(copy.contains("<span class=\"rel\">同类"), "no other report of its type in 慈溪市")
        let original = try site.text(Self.originalPage)
        XCTAssertTrue(original.contains("href=\"../reports/cixi-2023-1.html\""), "the original links its copy")

        let older = try site.text("reports/cixi-2021-1.html")
        XCTAssertTrue(older.contains("<span class=\"rel\">下一篇</span> <a href=\"../reports/cixi-2022-plan-1.html\">"))
        XCTAssertFalse(older.contains("上一篇"))
        XCTAssertTrue(older.contains("<span class=\"rel\">同类下一篇</span> <a href=\"../reports/cixi-2024-1.html\">"), "the next summary, past the plan and the repost")
        XCTAssertTrue(older.contains("<a class=\"compare\" href=\"../compare/cixi-2021-1--cixi-2024-1.html\">比较</a>"))
        XCTAssertEqual(older.components(separatedBy: "class=\"compare\"").count, 2, "a compare page for the next of its type only")
        XCTAssertTrue(try site.text("reports/cixi-2024-1.html").contains("<span class=\"rel\">同类上一篇</span> <a href=\"../reports/cixi-2021-1.html\">"))
        XCTAssertFalse(older.contains("内容相近的报告"), "too short for a signature")
        for name in ["short-a", "short-b"] {
            XCTAssertFalse(try site.text("reports/\(name)-1.html").contains("内容相近的报告"), "\(name): below the shingle minimum")
        }
        for seed in ["000-155cf9d07f7bc588-1", "001-a1db3f4728575eb8-1", "004-19cf16a0cc95029b-1"] {
            XCTAssertFalse(try site.text("reports/\(seed).html").contains("内容相近的报告"), "\(seed) copies no other report")
        }

        let clusters = try site.text("duplicates/index.html")
        XCTAssertTrue(clusters.contains("第 1 组 · 2 篇"))
        XCTAssertFalse(clusters.contains("第 2 组"))
        XCTAssertTrue(clusters.contains("cixi-2023.txt") && clusters.contains(Self.original))
        XCTAssertTrue(try site.text("index.html").contains("duplicates/index.html"))

        let problems = SiteChecker(site: site.output, baseURL: "https://example.org/reports/", language: "zh-CN").check()
        XCTAssertEqual(problems.map { "\($0)" }, [])
    }

    func testIncrementalBuildsThatChangeTheLinksEqualCleanBuilds() throws {
        let site = try site()
        try site.build()

        try cixi(2022).write(to: site.content.appendingPathComponent("cixi-2022.txt"), atomically: true, encoding: .utf8)
        let added = try site.build()
        XCTAssertLessThan(added.reportPagesRendered, added.reports, "unchanged sources are not parsed again")
        let older = try site.text("reports/cixi-2021-1.html")
        XCTAssertTrue(older.contains("<span class=\"rel\">下一篇</span> <a href=\"../reports/cixi-2022-1.html\">"))
        XCTAssertTrue(older.contains("href=\"../compare/cixi-2021-1--cixi-2022-1.html\""), "its compare page is now with 2022's summary")
        XCTAssertFalse(older.contains("同类下一篇"))
        try assertEqualsACleanBuild(site, "after a report joined a region")

        try FileManager.default.removeItem(at: site.content.appendingPathComponent("cixi-2021.txt"))
        try site.build()
        XCTAssertFalse(try site.text("reports/cixi-2022-1.html").contains("上一篇"))
        XCTAssertFalse(try site.snapshot().keys.contains { $0.hasPrefix("compare/cixi-2021") }, "its compare pages are gone")
        try assertEqualsACleanBuild(site, "after a report left a region")

        try repost(as: "奉化").write(to: site.content.appendingPathComponent("fenghua-2023.txt"), atomically: true, encoding: .utf8)
        try site.build()
        XCTAssertTrue(try site.text(Self.originalPage).contains("href=\"../reports/fenghua-2023-1.html\""))
        XCTAssertTrue(try site.text("duplicates/index.html").contains("第 1 组 · 3 篇"))
        try assertEqualsACleanBuild(site, "after a near-duplicate was added")
    }

    /// A report's links show its neighbours' titles: a neighbour retitled changes the pages of
    /// reports whose sources are not parsed again.
    func testANeighboursNewTitleReachesThePagesThatLinkIt() throws {
        let site = try site()
        try site.build()
        try cixi(2022, "工作要点（修订稿）").write(to: site.content.appendingPathComponent("cixi-2022-plan.txt"), atomically: true, encoding: .utf8)
        let retitled = try site.build()
        XCTAssertEqual(retitled.sourcesParsed, 1)
        XCTAssertTrue(try site.text("reports/cixi-2021-1.html").contains("慈溪市教育局2022年工作要点（修订稿）</bdi></a>"))
        try assertEqualsACleanBuild(site, "after a neighbour was retitled")
    }

    /// By default only near-duplicates get compare pages: the neighbours of one type are linked
    /// as reports, without a compare page.
    func testNeighboursGetComparePagesOnlyWhenAskedFor() throws {
        let site = try site(neighbours: false)
        XCTAssertEqual(try site.build().errors, [])
        let older = try site.text("reports/cixi-2021-1.html")
        XCTAssertTrue(older.contains("<span class=\"rel\">同类下一篇</span> <a href=\"../reports/cixi-2024-1.html\">"))
        XCTAssertFalse(older.contains("class=\"compare\""))
        let pages = try site.snapshot().keys.filter { $0.hasPrefix("compare/") }
        XCTAssertEqual(pages.count, 1, "the near-duplicate pair's page: \(pages)")
        XCTAssertTrue(try site.text("reports/cixi-2023-1.html").contains("% 相同</span> <a class=\"compare\" href=\"../compare/"))
    }

    /// A report template whose end differs between reports (or that has no slot) gives whole pages
    /// without the links, never a page cut short or a marker left in it.
    func testATemplateThatCannotBeFinishedLaterGivesWholePagesWithoutTheLinks() throws {
        for replacement in ["{{{relationsHTML}}}<p class=\"end\">{{title}}</p>", ""] {
            let site = try site()
            let template = site.templates.appendingPathComponent("report.mustache")
            let text = try String(contentsOf: template, encoding: .utf8)
            XCTAssertTrue(text.contains("{{{relationsHTML}}}"))
            try text.replacingOccurrences(of: "{{{relationsHTML}}}", with: replacement).write(to: template, atomically: true, encoding: .utf8)
            XCTAssertEqual(try site.build().errors, [])
            let page = try site.text("reports/cixi-2023-1.html")
            XCTAssertFalse(page.contains(ReportPageSlot.marker))
            XCTAssertFalse(page.contains("内容相近的报告"))
            XCTAssertTrue(page.hasSuffix("</html>\n"), "the whole page")
            if !replacement.isEmpty { XCTAssertTrue(page.contains("<p class=\"end\">慈溪市教育局2023年")) }
        }
    }

    /// The preview server rewrites a page whole, its links taken from the last build: the same bytes
    /// a build writes.
    func testThePreviewServersPageHasTheLinksABuildGivesIt() throws {
        let site = try site()
        var options = Pipeline.Options(configPath: site.config.path)
        options.skipWhenUpToDate = false
        let session = BuildSession(options)
        _ = try session.build()
        let built = try site.text("reports/cixi-2023-1.html")
        let source = site.content.appendingPathComponent("cixi-2023.txt")
        try (try String(contentsOf: source, encoding: .utf8)).write(to: source, atomically: true, encoding: .utf8)
        let written = try XCTUnwrap(session.updateReportPages(changed: [source.path]))
        // The fast path writes only pages whose bytes changed: the same bytes leave it nothing to write.
        XCTAssertFalse(written.contains("reports/cixi-2023-1.html"), "the fast path's page differs from the build's")
        XCTAssertEqual(try site.text("reports/cixi-2023-1.html"), built)
    }
}
