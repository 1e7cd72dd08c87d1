import ReportModel
import ReportParser
import XCTest

@testable import SiteBuilder

/// Signatures of the seed reports: a copy with its names and numbers changed stays close to its
/// original, other reports on the same subjects do not.
final class MinHashTests: XCTestCase {
    private func seed(_ name: String, report: Int = 0) throws -> Report {
        let path = SiteFixture.repository.appendingPathComponent("content/\(name)").path
        return try ReportParser().parse(file: path, displayName: name).reports[report]
    }

    /// The seed's text as another county's bureau would repost it: its place names swapped for
    /// another county's and every number changed.
    private func repost(_ text: String) -> String {
        let renamed = text.replacingOccurrences(of: "余姚", with: "慈溪").replacingOccurrences(of: "姚", with: "溪")
        return String(String.UnicodeScalarView(renamed.unicodeScalars.map { s in
            (0x31...0x38).contains(s.value) ? Unicode.Scalar(s.value + 1)! : s
        }))
    }

    func testARepostWithOtherNamesAndNumbersSharesMostOfItsText() throws {
        let original = try seed("002_a6c8c882fd1a3a93.txt")
        let copy = try XCTUnwrap(MinHash.signature(of: repost(original.bodyText)))
        let signature = try XCTUnwrap(MinHash.signature(of: original))
        XCTAssertGreaterThanOrEqual(MinHash.similarity(signature, copy), 0.6)
        XCTAssertNotEqual(signature, copy)
    }

    func testReportsOfOtherCountiesOnTheSameSubjectsAreFarApart() throws {
        let names = ["000_155cf9d07f7bc588.txt", "001_a1db3f4728575eb8.txt", "002_a6c8c882fd1a3a93.txt", "004_19cf16a0cc95029b.txt"]
        let signatures = try names.map { try XCTUnwrap(MinHash.signature(of: seed($0))) }
        for i in signatures.indices {
            for j in signatures.indices where j > i {
                XCTAssertLessThan(MinHash.similarity(signatures[i], signatures[j]), 0.2, "\(names[i]) and \(names[j])")
            }
        }
    }

    func testPunctuationSpacesAndFullWidthFormsDoNotCount() throws {
        let text = try seed("004_19cf16a0cc95029b.txt").bodyText
        let relaid = text.replacingOccurrences(of: "，", with: ", ").replacingOccurrences(of: "。", with: "\n\n")
            .replacingOccurrences(of: "1", with: "１")
        XCTAssertNotEqual(relaid, text)
        XCTAssertEqual(MinHash.signature(of: relaid), MinHash.signature(of: text))
    }

    func testAShortTextHasNoSignature() {
        let line = "全面加强学校党建工作，深入推进教育教学改革，持续提升办学质量。"  // 28 kept characters
        XCTAssertNil(MinHash.signature(of: String(repeating: line, count: 6)), "164 shingles: below the minimum")
        XCTAssertNotNil(MinHash.signature(of: String(repeating: line, count: 8)), "220 shingles")
    }

    func testACopyTheParserLinkedInItsOwnSourceHasNoSignature() throws {
        var report = try seed("004_19cf16a0cc95029b.txt")
        XCTAssertNotNil(MinHash.signature(of: report))
        report.duplicateOf = "004-01"
        XCTAssertNil(MinHash.signature(of: report), "its original stands for it")
    }
}
