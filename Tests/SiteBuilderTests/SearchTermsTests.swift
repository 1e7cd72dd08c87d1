import XCTest

@testable import SiteBuilder

/// The tokenizer's rules (README, "Search index format": Keys), which the browser's query splitting must match.
final class SearchTermsTests: XCTestCase {
    /// Keys with their bits, by key.
    func keys(markdown: String) -> [String: UInt8] {
        var counter = SearchTerms()
        let terms = counter.terms(ofMarkdown: Array(markdown.utf8))
        var out: [String: UInt8] = [:]
        for i in 0..<terms.count { out[String(decoding: terms.key(i), as: UTF8.self)] = terms.bits[i] }
        return out
    }

    func testHanRunsGiveTheirBigrams() {
        XCTAssertEqual(Set(keys(markdown: "学前教育").keys), ["学前", "前教", "教育"])
        // A single Han scalar is no key.
        XCTAssertEqual(keys(markdown: "学，前").count, 0)
    }

    func testNoBigramAcrossPunctuationOrOtherScripts() {
        XCTAssertEqual(Set(keys(markdown: "学前，教育").keys), ["学前", "教育"])
        XCTAssertEqual(Set(keys(markdown: "学前a教育").keys), ["学前", "教育"])
        XCTAssertEqual(Set(keys(markdown: "学前\n教育").keys), ["学前", "教育"])
    }

    func testExtensionBlocksAreHan() {
        // U+3400 (Extension A), U+20000 (Extension B) and U+F900 (compatibility) join a run.
        XCTAssertEqual(Set(keys(markdown: "\u{3400}\u{20000}\u{F900}").keys), ["\u{3400}\u{20000}", "\u{20000}\u{F900}"])
    }

    func testWordsAreFoldedAndAtLeastTwoLong() {
        XCTAssertEqual(Set(keys(markdown: "ＡＢＣ１２ a Web 2023年 x").keys), ["abc12", "web", "2023"])
        XCTAssertEqual(Set(keys(markdown: "COVID-19").keys), ["covid", "19"])
    }

    func testWordsAreCutTo32Bytes() {
        let long = String(repeating: "a", count: 40) + "b"
        XCTAssertEqual(Set(keys(markdown: long).keys), [String(repeating: "a", count: 32)])
    }

    func testHeadingBitComesFromHeadingLines() {
        let k = keys(markdown: "# 学前工作\n\n## 一、安全\n\n### （一）师德\n\n学前教育安全师德\n")
        XCTAssertEqual(k["学前"]! & 12, 12, "the title is a chapter-level heading")
        XCTAssertEqual(k["安全"]! & 12, 12, "a top-level heading is a chapter")
        XCTAssertEqual(k["师德"]! & 12, 4, "a lower heading sets the heading bit only")
        XCTAssertEqual(k["教育"]! & 12, 0)
        XCTAssertEqual(k["前教"]! & 12, 0)
    }

    func testFrequencyBuckets() {
        XCTAssertEqual([1, 2, 3, 4, 7, 8, 100].map { ReportTerms.frequencyBits(UInt32($0)) }, [0, 1, 1, 2, 2, 3, 3])
        func bits(_ n: Int) -> UInt8 { keys(markdown: Array(repeating: "教育", count: n).joined(separator: "，"))["教育"]! }
        XCTAssertEqual([1, 2, 3, 4, 7, 8, 9].map(bits), [0, 1, 1, 2, 2, 3, 3])
        // Heading occurrences count too.
        XCTAssertEqual(keys(markdown: "# 教育\n\n教育")["教育"], 12 | 1)
    }

    func testFrontMatterIsSkipped() {
        let k = keys(markdown: "---\ntitle: \"学前报告\"\nyear: 2023\n---\n\n# 安全\n")
        XCTAssertEqual(Set(k.keys), ["安全"])
    }

    func testMarkdownMarksAreNoWords() {
        // The escaper writes a byte order mark as `&#xFEFF;`; text's own `&amp;` arrives escaped and stays text.
        XCTAssertEqual(Set(keys(markdown: "&#xFEFF;学前\\&amp; 1\\. \\#教育\\\n").keys), ["学前", "amp", "教育"])
    }

    func testQueryTextUsesTheSameRules() {
        var counter = SearchTerms()
        let terms = counter.terms(ofText: "# 学前 ＯＫ")
        XCTAssertEqual(Set((0..<terms.count).map { String(decoding: terms.key($0), as: UTF8.self) }), ["学前", "ok"])
        XCTAssertEqual(terms.bits, [0, 0])
    }

    func testKeyHashIsFNV1a32() {
        XCTAssertEqual(SearchKey.hash(Array("".utf8)), 0x811C9DC5)
        XCTAssertEqual(SearchKey.hash(Array("a".utf8)), 0xE40C292C)
        XCTAssertEqual(SearchKey.hex(Array("学前".utf8)), "e5ada6e5898d")
    }
}
