import Foundation
import XCTest

@testable import SiteBuilder

/// The search page opened from disk: browsers refuse to fetch the index on `file://`, so the page must
/// say at once that search needs a web server and how to start one, not wait forever.
final class OfflineSearchPageTests: XCTestCase {
    func testSearchPageFromDiskSaysItNeedsAWebServer() throws {
        let site = try SiteFixture(self)
        try site.build()
        // The fixture builds with search off, so the search page is rendered as a build with search would.
        let page = PageContext(config: try SiteConfig.load(site.config.path), paths: SitePaths(pretty: false), searchEnabled: true)
        let search = try TemplateSet(directory: site.templates.path).render("search", page.context(path: "search.html", title: "搜索"))
        try search.write(to: site.output.appendingPathComponent("search.html"), atomically: true, encoding: .utf8)
        var url = site.output.appendingPathComponent("search.html")
        url = URL(string: url.absoluteString + "?q=%E5%AD%A6%E5%89%8D")!
        let dom = try HeadlessChromium.dumpDOM(url, budgetMilliseconds: 2000)
        XCTAssertTrue(dom.contains("<p id=\"search-offline\" class=\"search-offline\">"), "the message is missing or still hidden:\n\(dom)")
        XCTAssertTrue(dom.contains("archive serve"))
        XCTAssertTrue(dom.contains("python3 -m http.server -d public"))
        XCTAssertFalse(dom.contains("<script src=\"search.js\""), "the search script must not be loaded on file://")
        // Served over HTTP the message stays hidden unless the search script fails to load.
        XCTAssertTrue(try site.text("search.html").contains("<p id=\"search-offline\" class=\"search-offline\" hidden>"))
    }
}
