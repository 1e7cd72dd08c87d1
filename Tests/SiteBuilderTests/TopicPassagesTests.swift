import ReportModel
import XCTest

@testable import SiteBuilder

final class TopicPassagesTests: XCTestCase {
    let classifier = TopicClassifier(topics: [
        TopicDefinition(name: "学前教育", slug: "preschool", keywords: ["学前", "幼儿园", "普惠", "a<b"]),
        TopicDefinition(name: "校园安全", slug: "safety", keywords: ["安全"]),
    ])

    func reading(_ heading: String, _ paragraphs: [String]) -> TopicClassifier.Reading {
        classifier.read(heading: heading, paragraphs: paragraphs, introducesSubsections: false)
    }

    func marked(_ p: TopicPassage) -> [String] {
        let utf8 = Array(p.text.utf8)
        return p.marks.map { String(decoding: utf8[$0], as: UTF8.self) }
    }

    func testThePassageIsTheSentenceWithTheMostOfTheTopicsWords() {
        let r = reading("一、学前教育", ["全年新建幼儿园12所！校园安全形势稳定；学前三年毛入园率达到98%，普惠性幼儿园覆盖率95%。", "  教师培训3000人次。"])
        let passages = TopicPassages.passages(of: r, topic: 0)
        XCTAssertEqual(passages.map(\.text), ["学前三年毛入园率达到98%，普惠性幼儿园覆盖率95%。"])
        XCTAssertEqual(passages.map(marked), [["学前", "普惠", "幼儿园"]])
        XCTAssertEqual(TopicPassages.passages(of: r, topic: 1).map(\.text), ["校园安全形势稳定；"])
    }

    func testMarksAreUTF8OffsetsAndTheSentenceKeepsItsMarkWithoutTheSpaces() {
        let p = TopicPassages.passages(of: reading("概况", ["  全年新建幼儿园12所！ 其他"]), topic: 0)[0]
        XCTAssertEqual(p.text, "全年新建幼儿园12所！")
        XCTAssertEqual(p.marks, [12..<21])
    }

    func testKeywordsThatTouchAreOneMark() {
        let p = TopicPassages.passages(of: reading("概况", ["推进学前幼儿园建设。"]), topic: 0)[0]
        XCTAssertEqual(marked(p), ["学前幼儿园"])
    }

    func testAmongEquallyStrongSentencesTheFirstIsKept() {
        let r = reading("概况", ["幼儿园1所。安全。学前教育普惠发展。幼儿园2所。普惠学前。"])
        XCTAssertEqual(TopicPassages.passages(of: r, topic: 0).map(\.text), ["学前教育普惠发展。"])
    }

    func testALongSentenceIsCutAroundItsFirstKeyword() {
        let before = String(repeating: "甲", count: 100), after = String(repeating: "乙", count: 100)
        let r = reading("概况", [before + "幼儿园" + after + "。"])
        let p = TopicPassages.passages(of: r, topic: 0)[0]
        XCTAssertEqual(p.text.unicodeScalars.count, TopicPassages.maxLength + 2, "cut on both sides, … for each cut")
        XCTAssertTrue(p.text.hasPrefix("…" + String(repeating: "甲", count: TopicPassages.lead) + "幼儿园"), p.text)
        XCTAssertTrue(p.text.hasSuffix("乙…"), p.text)
        XCTAssertEqual(marked(p), ["幼儿园"])
    }

    func testASectionFiledByItsHeadingAloneShowsItsFirstSentence() {
        let r = reading("二、学前教育", ["全年新建园所5个。在园人数增加。"])
        XCTAssertEqual(TopicPassages.passages(of: r, topic: 0), [TopicPassage(topic: 0, text: "全年新建园所5个。", marks: [])])
    }

    func testOnlyTheStrongestSectionsOfAReportShowPassagesForATopic() {
        let readings = (0..<5).map { i in reading("节\(i)", [String(repeating: "幼儿园。", count: i + 1)]) }
        let chosen = TopicPassages.choose(readings, topics: [0])
        XCTAssertEqual(chosen.map(\.isEmpty), [true, true, true, false, false], "the sections with the most of the topic's words")
        XCTAssertEqual(chosen[4].count, TopicPassages.sentencesPerSection)
    }

    func testMarkupInTheTextAndInAKeywordStaysText() {
        let r = reading("学前", ["<script>alert(1)</script>推进学前教育，a<b&c。"])
        let html = PassageHTML.render(TopicPassages.passages(of: r, topic: 0)[0])
        XCTAssertEqual(html, "&lt;script&gt;alert(1)&lt;/script&gt;推进<mark>学前</mark>教育，<mark>a&lt;b</mark>&amp;c。")
    }

    func testMarksThatDoNotFitTheTextAreLeftOut() {
        let html = PassageHTML.render(TopicPassage(topic: 0, text: "学前<b>", marks: [0..<6, 4..<5, 6..<99]))
        XCTAssertEqual(html, "<mark>学前</mark>&lt;b&gt;")
    }
}
