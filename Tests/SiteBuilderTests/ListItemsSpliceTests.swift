import Foundation
import XCTest

@testable import SiteBuilder

final class ListItemsSpliceTests: XCTestCase {
    private let marker = Array(ListPages.itemsMarker.utf8)

    /// The items go where the template put the marker, once, as they are.
    func testSpliceReplacesTheMarkerWithTheItems() {
        let frame = Array("<ol>\n".utf8) + marker + Array("\n</ol>".utf8)
        XCTAssertEqual(ListPages.splice(Array("<li>a</li>".utf8), into: frame).map { String(decoding: $0, as: UTF8.self) },
                       "<ol>\n<li>a</li>\n</ol>")
    }

    /// A frame where the marker is not once and as it is (twice, or escaped) gives nothing: the
    /// page is rendered with its items instead.
    func testSpliceRefusesAMarkerTwiceOrEscaped() {
        XCTAssertNil(ListPages.splice([0x61], into: marker + marker))
        let escaped = Array(HTML.escape(ListPages.itemsMarker).utf8)
        XCTAssertNil(ListPages.splice([0x61], into: marker + escaped))
        XCTAssertNil(ListPages.splice([0x61], into: escaped + marker))
        XCTAssertNil(ListPages.splice([0x61], into: escaped))
    }

    /// A list template that shows the items twice, once escaped, gives pages that show them so.
    func testAListTemplateUsingTheItemsTwiceGetsThemTwice() throws {
        let site = try SiteFixture(self)
        let partial = site.templates.appendingPathComponent("partials/report-list.mustache")
        let template = try String(contentsOf: partial, encoding: .utf8)
        try (template + "<template data-items=\"{{itemsHTML}}\">{{{itemsHTML}}}</template>\n").write(to: partial, atomically: true, encoding: .utf8)
        try site.build()
        let page = try site.text("topics/preschool.html")
        let items = page.components(separatedBy: "<li>\n<a class=\"report-title\"").count - 1
        XCTAssertGreaterThan(items, 0)
        XCTAssertEqual(items % 2, 0, "each item twice as it is")
        XCTAssertEqual(page.components(separatedBy: HTML.escape("<li>\n<a class=\"report-title\"")).count - 1, items / 2, "and once escaped")
        XCTAssertFalse(page.unicodeScalars.contains(Unicode.Scalar(0xFDD2)!))
    }
}
