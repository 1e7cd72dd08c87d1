import Foundation
import ReportModel
import XCTest

@testable import ReportParser

/// The structure stage: the heading tree, the paragraphs and the signature of one report.
final class StructureTests: XCTestCase {
    private func all(_ sections: [Section]) -> [Section] {
        sections.flatMap { [$0] + all($0.children) }
    }

    private let title = "县教育局2023年工作总结"

    func testBodyTextAppendedAgreesWithJoined() {
        // The metadata fallbacks read the body built by `ReportParser.bodyText(of:)`: the same text as `Report.bodyText`.
        var report = report([title, "前言一段。", "一、加强党的建设", "（一）强化政治建设", "全年检查十二次。", "二、下一步", "继续努力。"])
        XCTAssertEqual(ReportParser.bodyText(of: report), report.bodyText)
        report.signature = "县教育局\n2023年12月1日"
        XCTAssertEqual(ReportParser.bodyText(of: report), report.bodyText)
        XCTAssertEqual(ReportParser.bodyText(of: Report(id: "empty")), Report(id: "empty").bodyText)
    }

    // MARK: Levels

    func testFiveLevelsNest() {
        // GB/T 9704's five levels, each one deeper, each on its own line.
        let report = report([title, "一、加强党的建设", "（一）强化政治建设", "1.完善学习制度", "(1)建立学习台账", "①按月检查台账", "全年检查十二次。"])
        let one = report.sections
        XCTAssertEqual(one.map(\.fullHeading), ["一、加强党的建设"])
        let two = one.first?.children ?? []
        XCTAssertEqual(two.map(\.fullHeading), ["（一）强化政治建设"])
        let three = two.first?.children ?? []
        XCTAssertEqual(three.map(\.fullHeading), ["1.完善学习制度"])
        let four = three.first?.children ?? []
        XCTAssertEqual(four.map(\.fullHeading), ["(1)建立学习台账"])
        let five = four.first?.children ?? []
        XCTAssertEqual(five.map(\.number), ["①"])
        XCTAssertEqual(five.map(\.heading), ["按月检查台账"])
        XCTAssertEqual(five.first?.paragraphs, ["全年检查十二次。"])
        XCTAssertEqual(all(report.sections).map(\.level), [1, 2, 3, 4, 5])
    }

    func testHalfAndFullWidthParenthesesAreTheSameLevel() {
        // (一) and （二） are siblings at level 2, whichever parentheses a copy used.
        let report = report([title, "一、加强党的建设", "(一)强化政治建设", "全年召开会议四次。", "（二）加强作风建设", "开展作风整顿。"])
        let children = report.sections.first?.children ?? []
        XCTAssertEqual(children.map(\.number), ["(一)", "（二）"])
        XCTAssertEqual(children.map(\.level), [2, 2])
        XCTAssertEqual(children.map(\.paragraphs), [["全年召开会议四次。"], ["开展作风整顿。"]])
    }

    func testArabicNumberVariantsAreOneLevel() {
        // 1. 1、 1． and `1 .` (a .docx preview's blank before the dot) all number level 3.
        let report = report([
            title, "一、主要工作",
            "1.完善制度", "出台制度三项。", "2、健全机制", "建立机制两项。", "3．加强考核", "考核全覆盖。", "4 .落实责任", "签订责任书。",
        ])
        let items = report.sections.first?.children ?? []
        XCTAssertEqual(items.map(\.number), ["1.", "2、", "3．", "4 ."])
        XCTAssertEqual(items.map(\.heading), ["完善制度", "健全机制", "加强考核", "落实责任"])
        XCTAssertEqual(items.map(\.level), [3, 3, 3, 3])
        XCTAssertEqual(items.last?.paragraphs, ["签订责任书。"])
    }

    func testParenthesisedArabicAndCircledNumbers() {
        // (1) and （3） mix parentheses; ① opens level 5 under (2).
        let report = report([title, "一、主要工作", "(1)完善制度", "出台制度三项。", "②健全机制", "(2)加强考核", "①按月考核", "（3）落实责任"])
        let items = report.sections.first?.children ?? []
        // ② cannot start a level: a new level starts at 1, so it is text under (1).
        XCTAssertEqual(items.map(\.number), ["(1)", "(2)", "（3）"])
        XCTAssertEqual(items.map(\.level), [4, 4, 4])
        XCTAssertEqual(items.first?.paragraphs, ["出台制度三项。", "②健全机制"])
        XCTAssertEqual(items.dropFirst().first?.children.map(\.fullHeading), ["①按月考核"])
        XCTAssertEqual(items.dropFirst().first?.children.map(\.level), [5])
    }

    // MARK: Inline headings

    func testInlineHeadingsRunToTheirFirstFullStop() {
        // The whole report on one line: each heading ends at its 。 and the next starts after one.
        let report = report([title, "一、加强党的建设。全年召开党建工作会议四次。二、推进教育改革。完成集团化办学改革。三、提升教育质量。质量稳步提升。"])
        XCTAssertEqual(report.sections.map(\.fullHeading), ["一、加强党的建设。", "二、推进教育改革。", "三、提升教育质量。"])
        XCTAssertEqual(report.sections.map(\.paragraphs), [["全年召开党建工作会议四次。"], ["完成集团化办学改革。"], ["质量稳步提升。"]])
    }

    func testInlineHeadingRunsToTheNextHeading() {
        // 一、 has no full stop: it ends where its first child (一) begins.
        let report = report([title, "一、强化党的领导(一)坚持党建引领,加强政治建设。以党的政治建设为统领。(二)开展述职评议。组织开展述职评议工作。二、推进学前教育普及普惠发展(一)调整学前教育政策。扩大普惠资源。"])
        XCTAssertEqual(report.sections.map(\.fullHeading), ["一、强化党的领导", "二、推进学前教育普及普惠发展"])
        XCTAssertEqual(report.sections.first?.children.map(\.fullHeading), ["(一)坚持党建引领,加强政治建设。", "(二)开展述职评议。"])
        XCTAssertEqual(report.sections.first?.children.map(\.paragraphs), [["以党的政治建设为统领。"], ["组织开展述职评议工作。"]])
        XCTAssertEqual(report.sections.last?.children.first?.paragraphs, ["扩大普惠资源。"])
    }

    func testInlineHeadingEndsAtABlankGap() {
        // `一、2023年工作总结 2023年,全市…`: the heading stops at the blank, the year after it is text.
        let report = report([title, "一、2023年工作总结 2023年,全市教育系统以公共服务为主线,教育发展取得新成效。 (一)党的领导进一步加强。 1.政治建设全面加强。坚持凝心铸魂。"])
        XCTAssertEqual(report.sections.map(\.fullHeading), ["一、2023年工作总结"])
        XCTAssertEqual(report.sections.first?.paragraphs, ["2023年,全市教育系统以公共服务为主线,教育发展取得新成效。"])
        XCTAssertEqual(report.sections.first?.children.map(\.fullHeading), ["(一)党的领导进一步加强。"])
        XCTAssertEqual(report.sections.first?.children.first?.children.map(\.fullHeading), ["1.政治建设全面加强。"])
        XCTAssertEqual(report.sections.first?.children.first?.children.first?.paragraphs, ["坚持凝心铸魂。"])
    }

    // MARK: Sequence

    private func numbered(_ numerals: [String]) -> [String] {
        [title] + numerals.flatMap { ["\($0)、第\($0)项工作", "完成第\($0)项任务。"] }
    }

    func testGapOfOneIsTolerated() {
        // 四 → 六: copies drop a part now and then.
        let report = report(numbered(["一", "二", "三", "四", "六"]))
        XCTAssertEqual(report.sections.map(\.number), ["一、", "二、", "三、", "四、", "六、"])
    }

    func testGapOfTwoIsText() {
        // 四 → 七 does not continue the numbering: 七、 is a line of 四's text.
        let report = report(numbered(["一", "二", "三", "四", "七"]))
        XCTAssertEqual(report.sections.map(\.number), ["一、", "二、", "三、", "四、"])
        XCTAssertEqual(report.sections.last?.paragraphs, ["完成第四项任务。", "七、第七项工作", "完成第七项任务。"])
    }

    func testRepeatedNumberIsText() {
        // A second 二、 after 二、 does not continue anything.
        let report = report(numbered(["一", "二", "二"]))
        XCTAssertEqual(report.sections.map(\.number), ["一、", "二、"])
    }

    // MARK: Look-alikes

    func testIdiomJuYiFanSanIsNotAHeading() {
        // 举一反三、 ends in 三、 just where a third part would come, but not at a sentence boundary.
        let report = report([title, "一、加强党的建设", "全年召开会议四次。", "二、强化安全管理", "深入排查问题,并举一反三、完善制度、堵塞漏洞,营造风清气正的环境。"])
        XCTAssertEqual(report.sections.map(\.fullHeading), ["一、加强党的建设", "二、强化安全管理"])
        XCTAssertEqual(report.sections.last?.paragraphs, ["深入排查问题,并举一反三、完善制度、堵塞漏洞,营造风清气正的环境。"])
    }

    func testPlenumNumbersInsideASentenceAreNotHeadings() {
        // 十六届四、五中全会 inside a line, with 四 the next number of the sequence.
        let report = report([title, "一、加强党的建设", "全年召开会议四次。", "二、强化理论学习", "三、深化德育工作", "深入学习十六届四、五中全会精神。"])
        XCTAssertEqual(report.sections.map(\.number), ["一、", "二、", "三、"])
        XCTAssertEqual(report.sections.last?.paragraphs, ["深入学习十六届四、五中全会精神。"])
    }

    func testPlenumNumbersAtALineStartAfterAWrapAreNotAHeading() {
        // The wrap puts 四、五中全会 at a line start right after 三、; 四、五 enumerates, it heads nothing.
        let report = report([title, "一、加强党的建设", "全年召开会议四次。", "二、强化理论学习", "认真学习。", "三、深化德育工作",
                             "一年中,我县组织干部教师深入学习了十六大、十六届", "四、五中全会精神。各中学开展专题讲座。"])
        XCTAssertEqual(report.sections.map(\.number), ["一、", "二、", "三、"])
        XCTAssertFalse(all(report.sections).contains { $0.heading.hasPrefix("五中全会") })
        XCTAssertTrue(report.bodyText.replacingOccurrences(of: "\n", with: "").contains("十六届四、五中全会精神"))
    }

    func testPlenumParagraphCutByAWrapRunsOn() {
        // The wrap cut one sentence in two: like 单 / 一、陈旧, the text after the wrap runs on.
        let report = report([title, "一、加强党的建设", "全年召开会议四次。", "二、强化理论学习", "认真学习。", "三、深化德育工作",
                             "一年中,我县组织干部教师深入学习了十六大、十六届", "四、五中全会精神。各中学开展专题讲座。"])
        XCTAssertEqual(report.sections.last?.paragraphs, ["一年中,我县组织干部教师深入学习了十六大、十六届四、五中全会精神。各中学开展专题讲座。"])
    }

    func testGradeEnumerationsAreNotHeadings() {
        // 一、二年级 at a line start where 一、 could open the report; 二、三等奖 where 二、 would come next.
        let report = report([title, "一、二年级学生参加了知识竞赛。", "一、教学工作", "全县学生获一等奖12项,", "二、三等奖228项。", "二、德育工作", "开展主题活动。"])
        XCTAssertEqual(report.paragraphs, ["一、二年级学生参加了知识竞赛。"])
        XCTAssertEqual(report.sections.map(\.fullHeading), ["一、教学工作", "二、德育工作"])
        XCTAssertTrue(report.bodyText.contains("二、三等奖228项。"))
    }

    func testWordBrokenByAWrapBeforeANumeralRunsOn() {
        // 单一、陈旧 wrapped as 单 / 一、陈旧 inside 七、 (after 1、 2、): 一 cannot continue, the sentence runs on.
        let report = report([
            title, "六、基础建设", "新建校舍三所。", "七、存在困难与问题",
            "1、由于我县财政十分困难,历年欠账较多。",
            "2、极少数教师的教育观念依然落后,教育教学方法单",
            "",
            "一、陈旧,提高教师素质任重道远。",
            "3、大部分学校资金短缺。",
        ])
        XCTAssertEqual(report.sections.map(\.fullHeading), ["六、基础建设", "七、存在困难与问题"])
        // The items are whole sentences with nothing under them: a list in 七、's text, not headings.
        XCTAssertEqual(report.sections.last?.children.count, 0)
        XCTAssertEqual(report.sections.last?.paragraphs.map { String($0.prefix(2)) }, ["1、", "2、", "3、"])
        XCTAssertTrue(report.bodyText.replacingOccurrences(of: "\n", with: "").contains("教育教学方法单一、陈旧,提高教师素质任重道远。"), report.bodyText)
        XCTAssertFalse(all(report.sections).contains { $0.heading.hasPrefix("陈旧") })
    }

    func testDecimalsAndEnumeratedDigitsAreNotHeadings() {
        // 1.5万 is a number and 1、2号楼 an enumeration, even right after a full stop.
        let report = report([title, "一、办学条件", "新增学位3.2万个。1.5万平方米校舍完工。1、2号楼投入使用。"])
        XCTAssertEqual(all(report.sections).map(\.fullHeading), ["一、办学条件"])
        XCTAssertEqual(report.sections.first?.paragraphs, ["新增学位3.2万个。1.5万平方米校舍完工。1、2号楼投入使用。"])
    }

    func testNumberTooLongForAHeadingHeadsAParagraph() {
        // More than 60 characters before the first 。: a numbered paragraph, number and text kept whole
        // as text (never a heading with no words); the numbering still counts it, so 2、 follows.
        let sentence = "全年共投入资金一点二亿元用于改善办学条件,新建改扩建校舍四万平方米,新增学位三千二百个,添置课桌椅一万套,有效缓解了城区学校大班额问题。"
        XCTAssertGreaterThan(sentence.count, 61)
        let report = report([title, "一、办学条件", "1、" + sentence, "2、队伍建设", "引进教师120名。"])
        XCTAssertEqual(report.sections.first?.paragraphs, ["1、" + sentence])
        let items = report.sections.first?.children ?? []
        XCTAssertEqual(items.map(\.fullHeading), ["2、队伍建设"])
        XCTAssertEqual(items.first?.paragraphs, ["引进教师120名。"])
    }

    func testNoHeadingWithoutWords() {
        // `二、。` (a page mark that a sentence ran through) is text, not an empty heading.
        let report = report([title, "一、办学条件", "新建校舍三所", "二、。全年无事故。"])
        XCTAssertFalse(all(report.sections).contains { $0.heading.unicodeScalars.allSatisfy { $0.isTerminal } })
        XCTAssertEqual(report.sections.map(\.fullHeading), ["一、办学条件"])
    }

    // MARK: Issue 11 forms

    func testHeadingLineRunsPastABlank() {
        // `一、XX 县基本情况`: a blank inside a heading line does not end it; a blank before a sentence does.
        let report = report([title, "一、XX 县教育基本情况", "全县共有学校156所。", "二、主要工作 及成效", "新建校舍三所。",
                             "三、存在问题 一是投入不足，二是教师偏老。"])
        XCTAssertEqual(report.sections.map(\.fullHeading), ["一、XX 县教育基本情况", "二、主要工作 及成效", "三、存在问题"])
        XCTAssertEqual(report.sections.last?.paragraphs, ["一是投入不足，二是教师偏老。"])
    }

    func testOpeningOneDotThenErIsTheFirstTopHeading() {
        // The first part numbered `1.`, the rest 二、 三、: that 1. is the report's 一、.
        let report = report([title, "1.基本情况", "全市有学校213所。", "二、主要工作", "（一）抓党建。成效明显。", "三、存在问题", "布局有待优化。"])
        XCTAssertEqual(report.sections.map(\.fullHeading), ["1.基本情况", "二、主要工作", "三、存在问题"])
        XCTAssertEqual(report.sections.map(\.level), [1, 1, 1])
        XCTAssertEqual(report.sections[1].children.map(\.fullHeading), ["（一）抓党建。"])
    }

    func testOneDotWithoutChineseNumbersAfterItStaysArabic() {
        // 1. 2. with no 二、 after them: the numbering is what it says.
        let report = report([title, "一、主要工作", "1.基本情况", "全市有学校213所。", "2.主要做法", "抓党建。"])
        XCTAssertEqual(report.sections.map(\.fullHeading), ["一、主要工作"])
        XCTAssertEqual(report.sections.first?.children.map(\.level), [3, 3])
    }

    func testTypoSeparatorsAfterChineseNumerals() {
        // `一'` and `三.` for 一、 三、, as typists and OCR leave them; `一.5` stays a number.
        let report = report([title, "一'强化党建引领", "创建示范学校25所。", "二、扩充优质学位", "新增学位9600个。", "三.提升教育质量", "质量稳步提升。"])
        XCTAssertEqual(report.sections.map(\.fullHeading), ["一'强化党建引领", "二、扩充优质学位", "三.提升教育质量"])
        XCTAssertNil(HeadingMarker.parse(Scalars("一.5万人"), at: 0))
        XCTAssertNil(HeadingMarker.parse(Scalars("十一.五规划"), at: 0))
    }

    func testChecklistOfWholeSentencesIsAList() {
        // Twelve tasks, each a whole sentence with nothing under it: a list in 一、's text.
        let tasks = (1...12).map { "\($0)、完成第\($0)项重点任务，确保按期落实到位。" }
        let report = report([title, "一、重点任务"] + tasks + ["二、保障措施", "加强督查考核。"])
        XCTAssertEqual(report.sections.map(\.fullHeading), ["一、重点任务", "二、保障措施"])
        XCTAssertTrue(report.sections[0].children.isEmpty)
        XCTAssertEqual(report.sections[0].paragraphs, tasks)
    }

    func testNumberedHeadingsWithTextAreNotAList() {
        // 1. 2. 3. each with text of its own stay headings.
        let report = report([title, "一、主要工作", "1.强化组织领导。成立领导小组。", "2.健全工作机制。完善制度。", "3.加大经费投入。投入一亿元。"])
        XCTAssertEqual(report.sections.first?.children.map(\.fullHeading), ["1.强化组织领导。", "2.健全工作机制。", "3.加大经费投入。"])
    }

    func testTwoBareItemsAreStillHeadings() {
        // Fewer than three: no list to read.
        let report = report([title, "一、主要工作", "1.强化组织领导。", "2.健全工作机制。"])
        XCTAssertEqual(report.sections.first?.children.count, 2)
    }

    func testHeadingAfterAQuotedSentenceStartsInline() {
        // “…。”二、: the closing quote after a full stop is still a sentence boundary.
        let report = report([title, "一、思想引领。开展“学习强国”活动,争做“四有”好老师。”二、队伍建设。引进教师120名。"])
        XCTAssertEqual(report.sections.map(\.number), ["一、", "二、"])
    }

    // MARK: Paragraphs

    func testParagraphsKeepTheirTextExactly() {
        // Digits, decimals, brackets, quotes, ! and inner blanks: none of it may be altered or lost.
        let opening = "2023年,全县共有中小学45所,在校学生3.2万人(其中城区1.5万人);教职工“三支队伍”建设稳步推进!"
        let body = "  全年投入资金1.2亿元,新建、改扩建校舍4万平方米,完成《三年行动计划》目标的 98.5% 。  "
        let report = report([title, opening, "一、办学条件", body, "二、队伍建设", "引进教师 120 名。"])
        XCTAssertEqual(report.paragraphs, [opening])
        // Blanks at the ends of a line go; blanks inside it stay.
        XCTAssertEqual(report.sections.first?.paragraphs, ["全年投入资金1.2亿元,新建、改扩建校舍4万平方米,完成《三年行动计划》目标的 98.5% 。"])
        XCTAssertEqual(report.sections.last?.paragraphs, ["引进教师 120 名。"])
    }

    // MARK: Signature

    func testSignatureOnItsOwnLines() {
        // Office and Chinese-numeral date on separate lines, with blank lines between (as seed 003 has them).
        let report = report([title, "一、安全工作", "全年无重大安全事故。", "", "东平县教育局", "", "二o一二年十二月二十一日", ""])
        XCTAssertEqual(report.signature, "东平县教育局\n二o一二年十二月二十一日")
        XCTAssertEqual(report.signedDate, "2012-12-21")
        XCTAssertEqual(report.issuer, "东平县教育局")
        // The signature is not text of the last section.
        XCTAssertEqual(report.sections.last?.paragraphs, ["全年无重大安全事故。"])
        XCTAssertTrue(report.complete)
    }

    func testSignatureRunOntoTheLastLine() {
        // As a portal page flattens it: office and date after the last sentence, a blank before each, a table border after.
        let report = report([title, "一、2024年工作思路", "提升工作专业性和服务质量。 余姚市教育局 2023年12月26日 |", "|"])
        XCTAssertEqual(report.signature, "余姚市教育局 2023年12月26日")
        XCTAssertEqual(report.signedDate, "2023-12-26")
        XCTAssertEqual(report.issuer, "余姚市教育局")
        XCTAssertEqual(report.sections.last?.paragraphs, ["提升工作专业性和服务质量。"])
    }

    func testOfficeAndDateOnALineOfTheirOwn() {
        // Office and date share the last line, a blank between them.
        let report = report([title, "一、安全工作", "全年无重大安全事故。", "东平县教育局 二o一二年十二月二十一日"])
        XCTAssertEqual(report.signature, "东平县教育局 二o一二年十二月二十一日")
        XCTAssertEqual(report.signedDate, "2012-12-21")
        XCTAssertEqual(report.issuer, "东平县教育局")
        XCTAssertEqual(report.sections.last?.paragraphs, ["全年无重大安全事故。"])
    }

    func testDateAloneIsASignature() {
        // No office line: the date alone still closes the report.
        let report = report([title, "一、安全工作", "全年无重大安全事故。", "2024年1月10日"])
        XCTAssertEqual(report.signature, "2024年1月10日")
        XCTAssertEqual(report.signedDate, "2024-01-10")
        XCTAssertEqual(report.sections.last?.paragraphs, ["全年无重大安全事故。"])
    }

    func testSentenceEndingInADateIsNotASignature() {
        // A date that ends a sentence of text, with no office before it, is text.
        let report = report([title, "一、安全工作", "全年无重大安全事故,检查工作持续到2023年12月26日"])
        XCTAssertNil(report.signature)
        XCTAssertNil(report.signedDate)
        XCTAssertEqual(report.sections.last?.paragraphs, ["全年无重大安全事故,检查工作持续到2023年12月26日"])
    }
}
