import Foundation
import ReportModel
import XCTest

@testable import ReportParser

/// Issue 11: type words, offices found beyond the title, and the region ranking (strong positions,
/// the body's own voice, names in passing).
final class MetadataRankingTests: XCTestCase {
    private let body = ["一、主要工作", "全年完成各项工作任务。", "二、存在问题", "办学条件仍需改善。"]

    // MARK: Type words

    func testNewTypeWords() {
        let cases: [(String, DocType)] = [
            ("县教育局2017年上半年工作情况", .summary),
            ("县教育局2018年教育工作情况汇报", .summary),
            ("县教育局2018年工作汇报", .summary),
            ("县教育局2019年工作报告", .summary),
            ("县教育局局长2020年述职报告", .specialSummary),  // 局长: one person's work, not the bureau's
            ("县教育局2020年述职报告", .summary),
            ("县教育局2019年自查报告", .summary),
            ("县教育局2019年度校园安全工作自查报告", .specialSummary),
            ("县教育局2019年政府信息公开工作年度报告", .specialSummary),
            ("县教育局2020年法治政府建设年度报告", .specialSummary),
            ("县人民政府2017年政府工作报告", .summaryPlan),
            ("县教育局2021年教育质量提升行动方案", .plan),
            ("县教育局关于2019年教育工作的安排意见", .plan),
            ("县教育局2021年工作安排", .plan),
            ("县教育局“十四五”教育事业发展规划", .plan),
            ("在2018年全县教育工作会议上的讲话", .speech),
            ("局长在全市教育系统安全工作会议上的发言", .speech),
            ("在2020年教师节庆祝表彰大会上的致辞", .speech),
            // A speech word with no meeting: what was learnt from a speech is reported, not given.
            ("县教育局学习贯彻重要讲话精神情况汇报", .specialSummary),
        ]
        for (title, expected) in cases {
            XCTAssertEqual(DocTypeClassifier.classify(title: title, topHeadings: []), expected, title)
        }
    }

    func testLeftoverWordsAreNotALineOfWork() {
        // 过去五年, 乡镇, 第/篇 say nothing about which line of work is reviewed.
        for title in ["县教育局过去五年工作总结", "乡镇教育工作总结", "第一篇 县教育局工作总结", "县教育局2016年工作总结第2篇"] {
            XCTAssertEqual(DocTypeClassifier.classify(title: title, topHeadings: []), .summary, title)
        }
    }

    func testEveryTypeHasAPageSlug() {
        XCTAssertEqual(DocType(rawValue: "speech"), .speech)
        XCTAssertEqual(DocType.allCases.count, Set(DocType.allCases.map(\.rawValue)).count)
    }

    // MARK: Offices

    func testPlaceNamesHoldingConjunctionsAndYearsAreReadWhole() {
        let gazetteer = Gazetteer.shared
        for name in ["和田县", "西和县", "万年县", "平度市", "民和回族土族自治县"] {
            let office = OfficeName.find(in: Scalars("2016年\(name)教育局工作总结"), places: gazetteer)
            XCTAssertEqual(office?.office, "\(name)教育局", name)
            XCTAssertEqual(office?.namesPlace, true, name)
        }
        // Without the gazetteer, the old reading: 和 ends the name.
        XCTAssertEqual(OfficeName.find(in: Scalars("和田县教育局"))?.office, "田县教育局")
    }

    func testOfficeWordsBeyondTheBureau() {
        let gazetteer = Gazetteer.shared
        XCTAssertEqual(OfficeName.find(in: Scalars("兰考县社会事业局2019年工作总结"), places: gazetteer)?.office, "兰考县社会事业局")
        XCTAssertEqual(OfficeName.find(in: Scalars("万年县人民政府"), words: OfficeName.governmentWords, places: gazetteer)?.office, "万年县人民政府")
        // A government is no issuer of an education report.
        XCTAssertNil(OfficeName.find(in: Scalars("万年县人民政府"), places: gazetteer))
    }

    func testIssuerFromTheHeadOrTheFirstParagraph() {
        let fromHead = report(["2016年教育工作总结", "西和县教育局", "2016年,全县教育系统稳步推进各项工作,教育质量持续提升,办学条件进一步改善。"] + body)
        XCTAssertEqual(fromHead.issuer, "西和县教育局")
        XCTAssertEqual(fromHead.provenance["issuer"], "head")
        XCTAssertEqual(fromHead.region.county, "西和县")

        let fromOpening = report(["2016年教育工作总结", "2016年,在县委、县政府的领导下,平度市教育局紧紧围绕年初目标,扎实推进各项工作。"] + body)
        XCTAssertEqual(fromOpening.issuer, "平度市教育局")
        XCTAssertEqual(fromOpening.provenance["issuer"], "first paragraph")
        XCTAssertEqual(fromOpening.region.prefecture, "青岛市")
    }

    func testAnOfficeNamedInPassingIsNoIssuer() {
        for opening in ["2016年,我县组织校长学习平度市教育局集团化办学经验,全县教育质量稳步提升。",
                        "2016年,我县认真学习《双柏县教育局关于加强德育工作的意见》,全县教育质量稳步提升。",
                        "2016年,全县各校与和田县教育局结对帮扶,共派出支教教师四十名,教育质量稳步提升。"] {
            let r = report(["XX县2016年教育工作总结", opening] + body)
            XCTAssertNil(r.issuer, opening)
            XCTAssertEqual(r.region, Region(level: "县"), opening)
        }
    }

    func testGovernmentReportIssuer() {
        let r = report(["万年县2017年政府工作报告", "万年县人民政府", "各位代表:",
                        "现在,我代表县人民政府向大会报告工作,请予审议,并请县政协委员和其他列席人员提出意见。",
                        "一、2016年工作回顾", "全县经济社会保持平稳健康发展。", "二、2017年主要任务", "继续加大教育投入。"])
        XCTAssertEqual(r.docType, .summaryPlan)
        XCTAssertEqual(r.issuer, "万年县人民政府")
        XCTAssertEqual(r.region.county, "万年县")
        XCTAssertTrue(r.complete)
    }

    // MARK: Region ranking

    func testTitleWinsOverTheBody() {
        // The body keeps coming back to 双柏县, as the report's place; the title names 和田县.
        let r = report(["和田县教育局2016年工作总结", "一、主要工作", "双柏县教育局组织教师培训。双柏县教育局开展教研。双柏县全县教育质量提升。"])
        XCTAssertEqual(r.region.county, "和田县")
        XCTAssertEqual(r.provenance["region"], "title")
    }

    func testBodyVoiceNamesTheCountyOnce() {
        let r = report(["县教育局2016年工作总结", "一、主要工作", "全年完成各项工作任务。", "2016年,万年县教育局组织全县教师开展全员培训。", "二、存在问题", "办学条件仍需改善。"])
        XCTAssertEqual(r.region.county, "万年县")
        XCTAssertEqual(r.provenance["region"], "body voice")
    }

    func testAHigherLevelNamedAsAnAuthorityIsNotTheReportsPlace() {
        // A 区 report honoured by its province: 浙江省教育厅 is the province's voice, not the district's.
        let r = report(["区教育局2016年工作总结", "一、主要工作", "区教育局被浙江省教育厅评为先进单位。", "二、存在问题", "办学条件仍需改善。"])
        XCTAssertEqual(r.region, Region(level: "区"))
    }

    func testCountyShortFormOnlyWhereANameIsExpected() {
        let titled = report(["汝南教育局2018年工作总结", "一、主要工作", "全县教育质量稳步提升。", "二、存在问题", "办学条件仍需改善。"])
        XCTAssertEqual(titled.region.county, "汝南县")
        XCTAssertEqual(titled.region.prefecture, "驻马店市")
        XCTAssertEqual(titled.issuer, "汝南教育局")
        // In a sentence, a short form is another place's example: 借鉴汝南经验.
        let inBody = report(["XX县教育局2018年工作总结", "一、主要工作", "借鉴汝南、万年教育经验,汝南教育局帮助我县培训教师。", "二、存在问题", "办学条件仍需改善。"])
        XCTAssertEqual(inBody.region, Region(level: "县"))
        // A short form that is also an ordinary word is none: 平安校园.
        XCTAssertNil(Gazetteer.shared.county(shortNamed: "平安"))
        XCTAssertEqual(Gazetteer.shared.county(shortNamed: "民和")?.name, "民和回族土族自治县")
        XCTAssertNil(Gazetteer.shared.county(shortNamed: "和田"))  // the prefecture's
    }

    func testSharedNameSettledByTheBodysOwnVoiceOnly() {
        let voiced = report(["宝山区教育局2018年工作计划", "一、主要工作", "在上海市委、市政府的领导下,全区教育工作稳步推进。", "二、保障措施", "加强组织领导。"])
        XCTAssertEqual(voiced.region.province, "上海市")
        XCTAssertEqual(voiced.region.county, "宝山区")
        let listed = report(["龙华区教育局2019年工作总结", "一、主要工作", "毕业生主要去向广东、浙江、福建等地。", "二、存在问题", "办学条件仍需改善。"])
        XCTAssertEqual(listed.region, Region(level: "区"))
    }
}
