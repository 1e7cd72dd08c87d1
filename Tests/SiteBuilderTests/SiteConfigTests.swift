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
}
