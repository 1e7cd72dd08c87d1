import XCTest

@testable import SiteBuilder

final class TextDifferencesTests: XCTestCase {
    /// One county's summary, and a copy with the county, a town's school, the year and some numbers
    /// changed, one sentence reworded and one added.
    static let original = """
        余姚市教育局2023年工作总结
        2023年，余姚市教育系统坚持立德树人，全面推进教育现代化。
        全年新建幼儿园12所，改扩建中小学5所，新增学位3600个。
        投入教育经费3.2亿元，普惠性幼儿园覆盖率达91.17%。
        城关镇中心小学创成省级示范学校。
        实验小学与城关镇中心小学结成教育共同体。
        全面落实“双减”政策，课后服务实现全覆盖。
        加强师德师风建设，开展教师全员培训。
        """
    static let copy = """
        慈溪市教育局2024年工作总结
        2024年，慈溪市教育系统坚持立德树人，全面推进教育现代化。
        全年新建幼儿园15所，改扩建中小学5所，新增学位4200个。
        投入教育经费4.5亿元，普惠性幼儿园覆盖率达91.17%。
        城南镇中心小学创成省级示范学校。
        实验小学与城南镇中心小学结成教育共同体。
        深入落实“双减”政策，课后服务实现全覆盖。
        加强师德师风建设，开展教师全员培训。
        新建学校3所。
        """

    func testFindsExactlyTheChangedNamesAndNumbers() {
        let found = TextDifferences.between(Self.original, Self.copy)
        let expected: [TextDifferences.Item] = [
            .init(kind: .name, a: "余姚市", b: "慈溪市", context: "", count: 2),
            .init(kind: .number, a: "2023年", b: "2024年", context: "余姚市教育局", count: 2),
            .init(kind: .number, a: "12所", b: "15所", context: "全年新建幼儿园"),
            .init(kind: .number, a: "3600个", b: "4200个", context: "新增学位"),
            .init(kind: .number, a: "3.2亿元", b: "4.5亿元", context: "投入教育经费"),
            .init(kind: .name, a: "城关镇", b: "城南镇", context: "", count: 2),
        ]
        XCTAssertEqual(found.items, expected, found.items.map { "\($0.kind) \($0.a)→\($0.b) [\($0.context)] ×\($0.count)" }.joined(separator: "\n"))
        XCTAssertEqual(found.omitted, 0)
    }

    func testSameTextHasNoDifferences() {
        XCTAssertTrue(TextDifferences.between(Self.original, Self.original).isEmpty)
        XCTAssertTrue(TextDifferences.between(Self.original, Self.original.replacingOccurrences(of: "，", with: ", ")).isEmpty,
                      "punctuation and spacing are no names or numbers")
    }

    /// A name glued to a neighbour by one shared character is still one name (海 in 宁海县 and 海曙区).
    func testOneSharedCharacterDoesNotSplitAName() {
        let found = TextDifferences.between("宁海县教育局召开全县教育工作会议。", "海曙区教育局召开全县教育工作会议。")
        XCTAssertEqual(found.items.map { [$0.a, $0.b] }, [["宁海县", "海曙区"]])
        let school = TextDifferences.between("城关小学创成市级文明校园。", "关山小学创成市级文明校园。")
        XCTAssertEqual(school.items.map { [$0.a, $0.b] }, [["城关小学", "关山小学"]])
    }

    func testNumbersInWordsAndUnitsAreRead() {
        let found = TextDifferences.between("全县共有幼儿园十二所，在园幼儿3000人。", "全县共有幼儿园十五所，在园幼儿3000名。")
        XCTAssertEqual(found.items.map { [$0.a, $0.b] }, [["十二所", "十五所"], ["3000人", "3000名"]])
        XCTAssertTrue(TextDifferences.between("一是加强党建。", "二是加强党建。").isEmpty, "an ordinal is no figure")
    }

    func testListIsCappedAndCounted() {
        let a = (1...60).map { "第\($0)项工程投入资金\($0 * 10)万元。" }.joined()
        let b = (1...60).map { "第\($0)项工程投入资金\($0 * 10 + 1)万元。" }.joined()
        let found = TextDifferences.between(a, b)
        XCTAssertEqual(found.items.count, TextDifferences.limit)
        XCTAssertEqual(found.omitted, 60 - TextDifferences.limit)
        XCTAssertEqual(found.items.first.map { [$0.a, $0.b] }, ["10万元", "11万元"])
    }

    /// Texts that share nothing have no copy's edits to show.
    func testUnrelatedTextsHaveNoDifferences() {
        let other = "教育局召开党风廉政建设会议。会议传达了上级精神。各校校长参加会议。"
        XCTAssertTrue(TextDifferences.between(Self.original, other).isEmpty)
    }

    /// Reports run to 20,000 characters: sentences are aligned by anchors, never character by character.
    func testLongTextsAreFast() {
        var a = "", b = ""
        for i in 0..<700 {
            a += "第\(i)条，全县第\(i)所学校新建教室\(i % 37)间，投入资金\(i)万元，开展教研活动。"
            b += i % 50 == 0 ? "第\(i)条，全县第\(i)所学校新建教室\(i % 37 + 1)间，投入资金\(i)万元，开展教研活动。"
                : "第\(i)条，全县第\(i)所学校新建教室\(i % 37)间，投入资金\(i)万元，开展教研活动。"
        }
        XCTAssertGreaterThan(a.unicodeScalars.count, 20_000)
        let clock = ContinuousClock()
        var found = TextDifferences(items: [])
        let elapsed = clock.measure { found = TextDifferences.between(a, b) }
        XCTAssertEqual(found.items.count, 14, found.items.map { "\($0.a)→\($0.b)" }.joined(separator: ", "))
        XCTAssertLessThan(elapsed, .seconds(2), "debug build; the release build takes a fraction of this")
    }
}
