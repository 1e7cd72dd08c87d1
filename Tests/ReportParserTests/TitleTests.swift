import Foundation
import ReportModel
import XCTest

@testable import ReportParser

/// Titles: chosen by what they are made of (TitleChooser), cleaned of what sites add (TitleJunk),
/// run-on titles to their last report word, traditional script matched in simplified form.
final class TitleTests: XCTestCase {
    private func parse(_ lines: [String], source: String = "content/test.txt") -> Source {
        ReportParser().parse(text: lines.joined(separator: "\n"), source: source)
    }

    private func stripped(_ title: String) -> String {
        let t = SimplifiedForm.of(Scalars(title))
        return Scalars(title)[TitleJunk.strip(t, 0..<t.count)].string
    }

    // MARK: junk around the title

    func testSiteTailsAreStripped() {
        XCTAssertEqual(stripped("县教育局2021年工作总结范文"), "县教育局2021年工作总结")
        XCTAssertEqual(stripped("县教育局2021年工作总结.docx"), "县教育局2021年工作总结")  // a file extension
        XCTAssertEqual(stripped("县教育局2021年工作总结范文.doc"), "县教育局2021年工作总结")  // stacked tails
        XCTAssertEqual(stripped("县教育局2022年工作要点VIP"), "县教育局2022年工作要点")
        XCTAssertEqual(stripped("县教育局2021年工作总结（精选）"), "县教育局2021年工作总结")  // a bracketed label
        XCTAssertEqual(stripped("县教育局2021年工作总结最新精选"), "县教育局2021年工作总结")
    }

    func testTailsTheTruthKeepStay() {
        // Seed 001's labelled title keeps 范例范本; a plan's draft note is part of its title.
        XCTAssertEqual(stripped("教育局2021年工作总结范例范本"), "教育局2021年工作总结范例范本")
        XCTAssertEqual(stripped("县教育局2022年工作计划（讨论稿）"), "县教育局2022年工作计划（讨论稿）")
        // A count is a collection's promise, not a site label.
        XCTAssertEqual(stripped("教育局工作总结(精选5篇)"), "教育局工作总结(精选5篇)")
    }

    func testSitePrefixesAreStripped() {
        XCTAssertEqual(stripped("编号:658229379 县教育局2022年工作计划"), "县教育局2022年工作计划")
        XCTAssertEqual(stripped("20201218:区教育局2020年工作总结"), "区教育局2020年工作总结")  // a date stamp
        XCTAssertEqual(stripped("【第1篇 县教育局2021年工作总结"), "县教育局2021年工作总结")
        XCTAssertEqual(stripped("【最新】县教育局2021年工作总结"), "县教育局2021年工作总结")
    }

    func testSEOAndSpamTailsAreCut() {
        XCTAssertEqual(stripped("区教育局2020年工作总结_市教育局工作总结范文"), "区教育局2020年工作总结")
        XCTAssertEqual(stripped("区教育局2020年工作总结_2020"), "区教育局2020年工作总结")  // a file name's tail
        XCTAssertEqual(stripped("市教育局2022年工作要点 关注官方抖音号获取更多"), "市教育局2022年工作要点")
        XCTAssertEqual(stripped("市教育局2022年工作要点关注官方抖音号"), "市教育局2022年工作要点")  // spam with no blank
    }

    // MARK: scoring

    private func score(_ line: String, first: Bool = false) -> Int? {
        let t = SimplifiedForm.of(Scalars(line))
        return TitleChooser.score(t, 0..<t.count, first: first, beforeBody: false)
    }

    func testTitlesOutscoreChrome() {
        let title = score("县教育局2021年工作总结")!
        XCTAssertGreaterThanOrEqual(title, TitleChooser.threshold)
        XCTAssertNil(score("政府信息公开", first: true))                             // no report word
        XCTAssertNil(score("仅供学习参考", first: true))
        XCTAssertNil(score("本文是县教育局2021年工作总结，供大家参考。", first: true))  // a blurb, a sentence
        XCTAssertNil(score("一、2021年工作总结"))                                   // a heading
        // A menu holding several report words is no title, even as the first line.
        XCTAssertLessThan(score("工作总结 工作计划 述职报告", first: true)!, TitleChooser.threshold)
        XCTAssertLessThan(score("工作总结范文网 首页", first: true) ?? 0, TitleChooser.threshold)
        // What it is made of, not where it stands: a plain title below the chrome wins.
        XCTAssertGreaterThan(title, score("工作总结频道 - 范文网", first: true) ?? 0)
        // The first kept line may be a short title (as the parser always took it).
        XCTAssertGreaterThanOrEqual(score("工作总结", first: true)!, TitleChooser.threshold)
        XCTAssertLessThan(score("工作总结")!, TitleChooser.threshold)
    }

    func testChromeAboveTheTitleIsDroppedNotTitled() {
        let source = parse(["欢迎访问教育信息网", "服务热线 0571-1234567", "县教育局2021年工作总结", "一、加强党建",
                            "全年召开党建工作会议四次。"])
        let report = source.reports[0]
        XCTAssertEqual(report.title, "县教育局2021年工作总结")
        XCTAssertEqual(report.year, 2021)
        XCTAssertEqual(report.docType, .summary)
        XCTAssertEqual(report.sections.map(\.fullHeading), ["一、加强党建"])
        XCTAssertEqual(report.dropped.filter { $0.rule == "before-title" }.map(\.text), ["欢迎访问教育信息网", "服务热线 0571-1234567"])
    }

    func testOneLinePageTitleIsFoundAfterChrome() {
        let source = parse(["注册 登录 搜索 县教育局2021年工作总结 2021年，全县教育系统坚持立德树人，各项工作稳步推进，圆满完成了年度目标任务和各项重点工作。"])
        XCTAssertEqual(source.reports[0].title, "县教育局2021年工作总结")
        XCTAssertTrue(source.reports[0].bodyText.hasPrefix("2021年，全县"))
    }

    func testEditorsBlurbAfterTheTitleIsDropped() {
        let source = parse(["县教育局2021年工作总结", "下面是小编为大家整理的县教育局2021年工作总结，供大家参考。", "一、加强党建",
                            "全年召开党建工作会议四次。"])
        XCTAssertEqual(source.reports[0].title, "县教育局2021年工作总结")
        XCTAssertFalse(source.reports[0].bodyText.contains("小编"))
    }

    // MARK: run-on titles and years

    func testRunOnTitleRunsToItsLastReportWord() {
        let text = Scalars("县教育局2022工作总结及2023年工作计划2022年，全县教育系统坚持稳中求进。")
        XCTAssertEqual(TitleLine.runOnTitleEnd(text).map { text[0..<$0].string }, "县教育局2022工作总结及2023年工作计划")
        let other = Scalars("县教育局2021年工作总结和2022年工作打算今年以来，县教育局围绕中心工作。")
        XCTAssertEqual(TitleLine.runOnTitleEnd(other).map { other[0..<$0].string }, "县教育局2021年工作总结和2022年工作打算")
        // A sentence is no run-on title.
        XCTAssertNil(TitleLine.runOnTitleEnd(Scalars("县教育局2021年工作总结如下：全年召开会议四次，完成任务。")))
    }

    func testBareYearInTitleIsAYear() {
        XCTAssertEqual(YearResolver.years(in: "县教育局2022工作总结", bare: true), [2022])
        XCTAssertEqual(YearResolver.years(in: "县教育局2022工作总结及2023年工作计划", bare: true), [2022, 2023])
        XCTAssertEqual(YearResolver.years(in: "投入2022万元", bare: true), [])        // a number with its unit
        XCTAssertEqual(YearResolver.years(in: "011234567/2021-00012", bare: true), [])  // an index number
        XCTAssertEqual(YearResolver.years(in: "县教育局2022工作总结"), [])            // in body text, only 年 makes a year
        let report = parse(["县教育局2022工作总结", "今年以来，全县教育系统坚持稳中求进。"]).reports[0]
        XCTAssertEqual(report.year, 2022)
    }

    // MARK: the file name

    func testTitleFromTheFileName() {
        let source = parse(["2020年，全区教育系统坚持立德树人根本任务，推动教育事业高质量发展，各项工作取得新成效。", "一、强化教育保障",
                            "完成三所学校新建工程。"], source: "content/浦口区教育局2020年工作总结_2020.txt")
        let report = source.reports[0]
        XCTAssertEqual(report.title, "浦口区教育局2020年工作总结")
        XCTAssertEqual(report.provenance["title"], "file name")
        XCTAssertEqual(report.issuer, "浦口区教育局")
        XCTAssertEqual(report.region.county, "浦口区")
        XCTAssertEqual(report.year, 2020)
    }

    func testATitleInTheTextOutranksTheFileName() {
        let source = parse(["县教育局2021年工作总结", "全年召开党建工作会议四次。"], source: "content/浦口区教育局2020年工作总结.txt")
        XCTAssertEqual(source.reports[0].title, "县教育局2021年工作总结")
        XCTAssertEqual(source.reports[0].provenance["title"], "title line")
    }

    // MARK: traditional script

    func testSimplifiedFormIsTheTextItselfWhenNothingIsTraditional() {
        XCTAssertFalse(SimplifiedForm.hasTraditional("县教育局2021年工作总结"))
        XCTAssertEqual(SimplifiedForm.of("县教育局2021年工作总结"), "县教育局2021年工作总结")
        XCTAssertTrue(SimplifiedForm.hasTraditional("縣教育局2021年工作總結"))
        XCTAssertEqual(SimplifiedForm.of("縣教育局2021年工作總結"), "县教育局2021年工作总结")
        XCTAssertEqual(SimplifiedForm.of("臨安區教育局工作報告及工作計劃"), "临安区教育局工作报告及工作计划")
        XCTAssertEqual(SimplifiedForm.original(of: "临安区教育局", in: "杭州市臨安區教育局工作報告"), "臨安區教育局")
    }

    func testTraditionalReportIsReadButShownAsWritten() {
        let source = parse(["仅供学习参考", "長興縣教育局2021年工作總結範文", "一、辦學條件持續改善", "全年新建學校四所。",
                            "長興縣教育局", "2021年12月31日"])
        let report = source.reports[0]
        XCTAssertEqual(report.title, "長興縣教育局2021年工作總結")
        XCTAssertEqual(report.docType, .summary)
        XCTAssertEqual(report.issuer, "長興縣教育局")
        XCTAssertEqual(report.region.county, "长兴县")
        XCTAssertEqual(report.region.level, "县")
        XCTAssertEqual(report.year, 2021)
        XCTAssertEqual(report.sections.map(\.fullHeading), ["一、辦學條件持續改善"])
    }
}
