import Foundation
import XCTest

/// A 390 px phone: every kind of page reads without scrolling the page sideways; wide tables scroll
/// inside their own box and long titles wrap.
final class NarrowScreenTests: XCTestCase {
    func testEveryKindOfPageFitsA390PixelScreen() throws {
        // A copy of a seed with its county renamed makes near-duplicate compare pages; its long file
        // name (shown on its pages and in its slug) and a URL in its text must wrap.
        var copy = try String(contentsOf: SiteFixture.repository.appendingPathComponent("content/003_8410fef35409069b.txt"), encoding: .utf8)
            .replacingOccurrences(of: "双柏县", with: "禄丰县")
        let county = try XCTUnwrap(copy.range(of: "全县"))
        copy.replaceSubrange(county, with: "全县（详见 https://jyj.example.gov.cn/zwgk/ghjh/2023/annual_work_summary_of_the_county_education_bureau.html ）")
        let site = try SiteFixture(self, extraSources: ["005_\(Self.longName).txt": copy])
        try site.build()
        let pages = try Self.samplePages(in: site.output)
        XCTAssertTrue(pages.contains { $0.hasPrefix("compare/") }, "no compare page to look at")
        XCTAssertTrue(pages.contains { $0.hasPrefix("coverage/") } && pages.contains { $0.hasPrefix("regions/") })

        // Headless windows are at least 500 px wide, so each page is measured in a 390 px frame.
        let frames = pages.map { "<iframe style=\"width:390px;height:600px;border:0;display:block\" src=\"\($0)\"></iframe>" }
        let wrapper = site.output.appendingPathComponent("narrow-screen-test.html")
        try """
        <!doctype html><body style="margin:0">\(frames.joined())<pre id="widths"></pre><script>
        addEventListener("load", () => { document.getElementById("widths").textContent = "\\n" + [...document.querySelectorAll("iframe")]
          .map(f => "@" + f.getAttribute("src") + " " + f.contentDocument.documentElement.scrollWidth).join("\\n") + "\\n"; });
        </script></body>
        """.write(to: wrapper, atomically: true, encoding: .utf8)
        let dom = try HeadlessChromium.dumpDOM(wrapper, budgetMilliseconds: 3000)

        var measured = 0
        for line in dom.split(separator: "\n") where line.hasPrefix("@") {
            let parts = line.dropFirst().split(separator: " ")
            guard parts.count == 2, let width = Int(parts[1].prefix { $0.isNumber }) else { continue }
            measured += 1
            XCTAssertLessThanOrEqual(width, 390, "\(parts[0]) scrolls sideways at 390 px")
        }
        XCTAssertEqual(measured, pages.count, "not every page was measured:\n\(dom)")
    }

    static let longName = "lufeng_county_education_bureau_annual_work_summary_final_version"

    /// Of each folder of the site, its index, its largest page (the most text, the widest tables) and
    /// the first page of the long-named source.
    static func samplePages(in output: URL) throws -> [String] {
        let fm = FileManager.default
        var pages: [String] = []
        for folder in ["", "compare", "coverage", "duplicates", "regions", "reports", "topics", "types", "years"] {
            let directory = folder.isEmpty ? output : output.appendingPathComponent(folder)
            let prefix = folder.isEmpty ? "" : folder + "/"
            let names = try fm.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".html") }.sorted()
            if folder.isEmpty {
                pages += names.filter { $0 != "narrow-screen-test.html" }
                continue
            }
            let sizes = try names.map { ($0, try fm.attributesOfItem(atPath: directory.appendingPathComponent($0).path)[.size] as? Int ?? 0) }
            if let largest = sizes.max(by: { $0.1 < $1.1 }) { pages.append(prefix + largest.0) }
            let slug = longName.replacingOccurrences(of: "_", with: "-")
            for name in ["index.html", names.first { $0.contains(slug) }].compactMap({ $0 }) where names.contains(name) && !pages.contains(prefix + name) {
                pages.append(prefix + name)
            }
        }
        return pages
    }
}
