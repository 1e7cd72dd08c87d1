import Foundation
import ReportModel
import XCTest

@testable import ReportParser

/// Properties over the whole gazetteer: every county-level name that no other place shares is read
/// from a title and from a signature; names in passing never place a report; shared names need an ancestor.
final class GazetteerPropertyTests: XCTestCase {
    private let gazetteer = Gazetteer.shared
    /// One parser for all cases: a parser's gazetteer tables are shared, not rebuilt.
    private let parser = ReportParser()

    /// County-level places whose full name no other place has.
    private var uniqueCounties: [Gazetteer.Place] {
        gazetteer.allPlaces.filter { $0.rank == .county && gazetteer.places(named: $0.name).count == 1 }
    }

    private func parse(_ text: String) -> Report {
        parser.parse(text: text, source: "property.txt").reports.first ?? Report(id: "none")
    }

    private let body = "一、主要工作\n全年完成各项工作任务,教育质量稳步提升。\n二、存在问题\n办学条件仍需改善。"

    func testEveryUniqueCountyResolvesFromATitle() {
        let counties = uniqueCounties
        XCTAssertGreaterThan(counties.count, 2_900)
        var failures: [String] = []
        for place in counties {
            let report = parse("\(place.name)教育局2016年工作总结\n\(body)")
            let expected = gazetteer.region(for: place)
            if report.region != expected || report.issuer != "\(place.name)教育局" {
                failures.append("\(place.name): \(report.issuer ?? "nil") \(report.region)")
            }
        }
        XCTAssertEqual(failures.count, 0, "\(failures.count)/\(counties.count) wrong, e.g. \(failures.prefix(10))")
    }

    /// A short form is a prefix of its county's name; the bit test that spares the look-ups must
    /// pass every one of them (`RegionResolver` reads 汝南教育局 only through it).
    func testEveryCountyShortFormPassesTheEndTest() {
        var forms = 0
        for place in gazetteer.allPlaces where place.rank == .county {
            let scalars = Array(place.name.unicodeScalars)
            for length in 2..<scalars.count {
                let form = String(String.UnicodeScalarView(scalars[..<length]))
                guard gazetteer.county(shortNamed: form) != nil else { continue }
                forms += 1
                XCTAssertTrue(gazetteer.mayEndCountyShortForm(scalars[length - 1]), form)
            }
        }
        XCTAssertGreaterThan(forms, 1_000)
        XCTAssertFalse(gazetteer.mayEndCountyShortForm("的"))
    }

    func testEveryUniqueCountyResolvesFromASignature() {
        var failures: [String] = []
        let counties = uniqueCounties
        for place in counties {
            let report = parse("县教育局2016年工作总结\n\(body)\n\(place.name)教育局\n2016年12月20日")
            if report.region != gazetteer.region(for: place) || report.issuer != "\(place.name)教育局" {
                failures.append("\(place.name): \(report.issuer ?? "nil") \(report.region)")
            }
        }
        XCTAssertEqual(failures.count, 0, "\(failures.count)/\(counties.count) wrong, e.g. \(failures.prefix(10))")
    }

    /// Names in passing, each in a report whose own name is hidden: the region stays null, the level is kept.
    func testIncidentalMentionsPlaceNothing() {
        let cases: [(String, String)] = [
            ("neighbours listed", "我县东与墨玉县、皮山县接壤,西与洛浦县、策勒县相邻,全县教育工作稳步推进。"),
            ("neighbours listed twice", "我县与平度市、莱西市、即墨区接壤。平度市、莱西市、即墨区教育发展较快,全县教育差距明显。"),
            ("a visit", "组织校长赴齐齐哈尔学习,赴齐齐哈尔市考察集团化办学,全县教师受益匪浅。"),
            ("a visit to a county", "全县骨干教师赴和田县学习,前往万年县考察,学习平度市教育局经验。"),
            ("a quoted document", "认真学习《双柏县教育局关于进一步加强中小学德育工作的意见》,全县各校对照执行。"),
            ("quoted documents", "参照《双柏县教育局关于…的意见》《双柏县中小学校长考核办法》,制定我县方案。"),
            ("a partner", "与杭州市结为友好城市,同上海市闵行区开展结对帮扶,全县共派出教师20人。"),
            ("spam", "澳门新葡京娱乐 澳门威尼斯人官网 澳门百家乐 澳门赌场在线。全县教育工作稳步推进。"),
            ("a slogan", "一定要解放台湾,全县师生斗志昂扬。解放台湾,统一祖国。"),
            ("graduates' destinations", "毕业生主要去向广东、浙江、福建、江苏等地,全县劳务输出稳定。"),
        ]
        for (form, sentence) in cases {
            let report = parse("XX县教育局2016年工作总结\n一、主要工作\n\(sentence)\n二、存在问题\n\(sentence)")
            XCTAssertEqual(report.region, Region(level: "县"), form)
        }
    }

    /// 宝山区 (上海, 双鸭山), 城中区 (西宁, 柳州), 龙华区 (深圳, 海口), 新华区 (石家庄, 沧州, 平顶山 …).
    func testSharedNamesNeedANamedAncestor() {
        for name in ["宝山区", "城中区", "龙华区", "新华区"] {
            let places = gazetteer.places(named: name)
            XCTAssertGreaterThan(places.count, 1, name)
            // Alone, or beside a list of provinces the graduates went to: null, level kept.
            let alone = parse("\(name)教育局2016年工作总结\n一、主要工作\n毕业生去向广东、浙江、福建、河北、青海、黑龙江、上海、海南等地。\n二、存在问题\n全区办学条件仍需改善。")
            XCTAssertEqual(alone.region, Region(level: "区"), name)
            XCTAssertEqual(alone.issuer, "\(name)教育局", name)
            for place in places {
                let parent = gazetteer.parent(of: place)!
                let province = gazetteer.region(for: place).province!
                // The prefecture (or municipality) in the title, then the province alone when it tells them apart.
                let withParent = parse("\(parent.name)\(name)教育局2016年工作总结\n\(body)")
                XCTAssertEqual(withParent.region, gazetteer.region(for: place), "\(parent.name)\(name)")
                if places.filter({ gazetteer.region(for: $0).province == province }).count == 1 {
                    let withProvince = parse("\(province)\(name)教育局2016年工作总结\n\(body)")
                    XCTAssertEqual(withProvince.region, gazetteer.region(for: place), "\(province)\(name)")
                }
            }
        }
    }
}
