import XCTest

@testable import ReportParser

/// The word lists are data; these check the files say what the code relies on.
final class WordListsTests: XCTestCase {
    func testEveryKindHasWords() {
        for kind in MetadataWords.Kind.allCases { XCTAssertFalse(MetadataWords.standard[kind].isEmpty, kind.rawValue) }
        for kind in TitleWords.Kind.allCases { XCTAssertFalse(TitleWords.standard[kind].isEmpty, kind.rawValue) }
    }

    /// An office is matched by the first word that fits: 教育和体育局 must be tried before 教育局 … would it contain it.
    func testAnOfficeWordComesBeforeEveryWordItHolds() {
        let words = MetadataWords.standard[.office]
        for (i, shorter) in words.enumerated() {
            for longer in words[(i + 1)...] {
                XCTAssertNil(longer.firstIndex(of: shorter), "\(longer.string) holds \(shorter.string) but comes after it")
            }
        }
    }

    func testCommentsBlanksAndTabsAreRead() {
        enum Kind: String, CaseIterable, Sendable { case a, b }
        let lists = WordLists<Kind>(text: "# comment\n\na  一\nb\t二\n  a 三  \n", file: "test.txt")
        XCTAssertEqual(lists[.a].map(\.string), ["一", "三"])
        XCTAssertEqual(lists[.b].map(\.string), ["二"])
    }
}
