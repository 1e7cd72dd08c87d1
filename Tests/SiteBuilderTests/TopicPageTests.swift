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
            全年新建幼儿园\(year - 2000)所，普惠性幼儿园覆盖率达到85%。<script>alert(1)</script>学前三年毛入园率达到90%。
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
        XCTAssertTrue(item.contains("<li><a href=\"../reports/zz-new-1.html#s1\">一、学前教育普惠发展</a><p class=\"passage\">"), item)
        XCTAssertTrue(item.contains("全年新建<mark>幼儿园</mark>24所，<mark>普惠</mark>性<mark>幼儿园</mark>覆盖率达到85%。</p>"), item)
        XCTAssertTrue(item.contains("&lt;script&gt;alert(1)&lt;/script&gt;<mark>学前</mark>三年毛<mark>入园</mark>率达到90%。</p>"), item)
        XCTAssertFalse(item.contains("#s2"), "the teachers' section is not on the preschool page: \(item)")
        XCTAssertFalse(page.contains("<script>alert"), "raw script reached the page")
        let teachers = try site.text("topics/teachers.html")
        XCTAssertTrue(teachers.contains("<a href=\"../reports/zz-new-1.html#s2\">二、教师队伍建设</a><p class=\"passage\"><mark>招聘教师</mark>120名，组织<mark>教师</mark>全员培训"), teachers)
    }
}
