import Foundation
import XCTest

@testable import SiteBuilder

/// `SiteChecker` passes the seed site as built, and names each thing broken in a copy of it.
final class SiteCheckerTests: XCTestCase {
    typealias Problem = SiteChecker.Problem

    static let base = "https://example.org/reports/"
    static let report = "reports/000-155cf9d07f7bc588-1.html"

    // MARK: Helpers

    /// The seed site, built.
    private func seedSite(configEdit: @escaping (String) -> String = { $0 }) throws -> SiteFixture {
        let site = try SiteFixture(self, configEdit: configEdit)
        let summary = try site.build()
        XCTAssertEqual(summary.errors, [])
        return site
    }

    /// A fresh copy of the built site, to break one thing in.
    private func copy(_ site: SiteFixture) throws -> URL {
        let folder = site.root.appendingPathComponent("copy-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: site.output, to: folder)
        return folder
    }

    private func check(_ folder: URL, baseURL: String? = base, language: String? = "zh-CN") -> [Problem] {
        SiteChecker(site: folder, baseURL: baseURL, language: language).check()
    }

    private func edit(_ folder: URL, _ path: String, _ change: (String) -> String) throws {
        let url = folder.appendingPathComponent(path)
        let before = try String(contentsOf: url, encoding: .utf8)
        let after = change(before)
        XCTAssertNotEqual(before, after, "the edit of \(path) changed nothing")
        try after.write(to: url, atomically: true, encoding: .utf8)
    }

    /// Adds `html` at the end of the page's `<main>`.
    private func addToMain(_ folder: URL, _ path: String, _ html: String) throws {
        try edit(folder, path) { $0.replacingOccurrences(of: "</main>", with: html + "\n</main>") }
    }

    private func assertOnly(_ problems: [Problem], _ kind: Problem.Kind, in file: String, mentioning text: String,
                            file sourceFile: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(problems.count, 1, "\(problems)", file: sourceFile, line: line)
        guard let problem = problems.first else { return }
        XCTAssertEqual(problem.kind, kind, "\(problem)", file: sourceFile, line: line)
        XCTAssertEqual(problem.file, file, "\(problem)", file: sourceFile, line: line)
        XCTAssertTrue(problem.detail.contains(text), "\(problem) does not mention \(text)", file: sourceFile, line: line)
    }

    // MARK: A good site

    func testTheSeedSiteAsBuiltHasNoProblems() throws {
        let site = try seedSite()
        let outcome = SiteChecker(site: site.output, baseURL: Self.base, language: "zh-CN").run()
        XCTAssertEqual(outcome.problems, [], "\(outcome.problems.prefix(10))")
        XCTAssertEqual(outcome.pages, LinkChecker(root: site.output).htmlPages().count)
        XCTAssertGreaterThan(outcome.pages, 50)
        XCTAssertGreaterThan(outcome.files, outcome.pages)
        // From the configuration, and with nothing given (the base URL read from the home page's canonical link).
        XCTAssertEqual(SiteChecker(config: try SiteConfig.load(site.config.path)).check(), [])
        let inferred = SiteChecker(site: site.output, baseURL: nil).run()
        XCTAssertEqual(inferred.problems, [])
        XCTAssertEqual(inferred.baseURL, Self.base)
        // The base URL without its trailing slash is the same one.
        XCTAssertEqual(check(site.output, baseURL: "https://example.org/reports"), [])
        // Checked against the shipped example address: consistent, but worth a warning.
        XCTAssertEqual(outcome.warnings.count, 1)
        XCTAssertEqual(inferred.warnings, outcome.warnings)
        XCTAssertTrue(outcome.warnings[0].contains("[site] base_url") && outcome.warnings[0].contains("--base-url"), outcome.warnings[0])
    }

    func testPrettyURLsAndPaginationPass() throws {
        let site = try seedSite {
            $0.replacingOccurrences(of: "pretty_urls = false", with: "pretty_urls = true")
                .replacingOccurrences(of: "page_size = 50", with: "page_size = 2")
        }
        XCTAssertTrue(site.exists("years/2023-2/index.html"))
        XCTAssertEqual(check(site.output), [])
    }

    // MARK: One broken thing at a time

    func testBrokenInternalLinkIsNamed() throws {
        let site = try seedSite()
        let folder = try copy(site)
        try addToMain(folder, Self.report, #"<a href="../reports/nowhere.html">x</a>"#)
        assertOnly(check(folder), .missingFile, in: Self.report, mentioning: "../reports/nowhere.html")
        XCTAssertEqual(check(site.output), [], "the original is untouched")
        // The link part on its own.
        XCTAssertEqual(LinkChecker(root: folder).check().map(\.link), ["../reports/nowhere.html"])
    }

    func testMissingAnchorIsNamed() throws {
        let site = try seedSite()
        let other = try copy(site)
        try addToMain(other, "years/index.html", #"<a href="../\#(Self.report)#no-such-section">x</a>"#)
        assertOnly(check(other), .missingAnchor, in: "years/index.html", mentioning: "no-such-section")
        let same = try copy(site)
        try addToMain(same, "index.html", ##"<a href="#nowhere">x</a>"##)
        assertOnly(check(same), .missingAnchor, in: "index.html", mentioning: "nowhere")
        // An anchor that is there passes: every section of a report page has one.
        let good = try copy(site)
        let page = try String(contentsOf: good.appendingPathComponent(Self.report), encoding: .utf8)
        let id = try XCTUnwrap(page.components(separatedBy: "<section id=\"").dropFirst().first?.components(separatedBy: "\"").first)
        try addToMain(good, "years/index.html", #"<a href="../\#(Self.report)#\#(id)">x</a>"#)
        XCTAssertEqual(check(good), [])
    }

    func testPageWithoutTitleIsNamed() throws {
        let site = try seedSite()
        let missing = try copy(site)
        try edit(missing, Self.report) { $0.replacingOccurrences(of: #"<title>[^<]*</title>"#, with: "", options: .regularExpression) }
        assertOnly(check(missing), .title, in: Self.report, mentioning: "no <title>")
        let empty = try copy(site)
        try edit(empty, "topics/index.html") { $0.replacingOccurrences(of: #"<title>[^<]*</title>"#, with: "<title> </title>", options: .regularExpression) }
        assertOnly(check(empty), .title, in: "topics/index.html", mentioning: "empty <title>")
    }

    func testWrongLanguageIsNamed() throws {
        let site = try seedSite()
        let folder = try copy(site)
        try edit(folder, "regions/index.html") { $0.replacingOccurrences(of: #"<html lang="zh-CN">"#, with: #"<html lang="en">"#) }
        assertOnly(check(folder), .language, in: "regions/index.html", mentioning: #"lang="en""#)
        // Without a configured language any language will do, but not none.
        XCTAssertEqual(check(folder, language: nil), [])
        try edit(folder, "regions/index.html") { $0.replacingOccurrences(of: #"<html lang="en">"#, with: "<html>") }
        assertOnly(check(folder, language: nil), .language, in: "regions/index.html", mentioning: "no lang")
    }

    func testSitemapMissingPageAndExtraURLAreNamed() throws {
        let site = try seedSite()
        let folder = try copy(site)
        try edit(folder, "sitemap.xml") {
            $0.replacingOccurrences(of: "  <url><loc>\(Self.base)years/2023.html</loc></url>\n", with: "")
                .replacingOccurrences(of: "</urlset>", with: "  <url><loc>\(Self.base)reports/gone.html</loc></url>\n</urlset>")
        }
        let problems = check(folder)
        XCTAssertEqual(problems.map(\.file), ["sitemap.xml", "sitemap.xml"], "\(problems)")
        XCTAssertEqual(Set(problems.map(\.kind)), [.sitemap])
        XCTAssertTrue(problems.contains { $0.detail.contains("does not list years/2023.html") }, "\(problems)")
        XCTAssertTrue(problems.contains { $0.detail.contains("\(Self.base)reports/gone.html") }, "\(problems)")
        // A page listed twice, the 404 page, a URL elsewhere.
        try edit(folder, "sitemap.xml") {
            $0.replacingOccurrences(of: "</urlset>", with: """
                  <url><loc>\(Self.base)index.html</loc></url>
                  <url><loc>\(Self.base)404.html</loc></url>
                  <url><loc>https://elsewhere.example/reports/index.html</loc></url>
                </urlset>
                """)
        }
        let more = check(folder).map(\.detail)
        XCTAssertTrue(more.contains("lists index.html 2 times"), "\(more)")
        XCTAssertTrue(more.contains { $0.contains("lists the 404 page") }, "\(more)")
        XCTAssertTrue(more.contains { $0.contains("not under the base URL") && $0.contains("elsewhere.example") }, "\(more)")
    }

    func testFeedThatIsNotXMLIsNamed() throws {
        let site = try seedSite()
        let folder = try copy(site)
        try edit(folder, "feed.xml") { $0.replacingOccurrences(of: "</feed>", with: "</fed>") }
        assertOnly(check(folder), .feed, in: "feed.xml", mentioning: "not well-formed XML")
        try Data().write(to: folder.appendingPathComponent("feed.xml"))
        assertOnly(check(folder), .feed, in: "feed.xml", mentioning: "is empty")
        try "not XML at all".write(to: folder.appendingPathComponent("feed.xml"), atomically: true, encoding: .utf8)
        assertOnly(check(folder), .feed, in: "feed.xml", mentioning: "not well-formed XML (line 1")
        try "<rss version=\"2.0\"><channel></channel></rss>".write(to: folder.appendingPathComponent("feed.xml"), atomically: true, encoding: .utf8)
        assertOnly(check(folder), .feed, in: "feed.xml", mentioning: "not an Atom feed")
    }

    func testFeedEntryForAMissingPageIsNamed() throws {
        let site = try seedSite()
        let folder = try copy(site)
        try FileManager.default.removeItem(at: folder.appendingPathComponent(Self.report))
        let problems = check(folder)
        XCTAssertTrue(problems.contains { $0.file == "feed.xml" && $0.kind == .feed && $0.detail.contains(Self.report) }, "\(problems)")
        XCTAssertTrue(problems.contains { $0.file == "sitemap.xml" && $0.detail.contains(Self.report) }, "\(problems)")
        XCTAssertTrue(problems.contains { $0.file != "feed.xml" && $0.kind == .missingFile && $0.detail.contains(Self.report) }, "\(problems)")
    }

    func testLinkToLocalhostIsNamed() throws {
        let site = try seedSite()
        let folder = try copy(site)
        try addToMain(folder, "index.html", #"<a href="http://localhost:8080/x">x</a>"#)
        assertOnly(check(folder), .localAddress, in: "index.html", mentioning: "http://localhost:8080/x")
        for address in ["http://127.0.0.1:8000/a.html", "https://192.168.1.20/", "http://10.0.0.5/x", "http://172.20.1.1/",
                        "http://[::1]:8080/", "http://0.0.0.0:8000/", "file:///home/me/site/index.html", "//localhost/x.js"] {
            let folder = try copy(site)
            try addToMain(folder, "types/index.html", #"<img src="\#(address)" alt="">"#)
            assertOnly(check(folder), .localAddress, in: "types/index.html", mentioning: address)
        }
        // Public hosts are not local, whatever they look like.
        let fine = try copy(site)
        try addToMain(fine, "index.html", #"<a href="https://172.32.0.1/">a</a><a href="https://localhost.example.org/">b</a><a href="mailto:a@b.cn">c</a>"#)
        XCTAssertEqual(check(fine), [])
    }

    func testDeletedStylesheetIsNamedOnEveryPage() throws {
        let site = try seedSite()
        let folder = try copy(site)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("style.css"))
        let problems = check(folder)
        let pages = LinkChecker(root: folder).htmlPages()
        XCTAssertEqual(problems.map(\.file), pages, "one problem per page, the 404 page (absolute links) included")
        XCTAssertTrue(problems.allSatisfy { $0.kind == .missingFile && $0.detail.contains("style.css") }, "\(problems.prefix(3))")
        // The feed link in <head> is checked the same way.
        let noFeed = try copy(site)
        try FileManager.default.removeItem(at: noFeed.appendingPathComponent("feed.xml"))
        let feedProblems = check(noFeed)
        XCTAssertTrue(feedProblems.contains { $0.file == "index.html" && $0.detail.contains("href \"feed.xml\": no such file") }, "\(feedProblems.prefix(3))")
        XCTAssertTrue(feedProblems.contains { $0.file == "feed.xml" && $0.kind == .feed })
    }

    func testRootAbsoluteLeavingAndMissingSourcesAreNamed() throws {
        let site = try seedSite()
        let folder = try copy(site)
        try addToMain(folder, "years/index.html", """
            <img src="/logo.png" alt=""><a href="../../outside.html">o</a><script src="../missing.js"></script>
            <a href="../regions/">folder</a><form action="../nowhere.html"></form>
            """)
        let problems = check(folder)
        XCTAssertEqual(problems.map(\.kind), [.rootAbsolute, .leavesSite, .missingFile, .missingFile, .missingFile], "\(problems)")
        XCTAssertTrue(problems.allSatisfy { $0.file == "years/index.html" })
        XCTAssertTrue(problems[2].detail.contains("src \"../missing.js\""), problems[2].detail)
        XCTAssertTrue(problems[3].detail.contains("names a folder"), problems[3].detail)
        XCTAssertTrue(problems[4].detail.contains("action \"../nowhere.html\""), problems[4].detail)
    }

    // MARK: Base URL

    func testAnotherBaseURLIsNamedInCanonicalLinksFeedAndSitemap() throws {
        let site = try seedSite()
        let problems = check(site.output, baseURL: "https://user.github.io/repo/")
        let pages = LinkChecker(root: site.output).htmlPages()
        let canonical = problems.filter { $0.detail.hasPrefix("href \"https://example.org/reports/") && $0.detail.contains("canonical") }
        XCTAssertEqual(canonical.map(\.file), pages)
        XCTAssertTrue(problems.contains { $0.file == "sitemap.xml" && $0.kind == .baseURL })
        XCTAssertTrue(problems.contains { $0.file == "feed.xml" && $0.kind == .baseURL && $0.detail.hasPrefix("entry 1") })
        XCTAssertTrue(problems.contains { $0.file == "robots.txt" && $0.kind == .baseURL })
        XCTAssertEqual(Set(problems.map(\.kind)), [.baseURL])
        // Built with that base URL, it passes.
        _ = try Pipeline.build(.init(configPath: site.config.path, baseURL: "https://user.github.io/repo/"))
        let outcome = SiteChecker(site: site.output, baseURL: "https://user.github.io/repo").run()
        XCTAssertEqual(outcome.problems, [])
        XCTAssertEqual(outcome.warnings, [])
    }

    func testOnlyExampleHostsArePlaceholders() {
        for url in ["https://example.org/reports/", "HTTPS://Example.COM", "http://docs.example.net/x/", "https://www.example.org/"] {
            XCTAssertTrue(SiteConfig.isPlaceholderBaseURL(url), url)
            XCTAssertNotNil(SiteChecker.placeholderWarning(baseURL: url), url)
        }
        for url in ["https://user.github.io/repo/", "https://myexample.org/", "https://example.org.cn/", "https://example.edu/"] {
            XCTAssertFalse(SiteConfig.isPlaceholderBaseURL(url), url)
            XCTAssertNil(SiteChecker.placeholderWarning(baseURL: url), url)
        }
    }

    func testAnInvalidGivenBaseURLIsAProblem() throws {
        let site = try seedSite()
        let problems = check(site.output, baseURL: "https://x.org/?b=1")
        XCTAssertEqual(problems.first?.kind, .baseURL)
        XCTAssertTrue(problems.first?.detail.contains("query") ?? false, "\(problems.prefix(3))")
    }

    func testSiteBuiltWithADevelopmentBaseURLIsNamed() throws {
        let site = try seedSite { $0.replacingOccurrences(of: "https://example.org/reports/", with: "http://127.0.0.1:8000/") }
        // Checked against itself (nothing given) it is consistent, but every absolute URL is local.
        let problems = check(site.output, baseURL: nil)
        XCTAssertFalse(problems.isEmpty)
        XCTAssertEqual(Set(problems.map(\.kind)), [.localAddress])
        XCTAssertTrue(problems.contains { $0.file == "index.html" && $0.detail.contains("http://127.0.0.1:8000/index.html") })
        XCTAssertTrue(problems.contains { $0.file == "sitemap.xml" })
        XCTAssertTrue(problems.contains { $0.file == "feed.xml" })
    }

    // MARK: Reading HTML

    func testScannerReadsTagsNotText() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ra-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("a"), withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let page = """
            <!DOCTYPE html>
            <HTML LANG='zh-CN'><head><TITLE>甲 &amp; 乙</TITLE>
            <!-- <a href="commented-out.html"> -->
            <script>const s = '<a href="in-script.html">'; if (a < b) {}</script>
            <style>a[href="in-style.html"] {}</style>
            </head><body>
            <A HREF=b.html#x>unquoted</A> <a href='b.html?q=1&amp;r=2#y'>single</a>
            <p id="top-of-page" data-href="not-a-link.html">x</p><a name=named></a>
            <img srcset="b.png 1x, missing@2x.png 2x" alt=""><a href="#named">n</a><a href="#top-of-page">t</a><a href="#top">top</a>
            <textarea><a href="in-textarea.html"></textarea>
            </body></HTML>
            """
        try page.write(to: folder.appendingPathComponent("a/index.html"), atomically: true, encoding: .utf8)
        try #"<html lang="zh-CN"><title>b</title><p id="x"></p><p id=y></p></html>"#.write(
            to: folder.appendingPathComponent("a/b.html"), atomically: true, encoding: .utf8)
        try Data().write(to: folder.appendingPathComponent("a/b.png"))
        let scan = PageScan(html: try Data(contentsOf: folder.appendingPathComponent("a/index.html")))
        XCTAssertEqual(scan.title, "甲 & 乙")
        XCTAssertEqual(scan.lang, "zh-CN")
        XCTAssertEqual(scan.ids, ["top-of-page", "named"])
        XCTAssertEqual(scan.links.map(\.value), ["b.html#x", "b.html?q=1&r=2#y", "b.png", "missing@2x.png", "#named", "#top-of-page", "#top"])
        let problems = LinkChecker(root: folder).check()
        XCTAssertEqual(problems.map(\.link), ["missing@2x.png"], "\(problems)")
    }

    func testParserReadsWhatAScannerCouldNot() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ra-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let page = """
            <html lang="zh-CN"><head><title>甲 &mdash; 乙</title>
            <script>document.write('<a href="in-script.html">'); // </a></script></head>
            <body>
            <a title="a > b" href="missing-1.html">gt in a value</a>
            <!-- <a href="in-comment.html"> -- still a comment -->
            <A HREF="MISSING-2.html" ID=Upper>upper</A><a href=missing-3.html>unquoted</a>
            <img alt='<a href="in-alt.html">' src="caf&eacute;.png"><a href="caf%C3%A9.png">encoded</a>
            <p><a href="#Upper">to an uppercase-tag id</a>
            """
        try page.write(to: folder.appendingPathComponent("index.html"), atomically: true, encoding: .utf8)
        try Data().write(to: folder.appendingPathComponent("café.png"))
        let scan = PageScan(html: try Data(contentsOf: folder.appendingPathComponent("index.html")))
        XCTAssertEqual(scan.title, "甲 — 乙")
        XCTAssertEqual(scan.ids, ["Upper"])
        XCTAssertEqual(scan.links.map(\.value), ["missing-1.html", "MISSING-2.html", "missing-3.html", "café.png", "caf%C3%A9.png", "#Upper"])
        XCTAssertEqual(LinkChecker(root: folder).check().map(\.link), ["missing-1.html", "MISSING-2.html", "missing-3.html"])
    }

    func testXMLThatALenientReaderWouldAcceptIsNamed() throws {
        let site = try seedSite()
        let feed = try copy(site)
        try edit(feed, "feed.xml") { $0.replacingOccurrences(of: "</title>", with: "&nbsp;</title>") }
        assertOnly(check(feed), .feed, in: "feed.xml", mentioning: "not well-formed XML (line ")
        let unclosed = try copy(site)
        try edit(unclosed, "feed.xml") { $0.replacingOccurrences(of: "</entry>", with: "") }
        assertOnly(check(unclosed), .feed, in: "feed.xml", mentioning: "not well-formed XML")
        let sitemap = try copy(site)
        try edit(sitemap, "sitemap.xml") { $0.replacingOccurrences(of: "<url>", with: "<url a=1>") }
        assertOnly(check(sitemap), .sitemap, in: "sitemap.xml", mentioning: "not well-formed XML (line ")
    }

    func testNoSiteFolderIsAProblem() {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("ra-no-site-\(UUID().uuidString)")
        let problems = SiteChecker(site: missing, baseURL: Self.base).check()
        XCTAssertEqual(problems.count, 1)
        XCTAssertTrue(problems.first?.detail.contains("archive build") ?? false)
    }
}
