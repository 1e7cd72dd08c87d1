import Foundation
import ReportModel
import XCTest

@testable import ReportParser

/// The split stage: one source → reports, by 第N篇 markers, a 目录, or title lines.
final class SplitTests: XCTestCase {
    private func parse(_ lines: [String], source: String = "content/test.txt") -> Source {
        ReportParser().parse(text: lines.joined(separator: "\n"), source: source)
    }

    private func allDropped(_ source: Source) -> [DroppedText] {
        (source.dropped + source.reports.flatMap(\.dropped)).sorted { $0.line < $1.line }
    }

    // MARK: 第N篇 markers

    func testArticleMarkersSplitAndAreRecorded() {
        // The first marker hides the year (xx年) that the report's own title line then gives.
        let source = parse([
            "第一篇 县教育局xx年工作总结 1700字",
            "县教育局2023年工作总结",
            "一、加强党的建设",
            "全年召开党建工作会议四次。",
            "第二篇 县教育局2024年工作计划 2100字",
            "一、总体要求",
            "坚持立德树人根本任务。",
        ])
        XCTAssertEqual(source.kind, .collection)
        XCTAssertEqual(source.listedCount, 2)
        XCTAssertEqual(source.presentCount, 2)
        // The report's own title line is its title; the marker's other form of it is the listed title.
        XCTAssertEqual(source.reports.map(\.title), ["县教育局2023年工作总结", "县教育局2024年工作计划"])
        XCTAssertEqual(source.reports.map(\.listedTitle), ["县教育局xx年工作总结", nil])
        XCTAssertEqual(source.reports.map { $0.sections.map(\.fullHeading) }, [["一、加强党的建设"], ["一、总体要求"]])
        let markers = allDropped(source).filter { $0.rule == "article-marker" }
        XCTAssertEqual(markers, [
            DroppedText(rule: "article-marker", text: "第一篇 县教育局xx年工作总结 1700字", line: 1),
            DroppedText(rule: "article-marker", text: "第二篇 县教育局2024年工作计划 2100字", line: 5),
        ])
        // The word count is not part of any body.
        XCTAssertFalse(source.reports.contains { $0.bodyText.contains("2100字") })
    }

    func testArticleMarkerOutOfSequenceIsText() {
        // 第五篇 after 第二篇 does not continue the numbering: it is a sentence of report 2.
        let source = parse([
            "第1篇 县教育局2023年工作总结",
            "全年召开党建工作会议四次。",
            "第2篇 县教育局2024年工作计划",
            "坚持立德树人根本任务。",
            "第五篇 课文教学要突出重点",
        ])
        XCTAssertEqual(source.listedCount, 2)
        XCTAssertEqual(source.reports.count, 2)
        XCTAssertEqual(source.reports.last?.paragraphs, ["坚持立德树人根本任务。", "第五篇 课文教学要突出重点"])
    }

    // MARK: 目录

    func testInlineTableOfContentsWithTitlesRunningOnMidLine() {
        // Like seed 000: 目录 and reports on one line, entry 1 read as L, page numbers glued on (总结22, / 总结73 .).
        let line = "教育局2023年度工作总结汇编(3篇)目录L区教育局2023年工作总结22,县教育局2023年工作总结73 .市教育局2023年度工作计划16"
            + "区教育局2023年工作总结一、强化党的领导。全年召开党委会议十二次,对照县教育局2023年工作总结查找差距。"
            + "县教育局2023年工作总结一、推进学前教育。新建幼儿园两所。"
        let source = parse([line])
        XCTAssertEqual(source.collectionTitle, "教育局2023年度工作总结汇编(3篇)")
        XCTAssertEqual(source.listedCount, 3)
        XCTAssertEqual(source.presentCount, 2)
        XCTAssertEqual(source.reports.map(\.title), ["区教育局2023年工作总结", "县教育局2023年工作总结"])
        XCTAssertEqual(source.reports.map { $0.sections.map(\.fullHeading) }, [["一、强化党的领导。"], ["一、推进学前教育。"]])
        // 对照县教育局2023年工作总结 names report 2's title mid-sentence: no cut there, it stays in report 1.
        XCTAssertEqual(source.reports.first?.sections.first?.paragraphs, ["全年召开党委会议十二次,对照县教育局2023年工作总结查找差距。"])
        XCTAssertEqual(source.reports.map(\.complete), [true, false])
        let toc = allDropped(source).filter { $0.rule == "table-of-contents" }
        XCTAssertEqual(toc.count, 1)
        XCTAssertTrue(toc.first?.text.hasPrefix("目录L区教育局") ?? false, "\(toc)")
        XCTAssertTrue(toc.first?.text.hasSuffix("工作计划16") ?? false, "\(toc)")
    }

    func testOneEntryPerLineTableOfContents() {
        // `1.title 3`, with leader dots (……7) on one entry; the titles then stand on lines of their own.
        let source = parse([
            "教育局工作总结汇编(3篇)",
            "目录",
            "1.区教育局2023年工作总结 3",
            "2.县教育局2023年工作计划……7",
            "3.市教育局2023年工作要点 12",
            "区教育局2023年工作总结",
            "一、加强党的建设",
            "全年召开党建工作会议四次。",
            "县教育局2023年工作计划",
            "一、总体要求",
            "坚持立德树人根本任务。",
            "市教育局2023年工作要点",
            "一、指导思想",
            "以人民满意为目标。",
        ])
        XCTAssertEqual(source.collectionTitle, "教育局工作总结汇编(3篇)")
        XCTAssertEqual(source.listedCount, 3)
        XCTAssertEqual(source.reports.map(\.title), ["区教育局2023年工作总结", "县教育局2023年工作计划", "市教育局2023年工作要点"])
        XCTAssertEqual(source.reports.map { $0.sections.map(\.fullHeading) }, [["一、加强党的建设"], ["一、总体要求"], ["一、指导思想"]])
        XCTAssertEqual(source.reports.map(\.complete), [true, true, true])
        // The 目录 lines are in no report.
        XCTAssertFalse(source.reports.contains { $0.bodyText.contains("1.区教育局") || $0.bodyText.contains("……7") })
        XCTAssertEqual(allDropped(source).filter { $0.rule == "table-of-contents" }.map(\.line), [2])
    }

    // MARK: 目录 with no collection title

    private let untitledBodies = [
        "平江县教育局2019年工作总结", "一、办学条件", "新建学校十二所。", "平江县教育局", "2019年12月28日",
        "东阳市教育局2020年工作要点", "一、总体要求", "坚持立德树人根本任务。",
    ]

    func testTableOfContentsWithNoCollectionTitleSplits() {
        // `目录1.…22.…5`: page numbers fused onto the next entry's number, nothing before 目录.
        let source = parse(["目录1.平江县教育局2019年工作总结22.东阳市教育局2020年工作要点5"] + untitledBodies)
        XCTAssertEqual(source.kind, .collection)
        XCTAssertNil(source.collectionTitle)
        XCTAssertEqual(source.listedCount, 2)
        XCTAssertEqual(source.reports.map(\.title), ["平江县教育局2019年工作总结", "东阳市教育局2020年工作要点"])
        XCTAssertEqual(source.reports.map(\.complete), [true, true])
        XCTAssertEqual(allDropped(source).filter { $0.rule == "table-of-contents" }.map(\.line), [1])
    }

    func testCountBeforeTheTableOfContentsIsTheListedCount() {
        // `3篇汇编目录…`: the count stands first, not at the end of a title; two of three present.
        let source = parse(["3篇汇编目录1.平江县教育局2019年工作总结22.东阳市教育局2020年工作要点53.兴化市教育局2021年工作总结9"] + untitledBodies)
        XCTAssertEqual(source.listedCount, 3)
        XCTAssertEqual(source.presentCount, 2)
        XCTAssertEqual(source.reports.last?.complete, false)
    }

    func testTableOfContentsWithAColonOneEntryPerLine() {
        // `目录：` after a breadcrumb, then `1.title……2` lines.
        let source = parse(["当前位置：首页 > 工作总结", "目录：", "1.平江县教育局2019年工作总结……2", "2.东阳市教育局2020年工作要点……5"] + untitledBodies)
        XCTAssertEqual(source.reports.map(\.title), ["平江县教育局2019年工作总结", "东阳市教育局2020年工作要点"])
        XCTAssertFalse(source.reports.contains { $0.bodyText.contains("……") })
    }

    func testUntitledTableOfContentsWhoseTitlesAreNotInTheBodyDoesNotSplit() {
        // A 目录 naming reports the page does not hold: one report, nothing promised.
        let source = parse(["目录1.平江县教育局2019年工作总结22.东阳市教育局2020年工作要点5", "兴化市教育局2021年工作总结", "一、主要工作", "全年完成各项任务。"])
        XCTAssertEqual(source.kind, .single)
        XCTAssertEqual(source.listedCount, 1)
        XCTAssertEqual(source.reports.count, 1)
    }

    func testListedTitleRunsOnAfterASignedDate() {
        // A flattened .docx: `…活动120余场。扎兰屯市教育局2020年12月26日泰州市教育局…`.
        let source = parse(["目录1.扎兰屯市教育局2020年工作总结32.泰州市教育局2020年工作总结6"
            + "扎兰屯市教育局2020年工作总结一、疫情防控有力有序。实现师生零感染。扎兰屯市教育局2020年12月26日"
            + "泰州市教育局2020年工作总结一、教育资源有效扩充。新增学位2.4万个。泰州市教育局2020年12月30日"])
        XCTAssertEqual(source.reports.map(\.title), ["扎兰屯市教育局2020年工作总结", "泰州市教育局2020年工作总结"])
        XCTAssertEqual(source.reports.map(\.signedDate), ["2020-12-26", "2020-12-30"])
        XCTAssertEqual(source.reports.map(\.complete), [true, true])
    }

    func testTitleSetOffByABlankFromThePagesText() {
        // `县教育工作要点 2005年全县…`: no office word to end a run-on title, but a blank sets it off;
        // a compound title runs past its first document word to the blank.
        let one = parse(["2005年XX县教育工作要点 2005年全县教育工作的总体要求是：落实立德树人根本任务。"])
        XCTAssertEqual(one.reports.first?.title, "2005年XX县教育工作要点")
        let two = parse(["西吉县教育局2021年工作总结及2022年工作计划 2021年，全县教育系统较好完成了年度目标任务。"])
        XCTAssertEqual(two.reports.first?.title, "西吉县教育局2021年工作总结及2022年工作计划")
        XCTAssertEqual(two.reports.first?.paragraphs, ["2021年，全县教育系统较好完成了年度目标任务。"])
    }

    // MARK: Repeated titles

    func testTitleRepeatedWithTheFirstHeadingRunOn() {
        let source = parse(["泰州市教育局2021年工作总结", "泰州市教育局2021年工作总结一、坚持党建统领", "全市开展学习1200余场次。", "二、坚持优质均衡", "新增学位2.1万个。"])
        XCTAssertEqual(source.reports.first?.sections.map(\.fullHeading), ["一、坚持党建统领", "二、坚持优质均衡"])
        XCTAssertEqual(allDropped(source).filter { $0.rule == "repeated-title" }.count, 1)
    }

    func testSiteRepeatedTitleLineIsNoPartTitle() {
        // The title again at a page's head, its year left out, before (一): dropped, not a level-0 part.
        let source = parse(["长沙市教育局2021年工作总结", "一、教育事业发展", "长沙市教育局工作总结", "（一）学位建设。新增学位6.2万个。",
                            "二、教育改革创新", "长沙市教育局工作总结", "（一）教育评价改革。出台实施方案。"])
        XCTAssertEqual(source.reports.first?.sections.map(\.fullHeading), ["一、教育事业发展", "二、教育改革创新"])
        XCTAssertFalse(source.reports.first?.bodyText.contains("长沙市教育局工作总结") ?? true)
    }

    // MARK: Promised counts

    func testCollectionPromisingThreeWithOnePresentIsCutOff() {
        let source = parse([
            "县教育局工作总结汇编（3篇）",
            "县教育局2023年工作总结",
            "一、加强党的建设",
            "全年召开党建工作会议四次。",
        ])
        XCTAssertEqual(source.kind, .collection)
        XCTAssertEqual(source.collectionTitle, "县教育局工作总结汇编（3篇）")
        XCTAssertEqual(source.listedCount, 3)
        XCTAssertEqual(source.presentCount, 1)
        XCTAssertEqual(source.reports.first?.title, "县教育局2023年工作总结")
        XCTAssertEqual(source.reports.last?.complete, false)
        XCTAssertNotNil(source.reports.last?.incompleteReason)
    }

    func testChineseCountTenWithTitleLinesSplitting() {
        // 十篇 with no (): the count is still read; each title line after a finished paragraph starts a report.
        let source = parse([
            "2023年县教育局工作总结和工作要点十篇",
            "县教育局2023年工作总结",
            "全年完成校舍改造三所。",
            "县教育局2024年工作要点",
            "坚持立德树人根本任务。",
        ])
        XCTAssertEqual(source.collectionTitle, "2023年县教育局工作总结和工作要点十篇")
        XCTAssertEqual(source.listedCount, 10)
        XCTAssertEqual(source.reports.map(\.title), ["县教育局2023年工作总结", "县教育局2024年工作要点"])
        XCTAssertEqual(source.reports.map(\.paragraphs), [["全年完成校舍改造三所。"], ["坚持立德树人根本任务。"]])
        XCTAssertEqual(source.reports.map(\.complete), [true, false])
    }

    func testTitleLineAfterAnUnfinishedParagraphDoesNotStartAReport() {
        // A paragraph that stops mid-sentence runs on; a title-like line after it is not a new report.
        let source = parse([
            "教育局工作总结汇编(5篇)",
            "县教育局2023年工作总结",
            "全年按照上级部署",
            "认真落实县教育局2023年工作计划",
            "完成各项任务。",
        ])
        XCTAssertEqual(source.presentCount, 1)
        XCTAssertEqual(source.reports.first?.title, "县教育局2023年工作总结")
    }

    // MARK: Single reports

    func testSingleReportWithBreadcrumbAndRepeatedTitle() {
        // An essay site: breadcrumb, title, date line, then the title again above the body.
        let source = parse([
            "您的位置:首页 > 工作总结 > 正文",
            "县教育局2021年工作总结",
            "发布时间:2021-11-14",
            "县教育局2021年工作总结",
            "今年以来,全县教育系统认真落实上级部署。",
            "一、抓党建聚人心",
            "全年召开党建工作会议四次。",
        ])
        XCTAssertEqual(source.kind, .single)
        XCTAssertEqual(source.listedCount, 1)
        XCTAssertEqual(source.presentCount, 1)
        let report = source.reports[0]
        XCTAssertEqual(report.title, "县教育局2021年工作总结")
        XCTAssertNil(report.listedTitle)
        XCTAssertEqual(report.paragraphs, ["今年以来,全县教育系统认真落实上级部署。"])
        XCTAssertEqual(report.sections.map(\.fullHeading), ["一、抓党建聚人心"])
        XCTAssertEqual(report.publishedDate, "2021-11-14")
        XCTAssertEqual(allDropped(source).map(\.rule), ["breadcrumb", "date-line", "repeated-title"])
        XCTAssertEqual(allDropped(source).map(\.line), [1, 3, 4])
    }

    func testReportPastedTwiceIsKeptOnce() {
        // The page holds the whole report twice, title and all.
        let source = parse([
            "县教育局2022年工作总结",
            "今年以来,全县教育系统认真落实上级部署。",
            "一、加强党的建设",
            "全年召开党建工作会议四次。",
            "县教育局2022年工作总结",
            "今年以来,全县教育系统认真落实上级部署。",
            "一、加强党的建设",
            "全年召开党建工作会议四次。",
        ])
        XCTAssertEqual(source.presentCount, 1)
        let report = source.reports[0]
        XCTAssertEqual(report.paragraphs, ["今年以来,全县教育系统认真落实上级部署。"])
        XCTAssertEqual(report.sections.map(\.fullHeading), ["一、加强党的建设"])
        XCTAssertEqual(report.sections.first?.paragraphs, ["全年召开党建工作会议四次。"])
        XCTAssertEqual(report.dropped.filter { $0.rule == "repeated-copy" }.map(\.line), [6, 7, 8])
        XCTAssertEqual(report.dropped.filter { $0.rule == "repeated-title" }.map(\.line), [5])
    }

    func testOpeningSentenceRepeatedAloneIsKept() {
        // The opening recurs as a closing line, but the rest does not follow: not a second copy.
        let source = parse([
            "县教育局2022年工作总结",
            "全县教育系统认真落实上级部署。",
            "一、加强党的建设",
            "全年召开党建工作会议四次。",
            "全县教育系统认真落实上级部署。",
        ])
        XCTAssertEqual(source.reports.first?.sections.first?.paragraphs, ["全年召开党建工作会议四次。", "全县教育系统认真落实上级部署。"])
        XCTAssertFalse(source.reports[0].dropped.contains { $0.rule == "repeated-copy" })
    }

    func testInlineTableOfContentsWithSpacesAfterPageNumbers() {
        // `1.title 2 2.title 5`: a blank between each page number and the next entry's number.
        let source = parse([
            "教育局工作总结汇编(2篇)目录1.甲县教育局2022年工作总结 2 2.乙区教育局2022年工作要点 5",
            "甲县教育局2022年工作总结",
            "一、基本情况",
            "全县有学校30所。",
            "乙区教育局2022年工作要点",
            "一、总体要求",
            "坚持立德树人。",
        ])
        XCTAssertEqual(source.listedCount, 2)
        XCTAssertEqual(source.reports.map(\.title), ["甲县教育局2022年工作总结", "乙区教育局2022年工作要点"])
    }

    func testTitleRunningIntoTheTextIsSeparated() {
        // A document-sharing preview joins the title and the first page of text on one line.
        let source = parse(["县教育局2023年工作总结2023年，全县教育系统坚持立德树人，各项工作取得新进展。一、加强党建。全年开展活动。"])
        XCTAssertEqual(source.reports.first?.title, "县教育局2023年工作总结")
        XCTAssertEqual(source.reports.first?.paragraphs.first, "2023年，全县教育系统坚持立德树人，各项工作取得新进展。")
    }
}
