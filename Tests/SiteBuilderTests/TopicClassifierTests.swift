import XCTest

@testable import SiteBuilder

final class TopicClassifierTests: XCTestCase {
    let classifier = TopicClassifier(topics: [
        TopicDefinition(name: "学前教育", slug: "preschool", keywords: ["学前", "幼儿园", "普惠"]),
        TopicDefinition(name: "校园安全", slug: "safety", keywords: ["安全", "防溺水"]),
    ])

    func testHeadingKeywordFilesTheSection() {
        // One hit in a heading weighs as much as three in the text.
        XCTAssertEqual(classifier.classify(heading: "大力推进学前教育普及普惠发展", text: ""), [0])
    }

    func testSingleMentionInTextIsNotEnough() {
        XCTAssertEqual(classifier.classify(heading: "加强管理", text: "做好安全工作。"), [])
        XCTAssertEqual(classifier.classify(heading: "加强管理", text: "做好安全工作，开展防溺水教育。"), [1])
    }

    func testReportTopicsAreWeightedByLength() {
        // A topic that covers a small share of the classified text does not tag the report.
        let topics = classifier.reportTopics([(topics: [0], length: 1000), (topics: [1], length: 50)])
        XCTAssertEqual(topics, [0])
    }
}
