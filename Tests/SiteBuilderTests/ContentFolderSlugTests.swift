import Foundation
import ReportModel
import XCTest

@testable import SiteBuilder

/// Slugs of sources in folders: ASCII, unique, and a file directly in the content folder keeps the slug of its own name.
final class ContentFolderSlugTests: XCTestCase {
    func testTopLevelSourcesKeepTheSlugOfTheirName() {
        let names = ["000_155cf9d07f7bc588.txt", "余姚市教育局2023年工作总结.txt", "A b.txt"]
        let sources = ContentFolder.slugged(names.map { ($0, "1:0") } + [("a/b.txt", "1:0"), ("浙江省/x.txt", "1:0")])
        for name in names {
            XCTAssertEqual(sources.first { $0.name == name }?.slug, Slug.make(String(name.dropLast(4))), name)
        }
    }

    func testNestedSlugsNameTheWholePathUniqueAndASCII() {
        let found = [("浙江省/宁波市/余姚市-2023.txt", "1:0"), ("江苏省/x.txt", "1:0"), ("a-b.txt", "1:0"), ("a/b.txt", "1:0"),
                     ("浙江省/x.txt", "1:0")]
        let sources = ContentFolder.slugged(found)
        let slug = Dictionary(uniqueKeysWithValues: sources.map { ($0.name, $0.slug) })
        XCTAssertEqual(slug["浙江省/宁波市/余姚市-2023.txt"], "zhe-jiang-sheng-ning-bo-shi-yu-yao-shi-2023")
        XCTAssertEqual(slug["江苏省/x.txt"], "jiang-su-sheng-x")
        XCTAssertEqual(slug["a-b.txt"], "a-b", "the top-level file keeps its slug")
        XCTAssertEqual(slug["a/b.txt"], "a-b-2")
        XCTAssertEqual(Set(sources.map(\.slug)).count, sources.count)
        XCTAssertTrue(sources.allSatisfy { $0.slug.unicodeScalars.allSatisfy(\.isASCII) })
        XCTAssertEqual(sources.map(\.name), sources.map(\.name).sorted(), "in name order")
    }
}
