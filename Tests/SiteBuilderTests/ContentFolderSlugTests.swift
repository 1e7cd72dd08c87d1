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

    /// A name outside ASCII takes its slug from the file a build saved, for the same tool only; the
    /// slugs made in a scan are saved for the names it found, and read back as they were made.
    func testSlugsOfNamesOutsideASCIIAreKeptForTheSameTool() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("slug-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent(SlugCache.fileName)
        try Data("slugs\t1\t7\n余姚市.txt\tkept\nno tab here\n".utf8).write(to: file)

        XCTAssertEqual(SlugCache(folder: folder, tool: 7).slug(of: "余姚市.txt"), "kept", "read from the file")
        XCTAssertEqual(SlugCache(folder: folder, tool: 8).slug(of: "余姚市.txt"), "yu-yao-shi", "another tool's file is not read")

        let found = [("余姚市.txt", "1:0"), ("浙江省/宁波市.txt", "1:0"), ("a.txt", "1:0")]
        let cache = SlugCache(folder: folder, tool: 8)
        let sources = ContentFolder.slugged(found, cache: cache)
        XCTAssertEqual(sources.map(\.slug), ContentFolder.slugged(found).map(\.slug))
        cache.save(keeping: sources.map(\.name))
        let saved = try String(contentsOf: file, encoding: .utf8)
        XCTAssertEqual(saved, "slugs\t1\t8\n余姚市.txt\tyu-yao-shi\n浙江省/宁波市.txt\tzhe-jiang-sheng-ning-bo-shi\n",
                       "the names outside ASCII, in the scan's order")
        XCTAssertEqual(SlugCache(folder: folder, tool: 8).slug(of: "浙江省/宁波市.txt"), "zhe-jiang-sheng-ning-bo-shi")
    }
}
