import Foundation
import XCTest

@testable import SiteBuilder

final class TopicPageTests: XCTestCase {
    /// Under each report, newest first, the sentences that carry the topic's words, marked and
    /// linked to their section; the source's markup stays text.
    func testTopicPageShowsMarkedPassagesLinkedToTheirSections() throws {
        func report(_ year: Int) -> String {
            """
            某县教育局\(year)年工作总结

            一、学前教育普惠发展
            学前三年毛入园率达到90%。全年新建幼儿园\(year - 2000)所，<script>alert(1)</script>普惠性幼儿园覆盖率达到85%。
            二、教师队伍建设
            招聘教师120名，组织教师全员培训3000人次，评选骨干教师50名。
            """
        }
        let site = try SiteFixture(self, extraSources: ["zz-old.txt": report(2019), "zz-new.txt": report(2024)])
        try site.build()
        let page = try site.text("topics/preschool.html")
        let new = try XCTUnwrap(page.range(of: "href=\"../reports/zz-new-1.html\""), page)
        let old = try XCTUnwrap(page.range(of: "href=\"../reports/zz-old-1.html\""), page)
        XCTAssertLessThan(new.lowerBound, old.lowerBound, "newest first")
        let end = try XCTUnwrap(page.range(of: "\n</li>", range: new.upperBound..<page.endIndex))
        let item = String(page[new.lowerBound..<end.lowerBound])
        XCTAssertTrue(item.contains("<li><a href=\"../reports/zz-new-1.html#s1\"><bdi>一、学前教育普惠发展</bdi></a><p class=\"passage\">"), item)
        XCTAssertTrue(item.contains("<p class=\"passage\">全年新建<mark>幼儿园</mark>24所，&lt;script&gt;alert(1)&lt;/script&gt;<mark>普惠</mark>性<mark>幼儿园</mark>覆盖率达到85%。</p>"),
                      "the section's sentence with the most of the topic's words: \(item)")
        XCTAssertFalse(item.contains("#s2"), "the teachers' section is not on the preschool page: \(item)")
        XCTAssertFalse(page.contains("<script>alert"), "raw script reached the page")
        let teachers = try site.text("topics/teachers.html")
        XCTAssertTrue(teachers.contains("<a href=\"../reports/zz-new-1.html#s2\"><bdi>二、教师队伍建设</bdi></a><p class=\"passage\"><mark>招聘教师</mark>120名，组织<mark>教师</mark>全员培训"), teachers)
    }

    /// An edit that changes only a passage reaches the topic page of the next build; a report whose
    /// source did not change keeps its passages; one passage file stays in the cache.
    func testRebuildsKeepThePassagesCurrent() throws {
        let report = "某县教育局2024年工作总结\n\n一、学前教育普惠发展\n全年新建幼儿园24所，普惠性幼儿园覆盖率达到85%。\n二、教师队伍建设\n招聘教师120名，组织教师全员培训3000人次。\n"
        let site = try SiteFixture(self, extraSources: ["zz-edit.txt": report])
        try site.build()
        XCTAssertTrue(try site.text("topics/preschool.html").contains("全年新建<mark>幼儿园</mark>24所"))
        try report.replacingOccurrences(of: "24所", with: "25所").write(to: site.content.appendingPathComponent("zz-edit.txt"), atomically: true, encoding: .utf8)
        let summary = try site.build()
        XCTAssertEqual(summary.sourcesParsed, 1)
        let page = try site.text("topics/preschool.html")
        XCTAssertTrue(page.contains("全年新建<mark>幼儿园</mark>25所"), "the edited passage")
        XCTAssertTrue(page.contains("<a href=\"../reports/000-155cf9d07f7bc588-1.html#s2-2\"><bdi>(二)落实扶持政策,加大普惠园建设。</bdi></a><p class=\"passage\">"),
                      "an unchanged source's passages, carried over: \(page)")
        let cache = try FileManager.default.contentsOfDirectory(atPath: site.root.appendingPathComponent(".archive-cache").path)
        XCTAssertEqual(cache.filter { $0.hasPrefix("listing-") }.count, 1, "\(cache)")
    }

    /// A rebuild after an edit reads the unchanged reports' outlines and passages from the build's
    /// store: whether that store extends the last one or is copied afresh (the last one mostly bytes
    /// no report refers to), every page and data file equals a clean build's of the same sources.
    func testRebuildsFromTheStoreEqualACleanBuild() throws {
        let report = "某县教育局2024年工作总结\n\n一、学前教育普惠发展\n全年新建幼儿园24所，普惠性幼儿园覆盖率达到85%。\n二、教师队伍建设\n招聘教师120名，组织教师全员培训3000人次。\n"
        for copied in [false, true] {
            let site = try SiteFixture(self, extraSources: ["zz-edit.txt": report]) {
                $0.replacingOccurrences(of: "\nneighbours = false", with: "\nneighbours = true")
            }
            let cache = site.root.appendingPathComponent(".archive-cache")
            try site.build()
            func store() throws -> (name: String, inode: Int) {
                let name = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: cache.path).first { $0.hasPrefix("listing-") })
                let attributes = try FileManager.default.attributesOfItem(atPath: cache.appendingPathComponent(name).path)
                return (name, try XCTUnwrap(attributes[.systemFileNumber] as? Int))
            }
            let first = try store()
            if copied {
                let file = try FileHandle(forWritingTo: cache.appendingPathComponent(first.name))
                try file.seekToEnd()
                try file.write(contentsOf: Data(count: 3 << 20))
                try file.close()
            }
            try report.replacingOccurrences(of: "24所", with: "25所").write(to: site.content.appendingPathComponent("zz-edit.txt"), atomically: true, encoding: .utf8)
            XCTAssertEqual(try site.build().sourcesParsed, 1)
            let second = try store()
            XCTAssertNotEqual(second.name, first.name)
            XCTAssertEqual(second.inode != first.inode, copied, "a new file only when the last one is mostly dead")
            let rebuilt = try site.snapshot()
            try FileManager.default.removeItem(at: cache)
            try FileManager.default.removeItem(at: site.output)
            try site.build()
            let clean = try site.snapshot()
            XCTAssertEqual(rebuilt.keys.sorted(), clean.keys.sorted())
            for (path, bytes) in clean { XCTAssertEqual(rebuilt[path], bytes, "\(path), copied: \(copied)") }
            XCTAssertTrue(clean.keys.contains { $0.hasPrefix("compare/") }, "compare pages read outlines too")
            XCTAssertTrue(try site.text("data/reports.json").contains("\"written\""), "the export lists figures")
        }
    }
}
