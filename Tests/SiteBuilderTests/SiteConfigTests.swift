import XCTest

@testable import SiteBuilder

final class SiteConfigTests: XCTestCase {
    func testShippedConfigHasTheDefaultTaxonomy() throws {
        let config = try SiteConfig.load(SiteFixture.repository.appendingPathComponent("archive.toml").path)
        XCTAssertEqual(config.topics.count, 17)
        XCTAssertEqual(config.topics.first?.slug, "party-building")
        XCTAssertEqual(config.language, "zh-CN")
        XCTAssertTrue(config.baseURL.hasSuffix("/"))
    }

    func testWrongTypeNamesKeyAndLine() {
        let toml = "[site]\ntitle = \"T\"\nbase_url = \"https://x.org/\"\npage_size = \"many\"\n"
        XCTAssertThrowsError(try SiteConfig.parse(toml, file: "archive.toml")) { error in
            let e = error as! SiteConfig.Error
            XCTAssertEqual(e.key, "site.page_size")
            XCTAssertEqual(e.line, 4)
            XCTAssertTrue("\(e)".hasPrefix("archive.toml:4:"), "\(e)")
        }
    }

    func testMissingRequiredKeyIsNamed() {
        XCTAssertThrowsError(try SiteConfig.parse("[site]\ntitle = \"T\"\n", file: "a.toml")) { error in
            XCTAssertEqual((error as! SiteConfig.Error).key, "site.base_url")
        }
    }

    func testSyntaxErrorGivesTheLine() {
        XCTAssertThrowsError(try SiteConfig.parse("[site]\ntitle = \"T\"\nbase_url = \n", file: "a.toml")) { error in
            XCTAssertEqual((error as! SiteConfig.Error).line, 3)
        }
    }

    func testTopicSlugMustBeASCII() {
        let toml = "[site]\ntitle = \"T\"\nbase_url = \"https://x.org\"\n[[topics]]\nname = \"学前\"\nslug = \"学前\"\nkeywords = [\"幼儿园\"]\n"
        XCTAssertThrowsError(try SiteConfig.parse(toml, file: "a.toml")) { error in
            let e = error as! SiteConfig.Error
            XCTAssertEqual(e.key, "topics[0].slug")
            XCTAssertEqual(e.line, 6)
        }
    }

    // MARK: Strict keys

    /// A config using every table, the second topic on lines 17–20.
    static let full = """
        [site]
        title = "T"
        base_url = "https://x.org/"
        page_size = 20

        [build]
        output = "public"

        [search]
        enabled = false

        [[topics]]
        name = "A"
        slug = "a"
        keywords = ["x"]

        [[topics]]
        name = "B"
        slug = "b"
        keywords = ["y"]

        [[overrides]]
        source = "a.txt"
        year = 2023

        """

    private func assertRejected(_ text: String, key: String, line: Int, mentioning hint: String,
                                file sourceFile: StaticString = #filePath, at sourceLine: UInt = #line) {
        XCTAssertThrowsError(try SiteConfig.parse(text, file: "archive.toml"), file: sourceFile, line: sourceLine) { error in
            let e = error as! SiteConfig.Error
            XCTAssertEqual(e.key, key, file: sourceFile, line: sourceLine)
            XCTAssertEqual(e.line, line, "\(e)", file: sourceFile, line: sourceLine)
            XCTAssertTrue("\(e)".hasPrefix("archive.toml:\(line): \(key): unknown "), "\(e)", file: sourceFile, line: sourceLine)
            XCTAssertTrue("\(e)".contains(hint), "\(e) does not mention \(hint)", file: sourceFile, line: sourceLine)
        }
    }

    func testTheFullConfigLoads() throws {
        let config = try SiteConfig.parse(Self.full, file: "archive.toml")
        XCTAssertEqual(config.pageSize, 20)
        XCTAssertEqual(config.topics.map(\.slug), ["a", "b"])
        XCTAssertEqual(config.overrides.first?.year, 2023)
        XCTAssertFalse(config.followSymlinks)
    }

    func testMisspeltKeysAndTablesAreNamedWithTheNearestKnownOne() {
        func edit(_ old: String, _ new: String) -> String {
            XCTAssertTrue(Self.full.contains(old))
            return Self.full.replacingOccurrences(of: old, with: new)
        }
        assertRejected(edit("page_size", "page_sise"), key: "site.page_sise", line: 4, mentioning: "(did you mean \"page_size\"?)")
        assertRejected(edit("[search]", "[serach]"), key: "serach", line: 9, mentioning: "unknown table (did you mean [search]?)")
        assertRejected(edit("output =", "ouput ="), key: "build.ouput", line: 7, mentioning: "(did you mean \"output\"?)")
        // The second entry: its own line, not the first entry's.
        assertRejected(edit("keywords = [\"y\"]", "keyword = [\"y\"]"), key: "topics[1].keyword", line: 20,
                       mentioning: "(did you mean \"keywords\"?)")
        assertRejected(edit("[[overrides]]", "[[override]]"), key: "override", line: 22,
                       mentioning: "unknown table (did you mean [[overrides]]?)")
        assertRejected(edit("year = 2023", "yaer = 2023"), key: "overrides[0].yaer", line: 24, mentioning: "(did you mean \"year\"?)")
        // A misspelt required key is named as misspelt, not as missing.
        assertRejected(edit("title =", "titel ="), key: "site.titel", line: 2, mentioning: "(did you mean \"title\"?)")
        // Case alone is a misspelling too.
        assertRejected(edit("enabled", "Enabled"), key: "search.Enabled", line: 10, mentioning: "(did you mean \"enabled\"?)")
    }

    func testAnUnknownKeyFarFromAnyListsTheKnownOnes() {
        assertRejected(Self.full.replacingOccurrences(of: "page_size = 20", with: "colour = \"red\""), key: "site.colour", line: 4,
                       mentioning: "[site] takes title, description, base_url, language, page_size, pretty_urls")
        assertRejected(Self.full + "[theme]\nname = \"x\"\n", key: "theme", line: 25,
                       mentioning: "the file takes [site], [build], [search], [export], [compare], [[topics]], [[overrides]]")
    }

    func testTheFirstUnknownKeyInTheFileIsNamed() {
        let text = Self.full.replacingOccurrences(of: "title =", with: "zz_title =").replacingOccurrences(of: "page_size", with: "aa_size")
        assertRejected(text, key: "site.zz_title", line: 2, mentioning: "unknown key")
    }

    func testSubTablesAndDottedKeysAreKeysOfTheirTable() {
        assertRejected(Self.full + "[site.extra]\nx = 1\n", key: "site.extra", line: 25, mentioning: "unknown key")
        assertRejected(Self.full.replacingOccurrences(of: "page_size = 20", with: "theme.colour = \"red\""), key: "site.theme", line: 4,
                       mentioning: "unknown key")
    }

    func testFollowSymlinksIsReadFromBuild() throws {
        let on = try SiteConfig.parse(Self.full.replacingOccurrences(of: "[build]", with: "[build]\nfollow_symlinks = true"), file: "a.toml")
        XCTAssertTrue(on.followSymlinks)
        XCTAssertThrowsError(try SiteConfig.parse(Self.full.replacingOccurrences(of: "[build]", with: "[build]\nfollow_symlinks = 1"), file: "a.toml")) { error in
            XCTAssertEqual((error as! SiteConfig.Error).key, "build.follow_symlinks")
            XCTAssertEqual((error as! SiteConfig.Error).line, 7)
        }
    }

    func testCompareNeighboursIsOptIn() throws {
        XCTAssertFalse(try SiteConfig.parse(Self.full, file: "a.toml").compareNeighbours)
        XCTAssertTrue(try SiteConfig.parse(Self.full + "\n[compare]\nneighbours = true\n", file: "a.toml").compareNeighbours)
        XCTAssertThrowsError(try SiteConfig.parse(Self.full + "\n[compare]\nneighbors = true\n", file: "a.toml")) { error in
            XCTAssertTrue("\(error)".contains("neighbours"), "the nearest key: \(error)")
        }
    }

    func testNearestKeyCountsSwapsAsOneEdit() {
        XCTAssertEqual(NearestKey.distance("serach", "search"), 1)
        XCTAssertEqual(NearestKey.distance("page_sise", "page_size"), 1)
        XCTAssertEqual(NearestKey.distance("", "abc"), 3)
        XCTAssertEqual(NearestKey.distance("kitten", "sitting"), 3)
        XCTAssertEqual(NearestKey.suggestion(for: "slg", among: ["name", "slug"]), "slug")
        // Two edits from a four-letter key is too far to guess.
        XCTAssertNil(NearestKey.suggestion(for: "sl", among: ["name", "slug"]))
        XCTAssertNil(NearestKey.suggestion(for: "colour", among: ["title", "language"]))
    }
}
