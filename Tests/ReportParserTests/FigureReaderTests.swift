import ReportModel
import XCTest

@testable import ReportParser

final class FigureReaderTests: XCTestCase {
    private func figures(_ text: String) -> [Figure] {
        FigureReader.figures(in: text)
    }

    private func only(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Figure? {
        let found = figures(text)
        XCTAssertEqual(found.count, 1, "\(text): \(found)", file: file, line: line)
        return found.first
    }

    func testCountWithMeasureWord() {
        XCTAssertEqual(only("今年新建幼儿园12所，改善了办园条件。"), Figure(phrase: "新建幼儿园", written: "12所", value: 12, unit: "所"))
    }

    /// 亿 is multiplied into the value; the unit is what stays (元).
    func testMultiplierIsRead() {
        XCTAssertEqual(only("全年投入资金3.2亿元，用于校舍改造。"), Figure(phrase: "投入资金", written: "3.2亿元", value: 320_000_000, unit: "元"))
        XCTAssertEqual(only("校舍面积增加1.5万平方米。")?.value, 15_000)
        XCTAssertEqual(only("校舍面积增加1.5万平方米。")?.unit, "平方米")
    }

    /// A linking word (达) is not part of what is measured.
    func testPercentAndLinkingWord() {
        XCTAssertEqual(only("学前教育普惠率达91.17%。"), Figure(phrase: "学前教育普惠率", written: "91.17%", value: 91.17, unit: "%"))
        XCTAssertEqual(only("巩固率为９９．５％，")?.value, 99.5)
        XCTAssertEqual(only("巩固率为９９．５％，")?.unit, "%")
        XCTAssertEqual(only("优良率比上年提高3.4个百分点。"), Figure(phrase: "优良率比上年提高", written: "3.4个百分点", value: 3.4, unit: "个百分点"))
    }

    /// 686、598 may be one number or two: it is kept as written, with no value.
    func testListIsReadAsItStands() {
        XCTAssertEqual(only("义务阶段受助学生686、598人，发放资金。"), Figure(phrase: "义务阶段受助学生", written: "686、598人", value: nil, unit: "人"))
    }

    func testRangesKeepTheirForm() {
        XCTAssertEqual(only("每校配备心理教师10—15个，"), Figure(phrase: "每校配备心理教师", written: "10—15个", value: nil, unit: "个"))
        XCTAssertEqual(only("班额控制在40~45人。")?.written, "40~45人")
        XCTAssertEqual(only("培训教师3至5万人次")?.written, "3至5万人次")
        XCTAssertNil(only("培训教师3至5万人次")?.value)
    }

    func testChineseNumerals() {
        XCTAssertEqual(only("新建学校十二所，"), Figure(phrase: "新建学校", written: "十二所", value: 12, unit: "所"))
        XCTAssertEqual(only("投入一千二百万元")?.value, 12_000_000)
        XCTAssertEqual(only("资助学生一百二十人")?.value, 120)
        XCTAssertEqual(only("投入两千万元")?.value, 20_000_000)
        XCTAssertEqual(only("争取资金三点五亿元")?.value, 350_000_000)
    }

    func testAboutWordAndGroupedDigits() {
        XCTAssertEqual(only("发放倡议书15万余份"), Figure(phrase: "发放倡议书", written: "15万余份", value: 150_000, unit: "份"))
        XCTAssertEqual(only("在校学生19,925人")?.value, 19_925)
        XCTAssertEqual(figures("幼儿园 17 所（其中民办3所）").map(\.written), ["17 所", "3所"])
    }

    /// A count in words below ten is a figure where its unit ends the clause, not before the words it counts.
    func testSmallCountInWordsEndingItsClause() {
        XCTAssertEqual(only("今年新建学校三所。"), Figure(phrase: "新建学校", written: "三所", value: 3, unit: "所"))
        XCTAssertEqual(only("新建学校两所")?.value, 2)
        XCTAssertEqual(figures("新建三所学校，落实“四个全面”，执行“双八条”规定"), [])
        XCTAssertEqual(figures("培育了一批。每年开展一次。"), [], "一 says \"a\"")
    }

    /// A date's tail after a number is not part of the phrase; links at the end go, however many.
    func testPhraseEdges() {
        XCTAssertEqual(only("2023年新建幼儿园12所")?.phrase, "新建幼儿园")
        XCTAssertEqual(only("全县累计投入资金共计800万元")?.phrase, "全县累计投入资金")
        XCTAssertEqual(only("省财政下达资金800万元")?.phrase, "省财政下达资金")
        XCTAssertEqual(only("在上级党委和政府的正确领导下全县上下共同努力新建幼儿园12所")?.phrase, "领导下全县上下共同努力新建幼儿园")
    }

    func testNotFigures() {
        for text in ["2023年是全面贯彻党的二十大精神的开局之年。", "12月28日召开会议。", "一、主要工作", "（一）加强党建",
                     "1.强化师资", "第三，抓好安全。", "第12所学校", "落实“十四五”规划", "推进“双减”工作，实施“三个一”工程",
                     "新建两所学校", "一名教师", "千家万户", "news/255090.html", "上午9:30所有人", "共3所", "百年大计",
                     "联系电话：0571-87654321", "根据教发〔2023〕5号文件", "3月5日召开全县大会"] {
            XCTAssertEqual(figures(text), [], text)
        }
    }

    /// A word that starts with a unit but is none: the number before it is no figure.
    func testWordsThatStartLikeUnits() {
        XCTAssertEqual(figures("积极开展庆祝建党90周年活动"), [])
        XCTAssertEqual(figures("我县有7—12周岁适龄儿童11903人").map(\.written), ["11903人"])
        XCTAssertEqual(figures("在十五期间新建学校12所").map(\.written), ["12所"])
    }

    /// What ends the number before a phrase is not part of it: a unit, an age, an anonymised year's 年.
    func testPhraseLosesTheTailOfTheNumberBeforeIt() {
        XCTAssertEqual(figures("比2024年的474人增加62人").last?.phrase, "增加")
        XCTAssertEqual(only("全县有3—6岁儿童5577人")?.phrase, "儿童")
        XCTAssertEqual(only("xx年全县普通高中参加考试人数894人")?.phrase, "全县普通高中参加考试人数")
        XCTAssertEqual(only("30余所学校共7万人次参加")?.phrase, "学校")
    }

    /// A figure right after another, with nothing but that one's unit between, measures the same thing.
    func testFigureRightAfterAnotherSharesItsPhrase() {
        let found = figures("向上争取到教师周转宿舍建设项目112套3920平方米")
        XCTAssertEqual(found.map(\.written), ["112套", "3920平方米"])
        XCTAssertEqual(found.map(\.phrase), ["向上争取到教师周转宿舍建设项目", "向上争取到教师周转宿舍建设项目"])
        XCTAssertEqual(figures("2023年12所"), [], "a date is no figure to share a phrase with")
    }

    func testSeveralInOneSentenceInOrder() {
        let found = figures("全县有小学208所、初中31所，在校小学生34776人，入学率99.70%。")
        XCTAssertEqual(found.map(\.phrase), ["全县有小学", "初中", "在校小学生", "入学率"])
        XCTAssertEqual(found.map(\.value), [208, 31, 34_776, 99.7])
    }

    /// The scan passes over all but digits and numerals, and still stops at each kind of number.
    func testPassesOverTextWithoutNumbers() {
        XCTAssertEqual(figures("加强党的建设，落实立德树人根本任务。"), [])
        XCTAssertEqual(only("新建学校十二所")?.value, 12)
        XCTAssertEqual(only("资金１亿元")?.value, 100_000_000)
    }

    /// Each section holds its own paragraphs' figures; the text before the first heading is the report's.
    func testFiguresAttachToTheirSection() {
        let report = report([
            "某县教育局2023年工作总结",
            "全年教育投入达到5.6亿元。",
            "一、学前教育",
            "新建幼儿园12所，普惠率达91.17%。",
            "（一）师资",
            "招聘教师300名。",
            "二、义务教育",
            "改造校舍2.5万平方米。",
        ])
        XCTAssertEqual(report.figures.map(\.written), ["5.6亿元"])
        XCTAssertEqual(report.sections.first?.figures.map(\.written), ["12所", "91.17%"])
        XCTAssertEqual(report.sections.first?.children.first?.figures.map(\.written), ["300名"])
        XCTAssertEqual(report.sections.last?.figures.first?.value, 25_000)
    }

    /// Numbered items unfolded back into text (a checklist) bring their figures, their headings' too.
    func testChecklistItemsKeepTheirFigures() {
        let report = report([
            "某县教育局2023年工作总结",
            "一、主要工作",
            "1、新建幼儿园12所。",
            "2、招聘教师300名。",
            "3、改造校舍2.5万平方米。",
        ])
        XCTAssertEqual(report.sections.first?.children, [])
        XCTAssertEqual(report.sections.first?.figures.map(\.written), ["12所", "300名", "2.5万平方米"])
    }

    /// Figures really in a seed: the phrase, the value read and the unit.
    func testSeedFigures() throws {
        let source = try ReportParser().parse(file: TestPaths.content("000_155cf9d07f7bc588.txt"))
        var all: [Figure] = []
        for report in source.reports {
            all += report.figures
            func walk(_ sections: [Section]) { for s in sections { all += s.figures; walk(s.children) } }
            walk(report.sections)
        }
        XCTAssertTrue(all.contains(Figure(phrase: "占比", written: "91.17%", value: 91.17, unit: "%")), "\(all)")
        XCTAssertTrue(all.contains(Figure(phrase: "暑期共投入资金", written: "800万元", value: 8_000_000, unit: "元")), "\(all)")
        XCTAssertTrue(all.contains { $0.written == "21所" && $0.phrase.hasSuffix("校长负责制学校") }, "\(all)")
    }

    /// JSON from before figures existed still reads.
    func testJSONWithoutFiguresDecodes() throws {
        var report = Report(id: "a-01", sections: [Section(number: "一、", heading: "概况", level: 1, figures: [
            Figure(phrase: "新建幼儿园", written: "10—15所", value: nil, unit: "所"),
        ])])
        report.figures = [Figure(phrase: "投入资金", written: "3.2亿元", value: 320_000_000, unit: "元")]
        let data = try JSONEncoder().encode(report)
        XCTAssertEqual(try JSONDecoder().decode(Report.self, from: data), report)
        XCTAssertTrue(String(decoding: data, as: UTF8.self).contains("\"value\":null"))
        var object = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        object["figures"] = nil
        var sections = object["sections"] as! [[String: Any]]
        sections[0]["figures"] = nil
        object["sections"] = sections
        let old = try JSONDecoder().decode(Report.self, from: JSONSerialization.data(withJSONObject: object))
        XCTAssertEqual(old.figures, [])
        XCTAssertEqual(old.sections.first?.figures, [])
    }
}
