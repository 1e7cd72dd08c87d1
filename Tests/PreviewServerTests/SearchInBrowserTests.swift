import Foundation
import XCTest

/// The search page in headless Chromium against `archive serve` over the seed archive: what a reader
/// types (学前, 控辍保学, 安全, 师德) finds the reports about it first, each linked to the section that
/// holds it, with the words marked whole, and the filters speak Chinese.
extension ServeEndToEndTests {
    /// The results the page shows for a query: report page (file name) and the link's anchor, best first.
    struct SearchHit: Equatable {
        var report: String
        var anchor: String?
    }

    static func hits(in dom: String) -> [SearchHit] {
        dom.components(separatedBy: "<a class=\"hit-title\" href=\"").dropFirst().map { rest in
            let href = String(rest.prefix { $0 != "\"" })
            let parts = href.split(separator: "#", maxSplits: 1).map(String.init)
            let file = parts[0].split(separator: "/").last.map(String.init) ?? ""
            return SearchHit(report: file.replacingOccurrences(of: ".html", with: ""), anchor: parts.count > 1 ? parts[1] : nil)
        }
    }

    /// The DOM of `url` once Chromium ran its scripts (real `archive serve`, so real fetches).
    func searchDOM(_ url: URL) throws -> String {
        guard let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "chromium is not installed (`make test` installs it)"])
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=10000", "--dump-dom", url.absoluteString]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let dom = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return dom
    }

    /// The search page's DOM once Chromium ran its script on `query` (and `filters`, URL parameters).
    func search(_ served: Served, _ query: String, filters: String = "") throws -> String {
        let encoded = query.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let dom = try searchDOM(URL(string: served.base.absoluteString + "search.html?q=\(encoded)\(filters)")!)
        XCTAssertTrue(dom.contains("data-state=\"done\""), "the search did not finish for \(query):\n\(dom.suffix(2000))")
        return dom
    }

    /// The heading of section `anchor` on a served report page.
    func heading(_ served: Served, report: String, anchor: String) throws -> String {
        let page = try get(served.base.appendingPathComponent("reports/\(report).html")).body
        guard let start = page.range(of: "<section id=\"\(anchor)\"") else { return "" }
        let rest = page[start.upperBound...]
        guard let close = rest.range(of: "</h") else { return "" }
        return String(rest[..<close.lowerBound]).replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
    }

    func testSearchFindsTheReportsAboutAQueryFirst() throws {
        let served = try serve(search: true)
        // Read off the seeds: the reports with the query in a heading. 学前 and 控辍保学 have exactly three;
        // 安全 is a whole chapter (四、… 学校安全 …) in the two 达州 reports; 余姚 has two 师德 sections.
        let expected: [(query: String, reports: Set<String>, all: Bool)] = [
            ("学前", ["000-155cf9d07f7bc588-1", "003-8410fef35409069b-8", "004-19cf16a0cc95029b-1"], true),
            ("控辍保学", ["000-155cf9d07f7bc588-1", "003-8410fef35409069b-3", "003-8410fef35409069b-5"], true),
            ("安全", ["003-8410fef35409069b-6", "003-8410fef35409069b-10"], false),
            ("师德", ["002-a6c8c882fd1a3a93-1"], false),
        ]
        for (query, reports, all) in expected {
            let dom = try search(served, query)
            let top = Array(Self.hits(in: dom).prefix(3))
            XCTAssertEqual(top.count, 3, "\(query): fewer than three results")
            let found = Set(top.map(\.report))
            if all { XCTAssertEqual(found, reports, "\(query): top three") } else { XCTAssertTrue(reports.isSubset(of: found), "\(query): \(reports) not all in the top three \(found)") }
            // The first result links to a section whose heading has the query.
            let first = try XCTUnwrap(top.first)
            let anchor = try XCTUnwrap(first.anchor, "\(query): the first result links to no section")
            XCTAssertTrue(try heading(served, report: first.report, anchor: anchor).contains(query), "\(query): #\(anchor) of \(first.report) is not about it")
            // The query is marked whole, never one character of it.
            XCTAssertTrue(dom.contains("<mark>\(query)</mark>"), "\(query): not marked whole")
            XCTAssertFalse(dom.contains("<mark>\(query.prefix(1))</mark>"), "\(query): a single character is marked")
            // Each hit says where, when and what it is.
            XCTAssertTrue(dom.contains("class=\"hit-meta\"><span>"), "\(query): no region · year · type line")
        }
    }

    func testSearchFiltersAreChineseAndNarrowByRegion() throws {
        let served = try serve(search: true)
        let all = try search(served, "安全")
        for name in ["地区", "年份", "主题", "类型"] { XCTAssertTrue(all.contains("<summary>\(name)</summary>"), "no filter named \(name)") }
        for english in ["Region", "Year", "Topic", "Type"] { XCTAssertFalse(all.contains(">\(english)<"), "an English filter name: \(english)") }
        // 四川省 (510000): only the two 达州 reports of the seeds have 安全 there.
        let sichuan = try search(served, "安全", filters: "&region=510000")
        XCTAssertEqual(Set(Self.hits(in: sichuan).map(\.report)), ["003-8410fef35409069b-6", "003-8410fef35409069b-10"])
        XCTAssertGreaterThan(Self.hits(in: all).count, Self.hits(in: sichuan).count)
        // A type and a topic filter: every hit is of that type; the topic group, opened by its use, counts.
        let summaries = try search(served, "安全", filters: "&type=summary&topic=safety")
        let types = summaries.components(separatedBy: "class=\"hit-meta\">").dropFirst().map { $0.components(separatedBy: "<span>")[3].prefix { $0 != "<" } }
        XCTAssertFalse(types.isEmpty)
        XCTAssertEqual(Set(types), ["工作总结"])
        let topicGroup = try XCTUnwrap(summaries.components(separatedBy: "<summary>主题</summary>").dropFirst().first?.components(separatedBy: "</details>").first)
        XCTAssertTrue(topicGroup.contains("class=\"facet-count\""), "the topic filter in use shows no counts")
        // The province unfolds into its prefectures; years are listed newest first.
        XCTAssertTrue(sichuan.contains("class=\"facet-child\""), "the chosen province does not show its prefectures")
        let yearGroup = try XCTUnwrap(all.components(separatedBy: "<summary>年份</summary>").dropFirst().first?.components(separatedBy: "</details>").first)
        let years = yearGroup.components(separatedBy: "<bdi>").dropFirst().map { String($0.prefix { $0 != "<" }) }.filter { $0 != "全部" }
        let numbers = years.compactMap(Int.init)
        XCTAssertGreaterThan(numbers.count, 1)
        XCTAssertEqual(numbers, numbers.sorted(by: >), "years are not newest first: \(years)")
    }

    /// At 390 px the search page with results, filters and quotes reads without scrolling sideways.
    func testSearchResultsFitA390PixelScreen() throws {
        let served = try serve(search: true)
        // Headless windows are at least 500 px wide: the page is measured in a 390 px frame, once its results are in.
        try """
        <!doctype html><body style="margin:0"><iframe style="width:390px;height:800px;border:0" src="search.html?q=%E5%AE%89%E5%85%A8"></iframe>
        <pre id="width"></pre><script>
        const frame = document.querySelector("iframe");
        const look = () => {
          const results = frame.contentDocument && frame.contentDocument.getElementById("search-results");
          if (!results || results.dataset.state !== "done") return setTimeout(look, 100);
          document.getElementById("width").textContent = "@" + frame.contentDocument.documentElement.scrollWidth + " " + results.dataset.count;
        };
        addEventListener("load", look);
        </script></body>
        """.write(to: served.root.appendingPathComponent("public/narrow-search-test.html"), atomically: true, encoding: .utf8)
        let dom = try searchDOM(served.base.appendingPathComponent("narrow-search-test.html"))
        let line = try XCTUnwrap(dom.components(separatedBy: "<pre id=\"width\">@").dropFirst().first?.prefix { $0 != "<" }, dom)
        let parts = line.split(separator: " ").compactMap { Int($0) }
        XCTAssertEqual(parts.count, 2, String(line))
        XCTAssertGreaterThan(parts.last ?? 0, 0, "no results to look at")
        XCTAssertLessThanOrEqual(parts.first ?? .max, 390, "the search page scrolls sideways at 390 px")
    }
}
