import ReportModel
import XCTest

@testable import SiteBuilder

final class TopicClassifierTests: XCTestCase {
    let classifier = TopicClassifier(topics: [
        TopicDefinition(name: "学前教育", slug: "preschool", keywords: ["学前", "幼儿园", "普惠"], ignore: ["中小学和幼儿园"]),
        TopicDefinition(name: "校园安全", slug: "safety", keywords: ["安全", "防溺水"]),
        TopicDefinition(name: "教师队伍", slug: "teachers", keywords: ["教师", "校长"]),
        TopicDefinition(name: "党建", slug: "party", keywords: ["党建", "校长负责制"]),
    ])

    /// A long paragraph about teachers that names safety once, in passing.
    let teachersText = "全年公开招聘教师238名，其中研究生学历46名，全部充实到乡镇学校任教。实施青蓝工程，为三年内新入职教师配备结对导师，师徒结对实现全覆盖。"
        + "组织中小学教师全员培训，人均完成培训92.5学时，培训内容涵盖课堂教学、班级管理和安全教育等方面。评选县级骨干教师120名，名师工作室28个，送教下乡53场。"

    func testHeadingThatNamesATopicFilesTheSection() {
        XCTAssertEqual(classifier.classify(heading: "大力推进学前教育普及普惠发展", paragraphs: []), [0])
        XCTAssertEqual(classifier.classify(heading: "加强学前教育管理", paragraphs: [teachersText]), [2, 0], "the text's own topic comes first: it has more words")
    }

    func testOneStrayKeywordIsNotEnough() {
        XCTAssertEqual(classifier.classify(heading: "加强队伍建设", paragraphs: [teachersText]), [2], "安全 once in 140 characters")
        XCTAssertEqual(classifier.classify(heading: "主要工作", paragraphs: ["开展防溺水专题教育。", "组织消防演练，排查隐患，确保全年无安全责任事故。"]), [1],
                       "two safety words in a short section are dense")
    }

    func testAOneSentenceSectionIsFiledOnOneKeyword() {
        XCTAssertEqual(classifier.classify(heading: "三、民生实事", paragraphs: ["新建公办幼儿园3所。"]), [0])
    }

    func testAChapterIntroductionNeedsTwiceTheDensity() {
        let intro = ["2024年，全市教育系统将聚焦五力提升，全力完成全国学前教育普及普惠县和全国义务教育优质均衡发展县创建，持续擦亮教育金名片。"]
        XCTAssertEqual(classifier.classify(heading: "二、2024年工作思路", paragraphs: intro), [0], "as a section of its own: two words in 62 characters")
        XCTAssertEqual(classifier.classify(heading: "二、2024年工作思路", paragraphs: intro, introducesSubsections: true), [])
    }

    /// The chapter's own introduction names the topic once: enough for a section, not for a chapter.
    func testAParentDoesNotTakeItsSubsectionsTopics() {
        let preschool = Section(number: "（一）", heading: "扩充学位", level: 2, paragraphs: ["新建幼儿园3所，普惠性幼儿园覆盖率达到95%，学前三年毛入园率达到98%。"])
        let chapter = Section(number: "二、", heading: "2024年工作思路", level: 1, paragraphs: ["新的一年，我们将重点做好学前教育等工作。"], children: [preschool])
        var archived = ArchivedReport(report: Report(id: "r-01", sections: [chapter]), sourceFile: "r.txt", sourceSlug: "r", position: 1,
                                      slug: "r-1", sections: [], topics: [], setByHand: [])
        archived.classify(with: classifier)
        XCTAssertEqual(archived.sections.map(\.anchor), ["s1", "s1-1"])
        XCTAssertEqual(archived.sections.map(\.topics), [[], [0]])
    }

    func testTheLongestKeywordAtAPlaceDecides() {
        XCTAssertEqual(classifier.classify(heading: "落实党组织领导的校长负责制", paragraphs: []), [3], "校长负责制 is party building, not 校长")
    }

    func testAnIgnoredPhraseHidesItsKeyword() {
        XCTAssertEqual(classifier.classify(heading: "学校建设", paragraphs: ["新建中小学和幼儿园12所。"]), [])
        XCTAssertEqual(classifier.classify(heading: "学校建设", paragraphs: ["新建幼儿园12所。"]), [0])
    }

    func testTraditionalScriptIsMatchedInSimplified() {
        XCTAssertEqual(classifier.classify(heading: "三、教師隊伍不斷加強", paragraphs: ["新招聘教師三百二十名。"]), [2])
    }

    func testAtMostThreeTopicsStrongestFirst() {
        let text = "校长和教师培训。防溺水和安全教育，安全演练。幼儿园普惠。党建。"
        XCTAssertEqual(classifier.classify(heading: "综合", paragraphs: [text]), [1, 0, 2], "ties in taxonomy order")
    }

    func testReportTopicsAreWeightedByLength() {
        // A topic that covers a small share of the classified text does not tag the report.
        let topics = classifier.reportTopics([(topics: [0], length: 1000), (topics: [1], length: 50)])
        XCTAssertEqual(topics, [0])
    }
}
