import Foundation
import ReportModel
import XCTest

@testable import ReportParser

/// The metadata stage: dates, region, year, doc type, period and duplicates.
final class MetadataTests: XCTestCase {
    private let body = ["一、主要工作", "全年完成各项工作任务。"]

    // MARK: Dates

    func testChineseNumeralDateWithLetterO() {
        // o for 〇, as people type it.
        XCTAssertEqual(DateReader.trailingDate(in: Scalars("二o一二年十二月二十一日"))?.iso, "2012-12-21")
    }

    func testChineseNumeralDateWithTwoLetterOs() {
        XCTAssertEqual(DateReader.trailingDate(in: Scalars("二oo六年十二月二十日"))?.iso, "2006-12-20")
    }

    func testHiddenYearGivesNoISODate() {
        // XX年 hides the year, and 十 二月 has a blank inside the month: month and day still read, no ISO date.
        let found = DateReader.trailingDate(in: Scalars("XX年十 二月三日"))
        XCTAssertEqual(found?.month, 12)
        XCTAssertEqual(found?.day, 3)
        XCTAssertNil(found?.year)
        XCTAssertNil(found?.iso)
    }

    func testDateWithBlanksBetweenItsParts() {
        // `2022 年 3 月 5 日`: blanks around every unit, as some converters space digits.
        XCTAssertEqual(DateReader.firstISODate(in: Scalars("会议于2022 年 3 月 5 日召开")), "2022-03-05")
        XCTAssertEqual(DateReader.trailingDate(in: Scalars("县教育局 2022 年 3 月 5 日"))?.iso, "2022-03-05")
    }

    func testArabicDateForms() {
        XCTAssertEqual(DateReader.firstISODate(in: Scalars("发布于2023-12-26 10:00")), "2023-12-26")
        XCTAssertEqual(DateReader.firstISODate(in: Scalars("2024/1/5")), "2024-01-05")
        XCTAssertEqual(DateReader.firstISODate(in: Scalars("2023年12月26号")), "2023-12-26")
    }

    func testImpossibleDatesAreNotDates() {
        XCTAssertNil(DateReader.firstISODate(in: Scalars("2023年13月1日")))
        XCTAssertNil(DateReader.firstISODate(in: Scalars("2023年12月32日")))
        // A count of students is not a year.
        XCTAssertNil(DateReader.firstISODate(in: Scalars("在校学生12345年12月1日")))
        // Mixed separators are not one date.
        XCTAssertNil(DateReader.firstISODate(in: Scalars("2023-12/26")))
    }

    func testSignatureWithHiddenYearHasNoSignedDate() {
        let report = report(["县教育局年终工作总结"] + body + ["XX县教育局", "XX年十 二月三日"])
        XCTAssertEqual(report.signature, "XX县教育局\nXX年十 二月三日")
        XCTAssertNil(report.signedDate)
        XCTAssertFalse(report.yearCandidates.contains { $0.from == .signedDate })
    }

    // MARK: Region

    func testNamedCountyLevelCityWalksUpToProvince() {
        // 余姚市 is a county-level city: level 市, yet its prefecture is 宁波市.
        let report = report(["余姚市教育局2023年工作总结"] + body)
        XCTAssertEqual(report.region, Region(province: "浙江省", prefecture: "宁波市", county: "余姚市", level: "市", code: "330281"))
        XCTAssertEqual(report.issuer, "余姚市教育局")
        XCTAssertEqual(report.provenance["region"], "title")
    }

    func testHiddenDistrictKeepsOnlyTheLevel() {
        // xx hides the name; 区 still tells the level.
        let report = report(["xx区教育局2023年工作总结"] + body)
        XCTAssertNil(report.region.province)
        XCTAssertNil(report.region.prefecture)
        XCTAssertNil(report.region.county)
        XCTAssertEqual(report.region.level, "区")
        XCTAssertNil(report.issuer)
    }

    func testAnonymisedCountiesKeepOnlyTheLevel() {
        // Each way a copy hides a county's name.
        for prefix in ["***县", "×县", "_____县", "某县", "XX县"] {
            let report = report(["\(prefix)教育局2023年工作总结"] + body)
            XCTAssertEqual(report.region, Region(level: "县"), prefix)
            XCTAssertNil(report.issuer, prefix)
        }
    }

    func testAmbiguousDistrictNameAloneIsNotResolved() {
        // 通州区 is in 北京 and in 南通: nothing in the text says which.
        let report = report(["通州区教育局2023年工作总结"] + body)
        XCTAssertNil(report.region.county)
        XCTAssertNil(report.region.prefecture)
        XCTAssertNil(report.region.province)
        XCTAssertEqual(report.region.level, "区")
        XCTAssertEqual(report.issuer, "通州区教育局")
    }

    func testAmbiguousDistrictSettledByThePrefectureTheBodyNames() {
        let report = report(["通州区教育局2023年工作总结", "一、主要工作", "在南通市委、市政府的正确领导下,全区教育工作稳步推进。"])
        XCTAssertEqual(report.region, Region(province: "江苏省", prefecture: "南通市", county: "通州区", level: "区", code: "320612"))
    }

    func testAmbiguousDistrictSettledByTheMunicipalityTheBodyNames() {
        let report = report(["通州区教育局2023年工作总结", "一、主要工作", "按照北京市教育工作会议部署,全区教育工作稳步推进。"])
        XCTAssertEqual(report.region.province, "北京市")
        XCTAssertEqual(report.region.county, "通州区")
    }

    // MARK: Year

    func testSignedDateBeatsTitleAndTitleBeatsBodyAndAllAreListed() {
        // Three years in one report: 2023 under the signature, 2022 in the title, 2021 opening the body.
        let report = report(["县教育局2022年工作总结", "2021年,全县教育工作取得新成效。"] + body + ["县教育局", "2023年12月20日"])
        XCTAssertEqual(report.year, 2023)
        XCTAssertEqual(report.yearCandidates, [
            YearCandidate(value: 2023, from: .signedDate),
            YearCandidate(value: 2022, from: .title),
            YearCandidate(value: 2021, from: .body),
        ])
        XCTAssertEqual(report.provenance["year"], "signed_date")
    }

    func testTitleBeatsBody() {
        // No signature: the title's 2022 outranks the opening's 2021.
        let report = report(["县教育局2022年工作总结", "2021年,全县教育工作取得新成效。"] + body)
        XCTAssertEqual(report.year, 2022)
        XCTAssertEqual(report.yearCandidates, [YearCandidate(value: 2022, from: .title), YearCandidate(value: 2021, from: .body)])
    }

    func testOpeningYearOutranksATitleRewrittenToThePostingYear() {
        // No signature; the page was posted in 2024, the year its title names: the opening's 2022 is the report's.
        let report = report(["发布时间：2024-05-20", "县教育局2024年工作总结", "2022年，全县教育系统较好完成了年度目标任务。"] + body)
        XCTAssertEqual(report.year, 2022)
        XCTAssertEqual(report.yearCandidates.map(\.value), [2024, 2022, 2024])  // all kept, with their sources
        XCTAssertEqual(report.provenance["year"], "title (title rewritten to a later year: the year from the body)")
    }

    func testFirstHeadingYearOutranksATitleTwoYearsLater() {
        // `一、2021年工作总结` under a title rewritten to 2024 and 2025.
        let report = report(["县教育局2024年工作总结和2025年工作思路", "一、2021年工作总结", "全年新建学校4所。", "二、2022年工作思路", "继续推进学校建设。"])
        XCTAssertEqual(report.year, 2021)
        XCTAssertTrue(report.yearCandidates.contains(YearCandidate(value: 2024, from: .title)))
    }

    func testPlanLookingBackAYearKeepsItsTitleYear() {
        // A 2023 plan opening on 2022's results: a look back, not a rewrite.
        let report = report(["发布时间：2023-02-16", "县教育局2023年工作要点", "2022年，全县教育系统较好完成了年度各项目标任务。"] + body)
        XCTAssertEqual(report.year, 2023)
    }

    func testSignedDateStillOutranksTheOpening() {
        let report = report(["县教育局2024年工作总结", "2021年，全市教育事业取得新进展。"] + body + ["县教育局", "2022年1月6日"])
        XCTAssertEqual(report.year, 2021)  // signed early in 2022: the review of 2021
        XCTAssertTrue(report.provenance["year"]?.hasPrefix("signed_date") ?? false)
    }

    func testBodyYearOnlyWhenTheOpeningStartsWithIt() {
        // A year later in the opening sentence does not speak for the report.
        XCTAssertEqual(report(["县教育局工作总结", "2021年,全县教育工作取得新成效。"] + body).year, 2021)
        XCTAssertNil(report(["县教育局工作总结", "全县教育工作自2021年以来取得新成效。"] + body).year)
    }

    func testSummarySignedEarlyNextYearCoversThePreviousYear() {
        // A review signed in January covers the year before.
        let report = report(["县教育局工作总结"] + body + ["县教育局", "2024年1月10日"])
        XCTAssertEqual(report.year, 2023)
        XCTAssertEqual(report.yearCandidates, [YearCandidate(value: 2024, from: .signedDate)])
    }

    func testPlanSignedLateInTheYearCoversTheNextYear() {
        // A plan signed in December is for the year that follows.
        let report = report(["县教育局工作计划"] + body + ["县教育局", "2023年12月20日"])
        XCTAssertEqual(report.year, 2024)
    }

    func testPublishedYearIsACandidateButNeverTheYear() {
        // The page's date says when it was posted, not which year the report covers.
        let report = report(["发布时间:2021-11-14", "县教育局工作总结"] + body)
        XCTAssertNil(report.year)
        XCTAssertEqual(report.yearCandidates, [YearCandidate(value: 2021, from: .published)])
        XCTAssertEqual(report.publishedDate, "2021-11-14")
    }

    // MARK: Doc type and period

    func testDocTypes() {
        let cases: [(String, DocType)] = [
            ("县教育局2023年工作总结", .summary),
            ("县教育局年终工作总结", .summary),
            ("县教育局2024年工作计划", .plan),
            ("2023年教育工作要点", .plan),
            ("区教育局2024年工作思路", .plan),
            ("县教育局2024年工作打算", .plan),
            ("县教育局2023年工作总结和2024年工作要点", .summaryPlan),
            ("余姚市教育局2023年工作总结和2024年工作思路", .summaryPlan),
            // Something specific is left once office, years and generic words go: one line of work.
            ("县教育局平安校园创建工作总结", .specialSummary),
            ("区县教育局财务科工作总结", .specialSummary),
            ("县教育局2023年未成年人思想道德建设工作总结", .specialSummary),
            // Neither a review nor a plan.
            ("县教育局关于开展安全大检查的通知", .other),
        ]
        for (title, expected) in cases {
            XCTAssertEqual(DocTypeClassifier.classify(title: title, topHeadings: []), expected, title)
        }
        XCTAssertEqual(DocTypeClassifier.classify(title: nil, topHeadings: ["一、工作总结"]), .other)
    }

    func testSummaryTitleWithAPlanPartInItsHeadingsIsSummaryPlan() {
        // The title says 总结; its top headings show a 打算 part as well.
        XCTAssertEqual(DocTypeClassifier.classify(title: "县教育局第三季度工作总结", topHeadings: ["一、第三季度工作总结", "二、第四季度工作打算"]), .summaryPlan)
        // A plan word in one heading alone is not enough.
        XCTAssertEqual(DocTypeClassifier.classify(title: "县教育局第三季度工作总结", topHeadings: ["一、主要工作", "二、下一步打算"]), .summary)
    }

    func testDocTypeAndLevelThroughTheParser() {
        // 区县: the first named level is the issuer's.
        let report = report(["区县教育局财务科工作总结"] + body)
        XCTAssertEqual(report.docType, .specialSummary)
        XCTAssertEqual(report.region, Region(level: "区"))
        XCTAssertEqual(report.provenance["doc_type"], "title")
    }

    func testDepartmentAfterTheOfficeInATitle() {
        // 财务科 stands right after 教育局 and before 工作总结: the report is that department's.
        XCTAssertEqual(report(["区县教育局财务科工作总结"] + body).department, "财务科")
        XCTAssertNil(report(["县教育局2023年工作总结"] + body).department)
    }

    func testPeriods() {
        XCTAssertEqual(DocTypeClassifier.period(title: "县教育局第三季度工作总结"), "第三季度")
        XCTAssertEqual(DocTypeClassifier.period(title: "县教育局2023年上半年工作总结"), "上半年")
        // 下半年 contains 半年: the longer, earlier-listed form must win.
        XCTAssertEqual(DocTypeClassifier.period(title: "县教育局2023年下半年工作计划"), "下半年")
        XCTAssertEqual(DocTypeClassifier.period(title: "县教育局2023年工作总结"), "年度")
        XCTAssertEqual(DocTypeClassifier.period(title: "县教育局年终工作总结"), "年度")
        XCTAssertNil(DocTypeClassifier.period(title: "县教育局财务科工作总结"))
        XCTAssertEqual(report(["县教育局第三季度工作总结"] + body).period, "第三季度")
    }

    // MARK: Duplicates

    /// Deterministic Han text: `count` characters in sentences of 20, from a seed.
    private func hanText(_ count: Int, seed: UInt32) -> String {
        var state = seed, out = ""
        for i in 1...count {
            state = state &* 1_103_515_245 &+ 12345
            out.unicodeScalars.append(Unicode.Scalar(0x4E00 + (state >> 8) % 0x5000)!)
            if i % 20 == 0 { out += "。" }
        }
        return out
    }

    func testSameBodyUnderAnotherTitleIsLinkedToTheFirstCopy() {
        let text = hanText(1200, seed: 7), other = hanText(1200, seed: 99)
        let source = ReportParser().parse(text: [
            "第一篇 县教育局2022年工作总结", "2022年," + text,
            "第二篇 县教育局2023年工作总结", "2023年," + text,
            "第三篇 县教育局2024年工作计划", other,
        ].joined(separator: "\n"), source: "content/dup.txt")
        XCTAssertEqual(source.reports.map(\.id), ["dup-1", "dup-2", "dup-3"])
        // Years rewritten in the copy do not hide it; a different text is not a copy.
        XCTAssertEqual(source.reports.map(\.duplicateOf), [nil, "dup-1", nil])
    }

    /// The fingerprint as first written (a `Set` filled by the rolling hash), kept here as the
    /// reference the sorted-array fingerprint and its merge count must agree with.
    private func referenceFingerprint(_ text: String) -> Set<Int> {
        let window = 12
        let base: UInt64 = 0x100_0000_01b3
        var drop: UInt64 = 1
        for _ in 0..<window { drop = drop &* base }
        var out = Set<Int>()
        var ring = [UInt64](repeating: 0, count: window)
        let bytes = Array(text.utf8)
        var h: UInt64 = 0, n = 0, i = 0
        while i < bytes.count {
            let b = bytes[i]
            guard b >= 0xE3 && b <= 0xE9, i + 2 < bytes.count else {
                i += b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
                continue
            }
            let v = UInt64(b) << 16 | UInt64(bytes[i + 1]) << 8 | UInt64(bytes[i + 2])
            i += 3
            h = h &* base &+ v &- ring[n % window] &* drop
            ring[n % window] = v
            n += 1
            if n >= window, h >> 59 == 0 { out.insert(Int(truncatingIfNeeded: h)) }
        }
        return out
    }

    func testFingerprintsMatchTheSetBasedReference() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: TestPaths.root.appendingPathComponent("content").path)
            .filter { $0.hasSuffix(".txt") }.sorted()
        var texts = try names.map { try String(contentsOfFile: TestPaths.content($0), encoding: .utf8) }
        texts += ["", "短", String(repeating: "县教育局工作总结。", count: 40), texts.first.map { String($0.prefix(3000)) } ?? ""]
        let prints = texts.map(DuplicateFinder.fingerprint)
        let references = texts.map(referenceFingerprint)
        for (print, reference) in zip(prints, references) {
            XCTAssertEqual(print, reference.sorted())
        }
        // Pieces read in turn give the fingerprint of their newline-joined text.
        let halves = texts.map { text in [String(text.prefix(text.count / 2)), String(text.dropFirst(text.count / 2))] }
        XCTAssertEqual(halves.map { DuplicateFinder.fingerprint(of: $0) }, halves.map { DuplicateFinder.fingerprint($0.joined(separator: "\n")) })
        for i in prints.indices {
            for j in prints.indices {
                let shared = DuplicateFinder.sharedCount(prints[i], prints[j])
                XCTAssertEqual(shared, references[i].intersection(references[j]).count)
                // The merge that stops early answers as the full count would.
                for bound in [0.0, 0.5, 1, Double(shared) - 0.5, Double(shared), Double(shared) + 0.5, 0.6 * Double(prints[i].count)] {
                    XCTAssertEqual(DuplicateFinder.share(prints[i], prints[j], atLeast: bound), Double(shared) >= bound)
                }
            }
        }
    }

    /// `bodyText` is built from `forEachBodyPiece`: it must still join paragraphs, headings
    /// (number and text on one line) and the signature exactly as it always has.
    func testBodyTextJoinsThePiecesLineByLine() {
        let sections = [
            Section(number: "一、", heading: "加强党建", level: 1, paragraphs: ["全年召开会议。"], children: [
                Section(number: "(一)", heading: "", level: 2, paragraphs: ["甲。", "乙。"]),
            ]),
            Section(number: "二、", heading: "推进改革", level: 1),
        ]
        let report = Report(id: "r-01", paragraphs: ["开头。"], sections: sections, signature: "县教育局\n2023年12月1日")
        XCTAssertEqual(report.bodyText, "开头。\n一、加强党建\n全年召开会议。\n(一)\n甲。\n乙。\n二、推进改革\n县教育局\n2023年12月1日")
        XCTAssertEqual(Report(id: "r-02", signature: "县教育局").bodyText, "县教育局")
        XCTAssertEqual(Report(id: "r-03").bodyText, "")
    }
}
