import CoreFoundation
import Foundation
import ReportModel
import ReportParser
import XCTest

@testable import SiteBuilder

final class SiteBuildTests: XCTestCase {
    func testEveryReportRegionYearTopicAndTypeHasItsPage() throws {
        let site = try SiteFixture(self)
        let summary = try site.build()
        XCTAssertEqual(summary.reports, 15)
        XCTAssertTrue(summary.errors.isEmpty, "\(summary.errors)")
        // The build cache holds every source's listing: the index the pages were made from.
        let records = SourceCache.load(from: site.root.appendingPathComponent(".archive-cache"), token: nil)
        XCTAssertEqual(records.count, 5)
        let content = try ArchiveContent(reports: records.values.flatMap(\.reports), sourceCount: records.count,
                                         classifier: TopicClassifier(topics: SiteConfig.load(site.config.path).topics), gazetteer: .shared)
        XCTAssertEqual(content.reports.count, 15)
        let paths = SitePaths(pretty: false)
        for r in content.reports {
            XCTAssertTrue(site.exists(paths.report(r.slug)), r.slug)
            XCTAssertTrue(site.exists(paths.markdown(r.slug)), r.slug)
        }
        for record in records.values { XCTAssertTrue(site.exists(paths.source(record.slug)), record.slug) }
        XCTAssertFalse(content.regions.nodes.isEmpty)
        for key in content.regions.nodes.keys { XCTAssertTrue(site.exists(paths.region(key)), key) }
        for year in content.years.keys { XCTAssertTrue(site.exists(paths.year(year.map(String.init) ?? "undated")), "\(String(describing: year))") }
        for topic in content.classifier.topics { XCTAssertTrue(site.exists(paths.topic(topic.slug)), topic.slug) }
        for type in DocType.allCases { XCTAssertTrue(site.exists(paths.type(type.slug)), type.rawValue) }
        for page in ["index.html", "404.html", "feed.xml", "sitemap.xml", "robots.txt", "style.css",
                     "regions/index.html", "years/index.html", "topics/index.html", "types/index.html"] {
            XCTAssertTrue(site.exists(page), page)
        }
    }

    func testEveryInternalLinkAndAnchorResolves() throws {
        let site = try SiteFixture(self)
        try site.build()
        let problems = LinkChecker(root: site.output).check()
        XCTAssertEqual(problems, [], "\(problems.prefix(10))")
        // The checker itself must catch a broken link and a missing anchor.
        try "<a href=\"nowhere.html\">x</a><a href=\"index.html#no-such-id\">y</a>".write(
            to: site.output.appendingPathComponent("broken.html"), atomically: true, encoding: .utf8)
        XCTAssertEqual(LinkChecker(root: site.output).check().map(\.link), ["nowhere.html", "index.html#no-such-id"])
    }

    func testHostileSourceTextStaysText() throws {
        let hostile = """
        县教育局2023年工作总结

        一、<script>alert(1)</script>加强管理
        **x** 和 _y_ 以及 [a](javascript:x) 都是原文。
        # x
        1. 不是列表
        - 也不是列表
        <img src=x onerror=alert(2)>结束。
        """
        let site = try SiteFixture(self, extraSources: ["zz-hostile.txt": hostile])
        try site.build()
        let page = try site.text("reports/zz-hostile-1.html")
        XCTAssertFalse(page.contains("<script>alert"), "raw script reached the page")
        XCTAssertFalse(page.contains("<img src=x"))
        XCTAssertFalse(page.contains("href=\"javascript"))
        XCTAssertFalse(page.contains("<strong>x</strong>"))
        XCTAssertFalse(page.contains("<em>y</em>"))
        XCTAssertFalse(page.contains("<h1>x</h1>"))
        XCTAssertFalse(page.contains("<li>不是列表"))
        XCTAssertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        XCTAssertTrue(page.contains("**x**"))
        XCTAssertTrue(page.contains("[a](javascript:x)"), "link syntax kept literally")
        let markdown = try site.text("reports/zz-hostile-1.md")
        XCTAssertTrue(markdown.contains("\\*\\*x\\*\\*"), "Markdown escapes emphasis")
    }

    func testTwoBuildsAreByteIdentical() throws {
        let site = try SiteFixture(self)
        try site.build()
        let first = try site.snapshot()
        // A full second build, not one answered from the build cache.
        try FileManager.default.removeItem(at: site.root.appendingPathComponent(".archive-cache"))
        try FileManager.default.removeItem(at: site.output)
        try site.build()
        let second = try site.snapshot()
        XCTAssertEqual(first.keys.sorted(), second.keys.sorted())
        for (path, bytes) in first { XCTAssertEqual(bytes, second[path], path) }
        XCTAssertGreaterThan(first.count, 50)
    }

    func testFailedBuildLeavesTheLastGoodSite() throws {
        let site = try SiteFixture(self)
        try site.build()
        let before = try site.snapshot()
        try "{{#broken}} never closed".write(to: site.templates.appendingPathComponent("report.mustache"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try site.build()) { error in
            XCTAssertTrue("\(error)".contains("report.mustache"), "\(error)")
        }
        XCTAssertEqual(try site.snapshot(), before)
        // The spare is the last good build's, for the next build to start from.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".public") }
        XCTAssertEqual(leftovers, [".public.spare"])
        XCTAssertEqual(SiteMarker.read(in: site.root.appendingPathComponent(".public.spare")), SiteMarker.read(in: site.output))
    }

    func testStaleFilesAreRemoved() throws {
        let site = try SiteFixture(self, extraSources: ["zz-extra.txt": "县教育局2023年工作总结\n一、加强管理。全年完成任务。\n"])
        try site.build()
        XCTAssertTrue(site.exists("reports/zz-extra-1.html"))
        try FileManager.default.removeItem(at: site.content.appendingPathComponent("zz-extra.txt"))
        // A deploy checkout inside public/ is the user's, not the build's.
        try FileManager.default.createDirectory(at: site.output.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try "ref: refs/heads/main\n".write(to: site.output.appendingPathComponent(".git/HEAD"), atomically: true, encoding: .utf8)
        try site.build()
        XCTAssertFalse(site.exists("reports/zz-extra-1.html"))
        XCTAssertTrue(site.exists(".git/HEAD"))
    }

    func testBadSourceIsNamedAndTheOthersStillBuild() throws {
        let site = try SiteFixture(self)
        try Data([0, 1, 2, 3, 0, 0, 7]).write(to: site.content.appendingPathComponent("broken.txt"))
        let summary = try site.build()
        XCTAssertEqual(summary.errors.count, 1)
        XCTAssertTrue(summary.errors[0].contains("broken.txt"), summary.errors[0])
        XCTAssertEqual(summary.reports, 15)
    }

    func testOverrideWinsAndThePageSaysSetByHand() throws {
        let site = try SiteFixture(self) { toml in
            toml + "\n[[overrides]]\nsource = \"000_155cf9d07f7bc588.txt\"\nreport = 1\nprefecture = \"马鞍山市\"\nyear = 2022\n"
                + "\n[[overrides]]\nsource = \"000_155cf9d07f7bc588.txt\"\nreport = 9\nyear = 2021\n"
                + "\n[[overrides]]\nsource = \"none.txt\"\nreport = 1\nyear = 2021\n"
        }
        let summary = try site.build()
        XCTAssertEqual(summary.warnings.filter { $0.contains("matches no report") },
                       ["archive.toml: override for 000_155cf9d07f7bc588.txt report 9 matches no report",
                        "archive.toml: override for none.txt report 1 matches no report"])
        let page = try site.text("reports/000-155cf9d07f7bc588-1.html")
        XCTAssertTrue(page.contains("马鞍山市"))
        XCTAssertTrue(page.contains("人工设定"))
        XCTAssertTrue(page.contains("years/2022.html"))
        XCTAssertTrue(try site.text("regions/340500.html").contains("000-155cf9d07f7bc588-1.html"))
    }

    func testPrettyURLsGiveFolderIndexes() throws {
        let site = try SiteFixture(self) { $0.replacingOccurrences(of: "pretty_urls = false", with: "pretty_urls = true") }
        try site.build()
        XCTAssertTrue(site.exists("reports/002-a6c8c882fd1a3a93-1/index.html"))
        XCTAssertTrue(site.exists("years/2023/index.html"))
        XCTAssertEqual(LinkChecker(root: site.output).check(), [])
    }

    func testSitemapListsEveryPageButThe404() throws {
        let site = try SiteFixture(self)
        try site.build()
        let sitemap = try site.text("sitemap.xml")
        let pages = LinkChecker(root: site.output).htmlPages().filter { $0 != "404.html" }
        for page in pages { XCTAssertTrue(sitemap.contains("<loc>https://example.org/reports/\(page)</loc>"), page) }
        XCTAssertEqual(sitemap.components(separatedBy: "<loc>").count - 1, pages.count)
        XCTAssertFalse(sitemap.contains("404.html"))
    }

    func testListsPaginateWithWorkingLinks() throws {
        let site = try SiteFixture(self) { $0.replacingOccurrences(of: "page_size = 50", with: "page_size = 2") }
        try site.build()
        // 7 reports of 2023 make four pages of two.
        XCTAssertTrue(site.exists("years/2023-4.html"))
        XCTAssertFalse(site.exists("years/2023-5.html"))
        let second = try site.text("years/2023-2.html")
        XCTAssertTrue(second.contains("href=\"../years/2023.html\""), "link back to the first page")
        XCTAssertTrue(second.contains("href=\"../years/2023-3.html\""))
        XCTAssertEqual(LinkChecker(root: site.output).check(), [])
    }

    func testAnonymisedLowerLevelIsLabelledAtTheDeepestKnownRegion() throws {
        let site = try SiteFixture(self)
        try site.build()
        // 000's second report names 杭州 but hides its district.
        let hangzhou = try site.text("regions/330100.html")
        XCTAssertTrue(hangzhou.contains("地区未知（县级）"))
        XCTAssertTrue(hangzhou.contains("000-155cf9d07f7bc588-2.html"))
    }

    func testUnchangedArchiveIsUpToDateAndAnEditRebuildsOnlyWhatChanged() throws {
        let site = try SiteFixture(self)
        let first = try site.build()
        XCTAssertFalse(first.upToDate)
        XCTAssertEqual(first.filesWritten, first.files)
        // A new process would start a new session: the cache on disk must carry over.
        XCTAssertTrue(try site.build().upToDate)

        let source = site.content.appendingPathComponent("002_a6c8c882fd1a3a93.txt")
        let text = try String(contentsOf: source, encoding: .utf8)
        try text.replacingOccurrences(of: "深化幸福教育", with: "深化快乐教育").write(to: source, atomically: true, encoding: .utf8)
        let edit = try site.build()
        XCTAssertFalse(edit.upToDate)
        XCTAssertEqual(edit.sourcesParsed, 1, "the other sources' listings come from the cache, unparsed")
        XCTAssertEqual(edit.reports, first.reports)
        XCTAssertTrue(try site.text("reports/002-a6c8c882fd1a3a93-1.html").contains("深化快乐教育"))
        // Its page, its Markdown and its source copy; index pages list titles only and stay the same.
        XCTAssertLessThanOrEqual(edit.filesWritten, 4, "only the changed report's files are rewritten")
        XCTAssertGreaterThanOrEqual(edit.filesWritten, 3)
    }

    /// The data files are not written again while no field they show changed (reused like an
    /// unchanged list page), and are when one did, even a figure inside a paragraph: then as a fresh
    /// build writes them.
    func testDataFilesAreWrittenAgainOnlyWhenAnExportedFieldChanges() throws {
        let site = try SiteFixture(self)
        try site.build()
        let json = site.output.appendingPathComponent("data/reports.json")
        let before = try Data(contentsOf: json)
        let source = site.content.appendingPathComponent("002_a6c8c882fd1a3a93.txt")
        let text = try String(contentsOf: source, encoding: .utf8)
        XCTAssertTrue(text.contains("深化幸福教育") && text.contains("新增省现代化学校8所"))
        try text.replacingOccurrences(of: "深化幸福教育", with: "深化快乐教育").write(to: source, atomically: true, encoding: .utf8)
        let paragraph = try site.build()
        XCTAssertTrue(try site.text("reports/002-a6c8c882fd1a3a93-1.html").contains("深化快乐教育"))
        XCTAssertEqual(try Data(contentsOf: json), before)
        // Saved again unchanged: nothing is rendered again, and the word above cost no more.
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: source.path)
        let touched = try site.build()
        XCTAssertEqual(paragraph.listPagesReused, touched.listPagesReused, "reports.json and reports.csv reused after the word too")

        try text.replacingOccurrences(of: "新增省现代化学校8所", with: "新增省现代化学校9所").write(to: source, atomically: true, encoding: .utf8)
        try site.build()
        let edited = try Data(contentsOf: json)
        XCTAssertTrue(String(decoding: edited, as: UTF8.self).contains("\"written\":\"9所\""))
        try FileManager.default.removeItem(at: site.root.appendingPathComponent(".archive-cache"))
        try FileManager.default.removeItem(at: site.output)
        try site.build()
        XCTAssertEqual(try Data(contentsOf: json), edited)
    }

    /// Each build after the first starts from the site the swap before it put aside (the spare):
    /// after a word changed, a source added, files dropped into the site by hand, a source removed,
    /// the site holds exactly what a clean build of the sources holds, folders included.
    func testBuildsFromTheSpareEqualACleanBuild() throws {
        let edit: (String) -> String = { $0.replacingOccurrences(of: "pretty_urls = false", with: "pretty_urls = true") }
        let site = try SiteFixture(self, configEdit: edit)
        let fm = FileManager.default
        func entries(_ folder: URL) throws -> [String: Data] {
            var out: [String: Data] = [:]
            for case let path as String in fm.enumerator(atPath: folder.path)! {
                var isFolder: ObjCBool = false
                let url = folder.appendingPathComponent(path)
                guard fm.fileExists(atPath: url.path, isDirectory: &isFolder) else { continue }
                out[isFolder.boolValue ? path + "/" : path] = isFolder.boolValue ? Data() : try Data(contentsOf: url)
            }
            return out
        }
        func assertClean(_ step: String) throws {
            let clean = try SiteFixture(self, configEdit: edit)
            try fm.removeItem(at: clean.content)
            try fm.copyItem(at: site.content, to: clean.content)
            try fm.removeItem(at: clean.config)
            try fm.copyItem(at: site.config, to: clean.config)
            try clean.build()
            let (built, expected) = (try entries(site.output), try entries(clean.output))
            XCTAssertEqual(Set(built.keys).subtracting(expected.keys).sorted(), [], "\(step): entries a clean build lacks")
            XCTAssertEqual(Set(expected.keys).subtracting(built.keys).sorted(), [], "\(step): entries missing")
            for (path, bytes) in expected where built[path] != bytes { XCTFail("\(step): \(path) differs") }
        }
        let spare = site.root.appendingPathComponent(".public.spare")
        /// True when the spare is the site in place linked: the same files, sharing their bytes, but
        /// the data export, of which it holds copies of its own to rewrite in place.
        func spareIsTheSiteLinked() throws -> Bool {
            let (linked, inPlace) = (try entries(spare), try entries(site.output))
            guard linked == inPlace, SiteMarker.read(in: spare) == SiteMarker.read(in: site.output) else { return false }
            return try linked.keys.filter { !$0.hasSuffix("/") && $0 != SiteMarker.fileName }.allSatisfy { path in
                let (a, b) = (try fm.attributesOfItem(atPath: spare.appendingPathComponent(path).path),
                              try fm.attributesOfItem(atPath: site.output.appendingPathComponent(path).path))
                let shared = (a[.systemFileNumber] as? Int) == (b[.systemFileNumber] as? Int)
                return shared != ["data/reports.json", "data/reports.csv"].contains(path)
            }
        }
        try site.build()
        XCTAssertTrue(try spareIsTheSiteLinked(), "a first build has no site to put aside: its own, linked, is the next build's start")
        let firstID = SiteMarker.read(in: site.output)

        let source = site.content.appendingPathComponent("002_a6c8c882fd1a3a93.txt")
        try String(contentsOf: source, encoding: .utf8).replacingOccurrences(of: "深化幸福教育", with: "深化快乐教育")
            .write(to: source, atomically: true, encoding: .utf8)
        XCTAssertEqual(try site.build().filesWritten, 3, "the report's page, its Markdown and its source copy")
        XCTAssertEqual(SiteMarker.read(in: spare), firstID, "the site before the swap is the spare")
        try assertClean("a word changed")

        try "县教育局2023年工作总结\n一、加强管理。全年完成任务。\n".write(to: site.content.appendingPathComponent("zz-new.txt"), atomically: true, encoding: .utf8)
        try site.build()
        try assertClean("a source added")

        // Dropped into the site in place: no clean build has them. The next swap puts them aside
        // with that site, and the build after it starts from there.
        try fm.createDirectory(at: site.output.appendingPathComponent("reports/by-hand"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: site.output.appendingPathComponent("reports/by-hand/index.html"))
        try Data("x".utf8).write(to: site.output.appendingPathComponent("notes.html"))
        for word in ["深化开心教育", "深化幸福教育"] {
            try String(contentsOf: source, encoding: .utf8).replacingOccurrences(of: "深化快乐教育", with: word)
                .replacingOccurrences(of: "深化开心教育", with: word).write(to: source, atomically: true, encoding: .utf8)
            try site.build()
            try assertClean("files added by hand, then \(word)")
        }

        try fm.removeItem(at: site.content.appendingPathComponent("zz-new.txt"))
        try site.build()
        try assertClean("a source removed")
        try fm.removeItem(at: site.content.appendingPathComponent("001_a1db3f4728575eb8.txt"))
        try site.build()
        try assertClean("another source removed")

        // A change to every page puts no site aside, which would hold a second copy of the site's
        // bytes: the spare is the new site, linked.
        let config = try String(contentsOf: site.config, encoding: .utf8)
        try config.replacingOccurrences(of: "\ntitle = \"", with: "\ntitle = \"新").write(to: site.config, atomically: true, encoding: .utf8)
        let retitled = try site.build()
        XCTAssertGreaterThan(retitled.filesWritten * 8, retitled.files, "most pages show the title")
        XCTAssertTrue(try spareIsTheSiteLinked())
        try String(contentsOf: source, encoding: .utf8).replacingOccurrences(of: "深化幸福教育", with: "深化快乐教育")
            .write(to: source, atomically: true, encoding: .utf8)
        let edited = try site.build()
        XCTAssertEqual(edited.filesWritten, 3)
        XCTAssertEqual(edited.filesLinked, 0, "started from the linked spare, which holds every unchanged file")
        try assertClean("a word changed after a change to every page")
    }

    func testIncrementalBuildEqualsAFullBuild() throws {
        // Pages reused from the last build must be exactly what a fresh build would write,
        // also after a source is added (nothing on a report page may depend on the archive's size).
        let site = try SiteFixture(self)
        try site.build()
        try "县教育局2023年工作总结\n一、加强管理。全年完成任务。\n".write(
            to: site.content.appendingPathComponent("zz-new.txt"), atomically: true, encoding: .utf8)
        var incremental = try site.build()
        XCTAssertLessThan(incremental.reportPagesRendered, incremental.reports, "unchanged reports were reused")
        // A title edit changes every list the report is on; the other lists are reused.
        let source = site.content.appendingPathComponent("002_a6c8c882fd1a3a93.txt")
        let text = try String(contentsOf: source, encoding: .utf8)
        XCTAssertTrue(text.contains("余姚市教育局2023年工作总结和2024年工作思路"))
        try text.replacingOccurrences(of: "余姚市教育局2023年工作总结和2024年工作思路", with: "余姚市教育局2023年工作总结和2024年工作思路（修订稿）").write(to: source, atomically: true, encoding: .utf8)
        incremental = try site.build()
        XCTAssertGreaterThan(incremental.listPagesReused, 0, "lists without the edited report are linked, not rendered")
        let reused = try site.snapshot()
        try FileManager.default.removeItem(at: site.root.appendingPathComponent(".archive-cache"))
        try FileManager.default.removeItem(at: site.output)
        try site.build()
        let fresh = try site.snapshot()
        XCTAssertEqual(reused.keys.sorted(), fresh.keys.sorted())
        for (path, bytes) in fresh { XCTAssertEqual(reused[path], bytes, path) }
    }

    /// An edit undone renders no list page and no data file: each is kept as the spare holds it,
    /// rendered two builds ago from the key it has again, and the site is a clean build's.
    func testAnEditUndoneKeepsTheSparesLists() throws {
        let site = try SiteFixture(self)
        // Enough sources that an edit to one writes an eighth of the files at most: the swap then
        // keeps the site it puts aside as the spare.
        for i in 0..<40 {
            try "县教育局\(2000 + i)年工作总结\n一、加强管理。全年完成任务\(i)项。\n".write(
                to: site.content.appendingPathComponent("zz-\(i).txt"), atomically: true, encoding: .utf8)
        }
        try site.build()
        let source = site.content.appendingPathComponent("002_a6c8c882fd1a3a93.txt")
        let text = try String(contentsOf: source, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: source.path)
        let keyed = try site.build().listPagesReused  // saved unchanged: every keyed page reused
        let title = "余姚市教育局2023年工作总结和2024年工作思路"
        XCTAssertTrue(text.contains(title))
        try text.replacingOccurrences(of: title, with: title + "（修订稿）").write(to: source, atomically: true, encoding: .utf8)
        let edited = try site.build()
        XCTAssertLessThan(edited.listPagesReused, keyed, "the report's lists and the data files are made again")
        let changed = try site.snapshot()
        try text.write(to: source, atomically: true, encoding: .utf8)
        let undone = try site.build()
        XCTAssertEqual(undone.listPagesReused, keyed)
        let kept = try site.snapshot()
        XCTAssertNotEqual(kept, changed)
        try FileManager.default.removeItem(at: site.root.appendingPathComponent(".archive-cache"))
        try FileManager.default.removeItem(at: site.output)
        try site.build()
        XCTAssertEqual(try site.snapshot(), kept)
    }

    /// The copy of a source is its text as decoded, in UTF-8 with a byte-order mark, whatever the
    /// source's encoding and line ends; plain UTF-8 is copied byte for byte.
    func testSourceCopiesAreTheDecodedTextInUTF8() throws {
        let text = "县教育局2023年工作总结\n一、加强管理。全年完成任务。\n"
        let site = try SiteFixture(self)
        try Data(text.utf8).write(to: site.content.appendingPathComponent("plain.txt"))
        try Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8).write(to: site.content.appendingPathComponent("crlf.txt"))
        let gb = try XCTUnwrap(text.data(using: String.Encoding(rawValue: CFStringConvertEncodingToNSStringEncoding(CFStringEncoding(CFStringEncodings.GB_18030_2000.rawValue)))))
        XCTAssertNotEqual(gb, Data(text.utf8))
        try gb.write(to: site.content.appendingPathComponent("gb.txt"))
        try site.build()
        for name in ["plain", "crlf", "gb"] {
            let copy = try Data(contentsOf: site.output.appendingPathComponent("sources/\(name).txt"))
            XCTAssertEqual(copy, Data([0xEF, 0xBB, 0xBF] + Array(text.utf8)), name)
        }
    }
}
