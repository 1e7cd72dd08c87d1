import XCTest

@testable import SiteBuilder

final class HeadingAlignmentTests: XCTestCase {
    /// An outline from `(depth, number, heading)` lines, anchored as the site anchors them.
    static func outline(_ lines: [(Int, String, String)], topics: [[Int]] = []) -> [ListedReport.SectionSummary] {
        var counters: [Int] = []
        return lines.enumerated().map { i, line in
            let (depth, number, heading) = line
            counters = Array(counters.prefix(depth + 1))
            if counters.count == depth + 1 { counters[depth] += 1 } else { counters.append(1) }
            let anchor = "s" + counters.map(String.init).joined(separator: "-")
            return .init(anchor: anchor, depth: depth, number: number, heading: heading, topics: i < topics.count ? topics[i] : [])
        }
    }

    /// One county's 2023 summary and its 2024 summary: a chapter reworded, a point reworded, points and a
    /// chapter added, chapters renumbered, a year changed.
    static let summary2023 = outline([
        (0, "一、", "学前教育优质普惠发展"),
        (1, "（一）", "新建改扩建幼儿园"),
        (1, "（二）", "提升保教质量"),
        (0, "二、", "义务教育均衡发展"),
        (1, "（一）", "推进集团化办学"),
        (0, "三、", "加强教师队伍建设"),
        (0, "四、", "2023年安全工作"),
    ])
    static let summary2024 = outline([
        (0, "一、", "学前教育普惠发展成效显著"),
        (1, "（一）", "新建改扩建幼儿园"),
        (1, "（二）", "保教质量稳步提升"),
        (0, "二、", "义务教育优质均衡发展"),
        (1, "（一）", "推进集团化办学"),
        (1, "（二）", "深化课后服务"),
        (0, "三、", "职业教育提质培优"),
        (0, "四、", "加强教师队伍建设"),
        (0, "五、", "2024年安全工作"),
    ])

    func testTwoYearsOfOneCountyAlignPairByPair() {
        let rows = HeadingAlignment(Self.summary2023, Self.summary2024).rows
        let expected: [(Int?, Int?, Double?)] = [
            (0, 0, 0.6),  // reworded: 学前 前教 教育 普惠 惠发 发展 of 9 and 11 bigrams
            (1, 1, 1),
            (2, 2, 8.0 / 12),  // 提升保教质量 ↔ 保教质量稳步提升
            (3, 3, 0.75),
            (4, 4, 1),
            (nil, 5, nil),  // 深化课后服务, added under its chapter
            (nil, 6, nil),  // 职业教育提质培优, a new chapter
            (5, 7, 1),  // renumbered 三 → 四
            (6, 8, 1),  // the year differs
        ]
        XCTAssertEqual(rows.count, expected.count, "\(rows)")
        for (row, want) in zip(rows, expected) {
            XCTAssertEqual(row.left, want.0, "\(row)")
            XCTAssertEqual(row.right, want.1, "\(row)")
            if let similarity = want.2 {
                XCTAssertEqual(row.similarity ?? -1, similarity, accuracy: 1e-9, "\(row)")
            } else {
                XCTAssertNil(row.similarity, "\(row)")
            }
        }
    }

    func testNumberingAndYearsAreIgnored() {
        XCTAssertEqual(HeadingAlignment.similarity("2023年工作总结", "2024年度工作总结"), 1)
        XCTAssertEqual(HeadingAlignment.similarity("二〇二三年工作要点", "xx年工作要点"), 1)
        XCTAssertEqual(HeadingAlignment.similarity("（二）提升保教质量", "3.提升保教质量"), 1, "a numbering left in the heading's text")
        XCTAssertEqual(HeadingAlignment.similarity("第一部分 主要成绩", "一、主要成绩"), 1)
        XCTAssertEqual(HeadingAlignment.similarity("加强教师队伍建设。", "加强教师队伍建设"), 1, "punctuation")
        XCTAssertLessThan(HeadingAlignment.similarity("新建1000所学校", "新建2000所学校"), 1, "a count is no year")
    }

    /// Headings of one field share generic words; that is not enough to pair them.
    func testUnrelatedHeadingsOfOneFieldDoNotPair() {
        XCTAssertLessThan(HeadingAlignment.similarity("义务教育均衡发展", "职业教育发展"), HeadingAlignment.threshold)
        let a = Self.outline([(0, "一、", "义务教育均衡发展")]), b = Self.outline([(0, "一、", "职业教育发展")])
        XCTAssertEqual(HeadingAlignment(a, b).rows, [.init(left: 0, right: nil, similarity: nil), .init(left: nil, right: 0, similarity: nil)])
    }

    /// A chapter renamed past recognition still pairs when its points carry over.
    func testRenamedChapterPairsByItsChildren() {
        let a = Self.outline([(0, "一、", "主要工作"), (1, "1.", "学前教育普及普惠"), (1, "2.", "义务教育优质均衡"), (1, "3.", "校园安全")])
        let b = Self.outline([(0, "一、", "工作回顾"), (1, "1.", "学前教育普及普惠"), (1, "2.", "义务教育优质均衡"), (1, "3.", "体育美育")])
        let rows = HeadingAlignment(a, b).rows
        XCTAssertEqual(rows.first?.left, 0)
        XCTAssertEqual(rows.first?.right, 0)
        XCTAssertLessThan(rows.first?.similarity ?? 1, HeadingAlignment.threshold)
        XCTAssertEqual(rows.map(\.left), [0, 1, 2, 3, nil])
        XCTAssertEqual(rows.map(\.right), [0, 1, 2, nil, 3])
    }

    /// An unpaired chapter keeps its points on its own side, even a point another chapter also has.
    func testUnpairedChapterKeepsItsSubtree() {
        let a = Self.outline([(0, "一、", "学前教育"), (1, "1.", "保教质量"), (0, "二、", "教育督导"), (1, "1.", "责任督学")])
        let b = Self.outline([(0, "一、", "学前教育"), (1, "1.", "保教质量"), (1, "2.", "责任督学")])
        let rows = HeadingAlignment(a, b).rows
        XCTAssertEqual(rows.map(\.left), [0, 1, nil, 2, 3])
        XCTAssertEqual(rows.map(\.right), [0, 1, 2, nil, nil])
    }

    /// Order is kept: a chapter moved ahead of another pairs with one of them, never both.
    func testAlignmentKeepsOrder() {
        let a = Self.outline([(0, "一、", "学前教育"), (0, "二、", "校园安全")])
        let b = Self.outline([(0, "一、", "校园安全"), (0, "二、", "学前教育")])
        let rows = HeadingAlignment(a, b).rows
        XCTAssertEqual(rows.filter { $0.left != nil && $0.right != nil }.count, 1, "\(rows)")
        XCTAssertEqual(rows.count, 3, "every heading once")
    }
}
