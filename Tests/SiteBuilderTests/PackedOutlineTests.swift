import ReportModel
import XCTest

@testable import SiteBuilder

final class PackedOutlineTests: XCTestCase {
    func testSectionsAndFiguresReadBackAsTheyWere() {
        let figures = [Figure(phrase: "", written: "686、598人", value: nil, unit: "人"),
                       Figure(phrase: "投入资金", written: "3.2亿元", value: 320_000_000.000_000_06, unit: "元"),
                       Figure(phrase: "增长", written: "-0.5%", value: -0.5, unit: "%")]
        let sections: [ListedReport.SectionSummary] = [
            .init(anchor: "s1", depth: 0, number: "一、", heading: String(repeating: "学前教育", count: 80), topics: [],
                  figures: [figures[1]]),
            .init(anchor: "s1-1", depth: 1, number: "", heading: "", topics: [0, 15, 300]),
            .init(anchor: "s2", depth: 7, number: "（二十）", heading: "\t\n\\N 😀", topics: [2], figures: figures),
        ]
        let packed = PackedOutline(sections: sections, figures: figures)
        XCTAssertEqual(packed.sections, sections)
        XCTAssertEqual(packed.figures, figures)
        XCTAssertEqual(packed.sections { $0.contains(15) }, [sections[1]], "the sections stepped over leave the rest in place")
        XCTAssertEqual(packed.sections { $0.contains(2) }, [sections[2]])
        XCTAssertEqual(packed.sections { $0.isEmpty }, [sections[0]])
        XCTAssertEqual(PackedOutline(sections: sections, figures: figures), packed, "the same outline packs the same")
        XCTAssertNotEqual(PackedOutline(sections: Array(sections.dropLast()), figures: figures), packed)
        XCTAssertEqual(PackedOutline(sections: [], figures: []), .empty)
        XCTAssertEqual(PackedOutline.empty.sections, [])
        XCTAssert(packed.counts == (3, 7), "the report's 3 figures and its sections' 1, 0 and 3: \(packed.counts)")
        XCTAssert(PackedOutline(sections: [], figures: figures).counts == (0, 3))
        XCTAssert(PackedOutline.empty.counts == (0, 0))
    }

    /// A listed report's setters repack what the other one holds.
    func testSettingSectionsKeepsTheReportsFigures() {
        var report = ListedReport(slug: "a-1", id: "a-01", sourceFile: "a.txt", position: 1, title: nil, listedTitle: nil, issuer: nil,
                                  region: Region(), year: nil, docType: .other, complete: true, signedDate: nil, publishedDate: nil,
                                  topics: [], sections: [], figures: [Figure(phrase: "新建幼儿园", written: "12所", value: 12, unit: "所")])
        report.sections = [.init(anchor: "s1", depth: 0, number: "一、", heading: "总体", topics: [1])]
        XCTAssertEqual(report.figures.map(\.written), ["12所"])
        report.figures = []
        XCTAssertEqual(report.sections.map(\.heading), ["总体"])
        XCTAssertEqual(report.figures, [])
    }
}
