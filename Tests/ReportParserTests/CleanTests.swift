import Foundation
import ReportModel
import XCTest

@testable import ReportParser

/// The clean stage: site chrome, spam and page markers out (and recorded), wrapped lines re-joined.
final class CleanTests: XCTestCase {
    private func clean(_ lines: [String], rules: NoiseRules = .standard) -> CleanText {
        Cleaner(rules: rules).clean(lines.joined(separator: "\n"))
    }

    private func texts(_ clean: CleanText) -> [String] {
        clean.paragraphs.map(\.text.string)
    }

    private func dropped(_ clean: CleanText, rule: String) -> [DroppedText] {
        clean.dropped.filter { $0.rule == rule }
    }

    /// `text` cut into lines of exactly `width` characters (the last one shorter).
    private func wrap(_ text: String, width: Int) -> [String] {
        let chars = [Character](text)
        return stride(from: 0, to: chars.count, by: width).map { chars[$0..<min($0 + width, chars.count)].map(String.init).joined() }
    }

    // MARK: Page markers

    func testOnePassLineRuleAgreesWithTheTrimmedLinesOwn() {
        // `scanLine` marks candidates on the raw line; the rule found must be the trimmed line's own,
        // also when the literal that marked a rule lies in the part trimmed away.
        let rules = NoiseRules.standard
        let lines = ["您的位置：首页 > 新闻", "  当前位置 |", "| 栏目 |", "栏目:工作总结", "全县完成栏目建设。", "|您的位置",
                     "首页 > 通知 > 正文", "发布日期：2023-05-06", "  本文移动端  ", "普通的一句话。", "> a > b", ""]
        let candidates = UnsafeMutableBufferPointer<Bool>.allocate(capacity: rules.lineRuleCount)
        defer { candidates.deallocate() }
        for line in lines {
            let raw = Scalars(line)
            let scan = rules.scanLine(raw, candidates: candidates)
            let trimmed = Scalars(raw[raw.trimmedRange()].filter { $0 != "|" })
            XCTAssertEqual(rules.lineRule(matching: trimmed, candidates: candidates, marked: scan.lineRuleMarked)?.name,
                           rules.lineRule(matching: trimmed)?.name, line)
        }
    }

    func testPageMarkerRunIsRemovedAndOutOfSequenceNumberStaysText() {
        // 1、2、3、 are the running page sequence (each breaks a sentence); 6、 is out of sequence: text.
        let clean = clean(["1、甲乙丙丁戊己庚辛", "2、资助学生686", "6、598人,发放金", "3、额分别为"])
        XCTAssertEqual(texts(clean), ["甲乙丙丁戊己庚辛资助学生686", "6、598人,发放金额分别为"])
        XCTAssertEqual(dropped(clean, rule: "page-marker"), [
            DroppedText(rule: "page-marker", text: "1、", line: 1),
            DroppedText(rule: "page-marker", text: "2、", line: 2),
            DroppedText(rule: "page-marker", text: "3、", line: 4),
        ])
    }

    func testPageMarkersJoinTheBrokenSentenceWithoutAGap() {
        // Page 2 starts mid-word (作 / 经历): the two halves must join with nothing between them.
        let clean = clean(["1、教育局工作总结。优先提拔在校区三年及以上工", "2、作经历的名校干部,对在集团校区交流", "3、轮岗的名校教师予以倾斜。"])
        XCTAssertEqual(texts(clean), ["教育局工作总结。优先提拔在校区三年及以上工作经历的名校干部,对在集团校区交流轮岗的名校教师予以倾斜。"])
        XCTAssertEqual(clean.paragraphs.first?.line, 1)
    }

    func testNumberedListWhoseItemsEndInFullStopsIsContent() {
        // Items that finish their sentences are a list, not page numbers, however well they count.
        let lines = ["1、加强党的建设。", "2、推进教育改革。", "3、提升教育质量。", "4、保障校园安全。"]
        let clean = clean(lines)
        XCTAssertEqual(texts(clean), lines)
        XCTAssertTrue(dropped(clean, rule: "page-marker").isEmpty)
    }

    func testNumberedHeadingsFollowedByFinishedParagraphsAreContent() {
        // 1、 2、 3、 head paragraphs that end in 。: the line before each number ends a sentence.
        let lines = ["1、加强党建", "全年召开党建工作会议四次。", "2、推进改革", "改革持续深化。", "3、提升质量", "质量稳步提升。"]
        let clean = clean(lines)
        XCTAssertEqual(texts(clean), lines)
        XCTAssertTrue(dropped(clean, rule: "page-marker").isEmpty)
    }

    func testTwoNumbersAreNotARun() {
        // Two lines starting 1、 2、 that cut no running text (headings, not pages) stay as written.
        let lines = ["1、甲乙丙丁戊己", "2、庚辛壬癸"]
        XCTAssertEqual(texts(clean(lines)), lines)
    }

    func testOneOrTwoDocxPageMarksAreRemoved() {
        // A short .docx preview: `1、` opens the first page on the title, `2、` cuts a sentence (its 。 on the next page).
        let clean = clean(["1、县教育局2021年工作总结", "全年新建学校三所。推进教师减负，清理各类检查评比", "2、。全年无重大安全事故。"])
        XCTAssertEqual(texts(clean), ["县教育局2021年工作总结", "全年新建学校三所。推进教师减负，清理各类检查评比。全年无重大安全事故。"])
        XCTAssertEqual(dropped(clean, rule: "page-marker").count, 2)
        // A page mark alone on its line goes with the line.
        XCTAssertEqual(texts(self.clean(["1、", "县教育局2021年工作总结", "全年新建学校三所。"])), ["县教育局2021年工作总结", "全年新建学校三所。"])
    }

    func testFirstPageMarkBeforeATitleAndItsPagesText() {
        // A flattened preview: `1、title 2005年全县…` (the whole first page on one line), `2、` cutting a sentence.
        let clean = clean(["1、县教育局2005年工作要点 2005年全县教育工作的总体要求是：落实立德树人根本任务。推进教育",
                           "2、改革发展。全年无重大安全事故。"])
        XCTAssertEqual(dropped(clean, rule: "page-marker").count, 2)
        XCTAssertEqual(texts(clean).first?.hasPrefix("县教育局2005年工作要点 "), true)
    }

    func testASingleNumberedFirstLineThatIsNoTitleStays() {
        // `1、基本情况` opens a report that has no title: a heading, not a page.
        let lines = ["1、基本情况", "全县共有学校120所。"]
        XCTAssertEqual(texts(clean(lines)), lines)
    }

    // MARK: Rules

    func testDocumentSiteCardsAndPromptsAreDropped() {
        let clean = clean(["上传人：wenku_2871  上传时间：2023-03-08", "文档格式：.docx  文档页数：6页", "下载积分：3  下载次数：126", "文档贡献者",
                           "全县新增学位2200个。", "还剩2页未读，继续阅读", "立即下载", "侵权投诉"])
        XCTAssertEqual(texts(clean), ["全县新增学位2200个。"])
        XCTAssertEqual(Set(clean.dropped.map(\.rule)), ["doc-meta"])
    }

    func testPageRunsAreDropped() {
        // `title_第2页` heading each page, and the page list at the foot.
        let clean = clean(["县教育局2021年工作总结_第1页", "全县新增学位1100个。", "县教育局2021年工作总结_第12页", "_第1页_第2页_第3页"])
        XCTAssertEqual(texts(clean), ["全县新增学位1100个。"])
        XCTAssertEqual(dropped(clean, rule: "page-run").count, 3)
    }

    func testPortalLabelsAreDroppedAndTheGeneratedDateIsThePublishedDate() {
        let clean = clean(["标题：东阳市教育局2022年工作总结", "发布机构：东阳市教育局", "发文字号：东教〔2023〕3号", "生成日期：2023-01-12", "东阳市教育局2022年工作总结"])
        XCTAssertEqual(texts(clean), ["东阳市教育局2022年工作总结"])
        XCTAssertEqual(clean.publishedDate, "2023-01-12")
    }

    func testFieldCodesAreCutWhereverTheyStand() {
        // `HYPERLINK "…"` and its `\t "_blank"` switch inside a sentence, and alone on a line.
        let clean = clean(["详见 HYPERLINK \"http://jyj.example.gov.cn/a.html\" 市教育局门户网站。", "平台 HYPERLINK \"http://edu.example.cn/\" \\t \"_blank\" 眉山教育云访问量大。",
                           "", "HYPERLINK \"http://jyj.example.gov.cn/\""])
        XCTAssertEqual(texts(clean), ["详见 市教育局门户网站。", "平台 眉山教育云访问量大。"])
        XCTAssertEqual(dropped(clean, rule: "field-code").map(\.line), [1, 2, 2, 4])
    }

    func testSpanWithNoTailIsText() {
        // A head with no closing quote is not a field code.
        let lines = ["全县 HYPERLINK 培训教师300人。"]
        XCTAssertEqual(texts(clean(lines)), lines)
    }

    func testSpanRuleMustStartWithText() {
        XCTAssertThrowsError(try NoiseRules(text: "x span *\"", file: "r.txt"))
    }

    func testNoRuleDropsLabelledReportText() {
        // Every title, heading and must-contain phrase of the labelled sets is report text: no line rule
        // may match it and no text or span rule may cut inside it.
        let rules = NoiseRules.standard
        var checked = 0
        for set in GoldenTests.sets {
            for file in set.golden.files {
                for report in file.reports {
                    for text in [report.title] + report.top_headings + (report.must_contain ?? []) {
                        let scalars = Scalars(text)
                        XCTAssertNil(rules.lineRule(matching: scalars), "\(set.name)/\(file.file): a line rule drops \(text)")
                        for rule in rules.textRules {
                            XCTAssertNil(scalars.firstIndex(of: rule.literal), "\(set.name)/\(file.file): \(rule.name) cuts \(text)")
                        }
                        checked += 1
                    }
                }
            }
        }
        XCTAssertGreaterThan(checked, 100)
    }

    func testSpamSentenceIsCutFromItsLineAndRecordedOnce() {
        // Spam injected between two sentences of one line: cut out, the sentences around it kept.
        let clean = clean(["县教育局2023年工作总结", "全年完成校舍改造三所。本篇文章来自资料管理下载。新建幼儿园两所。"])
        XCTAssertEqual(texts(clean), ["县教育局2023年工作总结", "全年完成校舍改造三所。新建幼儿园两所。"])
        // Two rules cover the sentence (with and without 。): it is cut once, so recorded once.
        XCTAssertEqual(dropped(clean, rule: "spam"), [DroppedText(rule: "spam", text: "本篇文章来自资料管理下载。", line: 2)])
    }

    func testSpamEverywhereOnALineIsCut() {
        // Repeated in one line, and in its form without 。 at the very end.
        let clean = clean(["甲本篇文章来自资料管理下载。乙本篇文章来自资料管理下载。丙本篇文章来自资料管理下载"])
        XCTAssertEqual(texts(clean), ["甲乙丙"])
        XCTAssertEqual(dropped(clean, rule: "spam").count, 3)
    }

    func testChromeLinesAreDroppedWithTheirRuleNamesAndLines() {
        let clean = clean([
            "您的位置:首页 > 范文 > 工作总结",
            "县教育局2021年工作总结",
            "今年全县教育工作取得新成效。",
            "免责声明:本站所有文章均来自网络,如有侵权请联系删除。",
            "链接地址:http://www.example.com/fanwen/123.html",
            "相关文章",
            "上一篇:县教育局2020年工作总结",
        ])
        XCTAssertEqual(texts(clean), ["县教育局2021年工作总结", "今年全县教育工作取得新成效。"])
        XCTAssertEqual(clean.dropped.map(\.rule), ["breadcrumb", "disclaimer", "footer-link", "related", "related"])
        XCTAssertEqual(clean.dropped.map(\.line), [1, 4, 5, 6, 7])
        XCTAssertEqual(clean.dropped.first?.text, "您的位置:首页 > 范文 > 工作总结")
        XCTAssertEqual(clean.paragraphs.map(\.line), [2, 3])
    }

    func testPublishedLineGivesThePublishedDate() {
        let clean = clean(["县教育局2021年工作总结", "发布时间:2021-11-14 09:30 来源:百味书屋", "今年全县教育工作取得新成效。"])
        XCTAssertEqual(clean.publishedDate, "2021-11-14")
        XCTAssertEqual(dropped(clean, rule: "date-line").map(\.line), [2])
        XCTAssertEqual(texts(clean), ["县教育局2021年工作总结", "今年全县教育工作取得新成效。"])
    }

    func testFirstPublishedDateWinsAndBodyDatesAreNotPublished() {
        // A portal table row (cells between | |) carries the date; a later date line does not replace it.
        let clean = clean(["主题分类: | 教育 | 发布日期: | 2024-01-24 |", "2022-03-05", "2023年12月1日,全县召开教育工作会议。"])
        XCTAssertEqual(clean.publishedDate, "2024-01-24")
        XCTAssertEqual(clean.dropped.filter { $0.rule != "table-border" }.map(\.rule), ["portal-meta", "date-line"])
        XCTAssertNil(self.clean(["2023年12月1日,全县召开教育工作会议。"]).publishedDate)
    }

    func testTableBordersAreStripped() {
        let clean = clean(["| 一、加强党的建设 |", "｜全年召开会议四次。｜", "|", "学校 | 人数"])
        // A line of nothing but a border is blank; a bar inside a line is text.
        XCTAssertEqual(texts(clean), ["一、加强党的建设", "全年召开会议四次。", "学校 | 人数"])
        XCTAssertEqual(dropped(clean, rule: "table-border").map(\.line), [1, 2, 3])
    }

    func testLongBodyLineIsNeverDroppedByALineRule() {
        // 201 characters: report text that happens to mention 免责声明, not a disclaimer footer.
        let long = "各学校要建立免责声明审查制度" + String(repeating: "加强管理", count: 47) + "。"
        XCTAssertEqual(long.count, 203)
        let clean = clean(["县教育局2023年工作总结", long])
        XCTAssertEqual(texts(clean), ["县教育局2023年工作总结", long])
        XCTAssertTrue(clean.dropped.isEmpty, "\(clean.dropped)")
    }

    func testChromeLengthLimitIsTwoHundredCharacters() {
        let at200 = "免责声明" + String(repeating: "网", count: 196)
        let at201 = "免责声明" + String(repeating: "网", count: 197)
        XCTAssertEqual(dropped(clean([at200]), rule: "disclaimer").count, 1)
        XCTAssertEqual(texts(clean([at201])), [at201])
    }

    // MARK: Rules files

    func testRuleParseErrorsNameFileAndLine() {
        XCTAssertThrowsError(try NoiseRules(text: "# my site\n\nnav-bar line\n", file: "my-rules.txt")) { error in
            let e = error as? NoiseRules.ParseError
            XCTAssertEqual(e?.file, "my-rules.txt")
            XCTAssertEqual(e?.line, 3)
            XCTAssertTrue(String(describing: error).hasPrefix("my-rules.txt:3: "), "\(error)")
        }
        XCTAssertThrowsError(try NoiseRules(text: "ok text 广告\nnav regex 首页.*\n", file: "site.txt")) { error in
            XCTAssertEqual((error as? NoiseRules.ParseError)?.line, 2)
            XCTAssertTrue(String(describing: error).contains("regex"), "\(error)")
        }
    }

    func testRulePatternsMayHoldSpaces() throws {
        let rules = try NoiseRules(text: "nav   line\t首页 > 文库 > *\n", file: "site.txt")
        XCTAssertEqual(rules.rules.map(\.pattern), ["首页 > 文库 > *"])
        XCTAssertEqual(rules.rules.map(\.kind), [.line])
        XCTAssertEqual(texts(clean(["首页 > 文库 > 总结", "正文。"], rules: rules)), ["正文。"])
    }

    func testRulesFileWithCRLFLineEnds() throws {
        // A rules file saved on Windows: two rules, each pattern without a trailing CR.
        let rules = try NoiseRules(text: "# site\r\nnav line 欢迎访问*\r\nad text 【广告】\r\n", file: "win.txt")
        XCTAssertEqual(rules.rules.map(\.name), ["nav", "ad"])
        XCTAssertEqual(rules.rules.map(\.pattern), ["欢迎访问*", "【广告】"])
        XCTAssertEqual(texts(clean(["欢迎访问本站", "正文。【广告】"], rules: rules)), ["正文。"])
    }

    func testUserRulesAddedToStandardDropANewSitesChrome() throws {
        let site = try NoiseRules(text: "# a new site\nsite-nav line 欢迎访问*文库*\nsite-ad text 【广告】\n", file: "site.txt")
        let lines = ["欢迎访问优知文库,海量文档在线阅读", "您的位置:首页 > 总结", "县教育局2023年工作总结", "全年新建学校两所。【广告】"]
        XCTAssertEqual(texts(clean(lines)).first, "欢迎访问优知文库,海量文档在线阅读")

        let both = NoiseRules.standard.adding(site)
        XCTAssertEqual(both.rules.count, NoiseRules.standard.rules.count + 2)
        let clean = clean(lines, rules: both)
        XCTAssertEqual(texts(clean), ["县教育局2023年工作总结", "全年新建学校两所。"])
        // The standard rules still apply, and each drop keeps its own rule's name.
        XCTAssertEqual(clean.dropped.map(\.rule), ["site-nav", "breadcrumb", "site-ad"])

        let source = ReportParser(rules: both).parse(text: lines.joined(separator: "\n"), source: "site.txt")
        XCTAssertTrue(source.dropped.contains(DroppedText(rule: "site-nav", text: "欢迎访问优知文库,海量文档在线阅读", line: 1)), "\(source.dropped)")
    }

    // MARK: Hard wraps

    func testHardWrappedTextIsRejoinedButTitleAndHeadingLinesAreNot() {
        let first = "全年召开党建工作会议四次,开展专题学习活动十二场,组织党员干部深入基层调研走访,帮助学校解决实际困难和问题,推动党建工作与教育教学深度融合。"
        let second = "完成义务教育学校布局调整,新建改扩建中小学校舍四万平方米,新增学位三千二百个,有效缓解城区学校大班额问题。"
        let firstLines = wrap(first, width: 20), secondLines = wrap(second, width: 20)
        XCTAssertGreaterThanOrEqual(firstLines.count, 4)
        XCTAssertGreaterThanOrEqual(secondLines.count, 3)
        // Every line but the last of each paragraph is exactly 20 wide and stops mid-sentence.
        XCTAssertTrue((firstLines.dropLast() + secondLines.dropLast()).allSatisfy { $0.count == 20 && !$0.hasSuffix("。") })

        let lines = ["县教育局2023年工作总结", "一、加强党的建设"] + firstLines + ["二、推进教育改革"] + secondLines
        let clean = clean(lines)
        XCTAssertEqual(texts(clean), ["县教育局2023年工作总结", "一、加强党的建设", first, "二、推进教育改革", second])
        XCTAssertEqual(clean.paragraphs.map(\.line), [1, 2, 3, 3 + firstLines.count, 4 + firstLines.count])
        // Where lines were joined is kept, so a heading may still start there.
        XCTAssertEqual(clean.paragraphs[2].lineStarts, Array(stride(from: 20, to: first.count, by: 20)))
    }

    func testLinesOfVariedLengthAreNotRejoined() {
        // No common width, so no wrap: a line that stops without 。 is still its own paragraph.
        let lines = [
            "县教育局2023年工作总结", "一、主要工作", "(一)加强党的建设", "全年召开党建工作会议四次", "(二)推进教育改革",
            "完成义务教育学校布局调整和集团化办学改革", "二、存在问题", "教师队伍结构性缺编", "县教育局", "2023年12月20日",
        ]
        XCTAssertEqual(texts(clean(lines)), lines)
    }

    /// The wrap width counted in an array agrees with the dictionary count it replaced: the most
    /// common length of 15 or more, the longer on a tie, lengths beyond the array's range included.
    func testWrapWidthAgreesWithADictionaryCount() {
        func reference(_ lengths: [Int]) -> Int? {
            guard lengths.count >= 8 else { return nil }
            var counts: [Int: Int] = [:]
            for n in lengths where n >= 15 { counts[n, default: 0] += 1 }
            guard let (width, _) = counts.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }) else { return nil }
            let near = lengths.filter { abs($0 - width) <= 1 }.count
            let longer = lengths.filter { $0 > width + 1 }.count
            return near * 10 >= lengths.count * 4 && longer * 20 <= lengths.count ? width : nil
        }
        var generator = SystemRandomNumberGenerator()
        let pools = [[3, 14, 15, 16, 30, 31, 32], [40, 41, 42, 5000, 5001, 9000], [5000, 5000, 5001, 6000, 14, 2], [4096, 4097, 4095, 20]]
        for pool in pools {
            for count in [7, 8, 9, 12, 20, 40] {
                for _ in 0..<200 {
                    let lengths = (0..<count).map { _ in pool.randomElement(using: &generator)! }
                    XCTAssertEqual(LineJoiner.wrapWidth(lengths), reference(lengths), "\(lengths)")
                }
            }
        }
        XCTAssertEqual(LineJoiner.wrapWidth([30, 30, 30, 30, 31, 31, 31, 31, 10]), 31)
        XCTAssertEqual(LineJoiner.wrapWidth([5000, 5000, 5000, 5001, 5001, 5001, 5001, 5001]), 5001)
    }
}
