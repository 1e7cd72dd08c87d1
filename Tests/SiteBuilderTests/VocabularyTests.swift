import Foundation
import Markup
import ReportModel
import XCTest

@testable import SiteBuilder

/// One name for an unknown region and one for an unknown year on every page, the home page's
/// year chips and latest-list count, and breadcrumbs that all start at 首页.
final class VocabularyTests: XCTestCase {
    // MARK: Label rules

    func testUnknownRegionCarriesItsLevelWhenKnown() {
        XCTAssertEqual(Vocabulary.unknownRegion(level: "县"), "地区未知（县级）")
        XCTAssertEqual(Vocabulary.unknownRegion(level: "区"), "地区未知（县级）")
        XCTAssertEqual(Vocabulary.unknownRegion(level: "旗"), "地区未知（县级）")
        XCTAssertEqual(Vocabulary.unknownRegion(level: "市"), "地区未知（市级）")
        XCTAssertEqual(Vocabulary.unknownRegion(level: "州"), "地区未知（市级）")
        XCTAssertEqual(Vocabulary.unknownRegion(level: "地区"), "地区未知（市级）")
        XCTAssertEqual(Vocabulary.unknownRegion(level: "省"), "地区未知（省级）")
        XCTAssertEqual(Vocabulary.unknownRegion(level: nil), "地区未知")
        XCTAssertEqual(Vocabulary.unknownRegion(level: "镇"), "地区未知", "a level that is not a government's gets no rank")
    }

    func testRegionAndYearTextUseTheOneLabel() {
        XCTAssertEqual(Vocabulary.region(Region(province: "浙江省", prefecture: "杭州市", level: "区")), "浙江省 › 杭州市")
        XCTAssertEqual(Vocabulary.region(Region(level: "县")), "地区未知（县级）")
        XCTAssertEqual(Vocabulary.region(Region()), "地区未知")
        XCTAssertEqual(Vocabulary.year(2023), "2023")
        XCTAssertEqual(Vocabulary.year(nil), "年份不详")
        XCTAssertEqual(YearColumns.name(nil), "年份不详")
    }

    func testHiddenLowerLevelIsTheUnknownRegionLabel() {
        let province = RegionIndex.Node(key: "330000", name: "浙江省", rank: 1, parent: nil)
        let prefecture = RegionIndex.Node(key: "330100", name: "杭州市", rank: 2, parent: "330000")
        let county = RegionIndex.Node(key: "330102", name: "上城区", rank: 3, parent: "330100")
        XCTAssertEqual(RegionIndex.hiddenLabel(level: "区", at: prefecture), "地区未知（县级）")
        XCTAssertEqual(RegionIndex.hiddenLabel(level: "县", at: province), "地区未知（县级）")
        XCTAssertEqual(RegionIndex.hiddenLabel(level: "市", at: province), "地区未知（市级）")
        XCTAssertNil(RegionIndex.hiddenLabel(level: "市", at: prefecture), "the prefecture is the 市 itself")
        XCTAssertNil(RegionIndex.hiddenLabel(level: "区", at: county))
        XCTAssertNil(RegionIndex.hiddenLabel(level: nil, at: prefecture))
        // Lists that are not a region's own read the same rule off the names the report has.
        XCTAssertEqual(Vocabulary.hiddenPart(of: Region(province: "浙江省", prefecture: "杭州市", county: nil, level: "区", code: "330100")), "地区未知（县级）")
        XCTAssertEqual(Vocabulary.hiddenPart(of: Region(province: "浙江省", prefecture: nil, county: nil, level: "市", code: "330000")), "地区未知（市级）")
        XCTAssertNil(Vocabulary.hiddenPart(of: Region(province: "浙江省", prefecture: "宁波市", county: "余姚市", level: "市", code: "330281")))
        XCTAssertNil(Vocabulary.hiddenPart(of: Region(province: nil, prefecture: nil, county: nil, level: "区", code: nil)), "no names: the region is unknown, not hidden")
    }

    /// A district whose name the source hides shows its level on every list, not only its region's pages:
    /// the seeds have a 区 of 杭州市 (区教育局2023年工作总结, the second report of its source).
    func testHiddenDistrictIsLabelledOnYearAndTopicLists() throws {
        let site = try SiteFixture(self)
        try site.build()
        for path in ["index.html", "years/2023.html", "topics/compulsory.html"] {
            let list = try PageMarkup.html(try site.text(path))
            let item = try XCTUnwrap(list.everyElement("li").first { $0.words.contains("杭州市") }, path)
            XCTAssertEqual(item.everyElement("span").first { $0.hasClass("hidden-label") }?.words, "地区未知（县级）", path)
        }
    }

    func testRegionIntroFitsTheUnknownRegion() {
        var unknown = RegionIndex.Node(key: RegionIndex.unknownKey, name: Vocabulary.unknownRegion, rank: 1, parent: nil)
        unknown.total = 5
        let intro = RegionIntro.text(unknown)
        XCTAssertTrue(intro.contains("共 5 篇"), intro)
        XCTAssertFalse(intro.contains("下级地区共"), "the unknown region has no subregions: \(intro)")

        var hangzhou = RegionIndex.Node(key: "330100", name: "杭州市", rank: 2, parent: "330000")
        hangzhou.total = 3
        hangzhou.reports = [(0, nil), (1, "地区未知（县级）")]
        XCTAssertEqual(RegionIntro.text(hangzhou), "本地区及下级地区共 3 篇报告。其中 1 篇的下级地区名称在原文中被隐去，标为“地区未知（县级）”，列在本级。")
    }

    func testHomeYearChipsEndWithTheUnknownYearAndTheLatestLineCounts() {
        XCTAssertEqual(HomeSummary.yearOrder([2021, nil, 2023, 2022]), [2023, 2022, 2021, nil])
        XCTAssertEqual(HomeSummary.yearOrder([2021, 2023]), [2023, 2021])
        XCTAssertEqual(HomeSummary.latestCountText(shown: 12, of: 15), "最新 12 篇，共 15 篇")
        XCTAssertEqual(HomeSummary.latestCountText(shown: 5, of: 5), "共 5 篇")
    }

    /// `年份不详` is wider than a year's slot: it stands under its bar as two lines, and the chart
    /// grows by a line to hold them.
    func testUnknownYearBarLabelWrapsInsideItsSlot() throws {
        let one = BarChart(bars: [.init(label: "2023", value: 1, text: "1", title: "")])
        let two = BarChart(bars: [.init(label: "2023", value: 1, text: "1", title: ""),
                                  .init(label: Vocabulary.unknownYearBarLabel, value: 1, text: "1", title: "", muted: true)])
        let svg = try MarkupDocument.xml(Data(two.svg(labelledBy: "c").utf8)).get()
        XCTAssertEqual(PageMarkup.bars(svg).map(\.label), ["2023", Vocabulary.unknownYear], "the two lines read as the one label")
        XCTAssertEqual(svg.everyElement("tspan").map(\.words), ["年份", "不详"])
        let oneSVG = try MarkupDocument.xml(Data(one.svg(labelledBy: "c").utf8)).get()
        XCTAssertEqual(Int(svg.attribute("height")!)!, Int(oneSVG.attribute("height")!)! + BarChart.labelLine)
    }

    // MARK: The built seed site

    func testHomeShowsEveryYearAndSaysHowManyLatestReportsItShows() throws {
        let site = try SiteFixture(self)
        try site.build()
        let home = try PageMarkup.html(try site.text("index.html"))
        let sections = home.everyElement("section")
        let years = try XCTUnwrap(sections.first { $0.everyElement("h2").first?.words == "按年份" })
        let chips = years.everyElement("li").map { ($0.everyElement("a")[0].words, Int($0.everyElement("span")[0].words)!) }
        XCTAssertEqual(chips.last?.0, "年份不详", "the seeds have reports without a year")
        XCTAssertEqual(chips.map(\.1).reduce(0, +), 15, "the chips add up to the archive")
        XCTAssertEqual(years.everyElement("a").last?.attribute("href"), "years/undated.html")

        let latest = try XCTUnwrap(sections.first { $0.hasClass("latest") })
        let line = try XCTUnwrap(latest.everyElement("p").first { $0.hasClass("latest-count") })
        XCTAssertTrue(line.words.hasPrefix("最新 12 篇，共 15 篇"), line.words)
        XCTAssertEqual(line.everyElement("a")[0].attribute("href"), "years/index.html")
        XCTAssertEqual(latest.everyElement("a").filter { $0.hasClass("report-title") }.count, 12)
    }

    /// Every page but the home page, the 404 page and search has a breadcrumb, and each starts with
    /// 首页 linked to the home page.
    func testEveryBreadcrumbStartsWithHome() throws {
        let site = try SiteFixture(self)
        try site.build()
        var kinds: Set<String> = []
        for path in LinkChecker(root: site.output).htmlPages() where !["index.html", "404.html", "search.html"].contains(path) {
            let page = try PageMarkup.html(try site.text(path))
            let crumbs = page.everyElement("nav").filter { $0.hasClass("breadcrumb") }
            XCTAssertEqual(crumbs.count, 1, path)
            let first = try XCTUnwrap(crumbs.first?.everyElement("a").first, path)
            XCTAssertEqual(first.words, "首页", path)
            XCTAssertEqual(first.attribute("href"), SitePaths.root(from: path) + "index.html", path)
            kinds.insert(String(path.split(separator: "/")[0]))
        }
        XCTAssertTrue(kinds.isSuperset(of: ["reports", "regions", "years", "topics", "types", "coverage", "duplicates"]), "\(kinds.sorted())")
    }

    func testUnknownRegionHasOneNameOnEveryPage() throws {
        let site = try SiteFixture(self, extraSources: ["zz-hidden-county.txt": "XX县教育局2022年工作总结\n\n一、学前教育\n新建幼儿园3所。\n\nXX县教育局\n2022年12月30日\n"])
        try site.build()
        for path in LinkChecker(root: site.output).htmlPages() {
            let text = try site.text(path)
            for old in ["未具名的", "名未具", "地区不详"] { XCTAssertFalse(text.contains(old), "\(path): \(old)") }
        }
        let unknown = try PageMarkup.html(try site.text("regions/unknown.html"))
        XCTAssertEqual(unknown.everyElement("h1")[0].words, "地区未知")
        let intro = try XCTUnwrap(unknown.everyElement("p").first { $0.hasClass("intro") }).words
        XCTAssertTrue(intro.hasPrefix("原文未写明所属地区"), intro)
        XCTAssertFalse(intro.contains("下级地区共"), intro)
        // The hidden county's report is listed there with its level, and its page has a breadcrumb to it.
        let item = try XCTUnwrap(unknown.everyElement("li").first { $0.words.contains("XX县教育局") })
        XCTAssertEqual(item.everyElement("span").first { $0.hasClass("region") }?.words, "地区未知（县级）")
        let report = try PageMarkup.html(try site.text(String(item.everyElement("a")[0].attribute("href")!.dropFirst(3))))
        let crumbs = try XCTUnwrap(report.everyElement("nav").first { $0.hasClass("breadcrumb") }).everyElement("a")
        XCTAssertEqual(crumbs.map(\.words), ["首页", "地区未知（县级）"])
        XCTAssertEqual(crumbs[1].attribute("href"), "../regions/unknown.html")
    }
}
