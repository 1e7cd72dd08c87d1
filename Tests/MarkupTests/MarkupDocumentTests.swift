import Foundation
import XCTest

import Markup

/// libxml2 through `MarkupDocument`: lenient HTML, strict XML, and nothing fetched or expanded.
final class MarkupDocumentTests: XCTestCase {
    private func html(_ s: String, encoding: String? = "UTF-8") -> MarkupElement? {
        MarkupDocument.html(Data(s.utf8), encoding: encoding)
    }

    func testHTMLIsReadAsABrowserWould() throws {
        let root = try XCTUnwrap(html("<P CLASS=x id='a>b'>one<br>two<!-- <a href=c> --></p><TITLE>caf&eacute; &amp; &hellip;</TITLE>"))
        XCTAssertEqual(root.name, "html")
        let body = try XCTUnwrap(root.element("body"))
        let p = try XCTUnwrap(body.element("p"))
        XCTAssertEqual(p.attributes, [MarkupAttribute(name: "class", value: "x"), MarkupAttribute(name: "id", value: "a>b")])
        XCTAssertEqual(p.text, "onetwo")
        XCTAssertEqual(p.elements("br").count, 1)
        XCTAssertEqual(p.line, 1)
        var all: [String] = []
        func walk(_ e: MarkupElement) { all.append(e.name); for case .element(let c) in e.children { walk(c) } }
        walk(root)
        XCTAssertFalse(all.contains("a"), "a comment is not markup: \(all)")
        XCTAssertTrue(root.text.contains("café & …"), root.text)
    }

    func testHTMLEncodingIsTheGivenOneOrTheDeclaredOne() throws {
        let latin1 = Data("<meta charset=iso-8859-1><title>caf".utf8) + Data([0xE9]) + Data("</title>".utf8)
        XCTAssertEqual(MarkupDocument.html(latin1)?.text, "café")
        XCTAssertEqual(html("<title>甲</title>")?.text, "甲")
        XCTAssertNil(MarkupDocument.html(Data()))
    }

    func testXMLKeepsNamespacesLinesAndText() throws {
        let xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:x="urn:x">
              <title><![CDATA[a < b]]> &amp; c</title>
              <x:link rel="self"/>
            </feed>
            """
        let root = try MarkupDocument.xml(Data(xml.utf8)).get()
        XCTAssertEqual(root.name, "feed")
        XCTAssertEqual(root.namespace, "http://www.w3.org/2005/Atom")
        XCTAssertEqual(root.line, 2)
        XCTAssertEqual(root.element("title")?.text, "a < b & c")
        XCTAssertEqual(root.element("title")?.line, 3)
        let link = try XCTUnwrap(root.element("link"))
        XCTAssertEqual(link.namespace, "urn:x")
        XCTAssertEqual(link.attribute("rel"), "self")
    }

    func testXMLThatIsNotWellFormedIsAnErrorWithItsPlace() {
        guard case .failure(let error) = MarkupDocument.xml(Data("<a>\n<b></a>".utf8)) else { return XCTFail("parsed") }
        XCTAssertEqual(error.line, 2)
        XCTAssertGreaterThan(error.column, 0)
        XCTAssertFalse(error.message.isEmpty)
        guard case .failure = MarkupDocument.xml(Data()) else { return XCTFail("empty parsed") }
    }

    func testXMLEntitiesAreNotExpandedNorFetched() throws {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("markup-secret-\(UUID().uuidString)")
        try "SECRET".write(to: secret, atomically: true, encoding: .utf8)
        addTeardownBlock { try? FileManager.default.removeItem(at: secret) }
        let xxe = "<!DOCTYPE r [<!ENTITY e SYSTEM \"\(secret.absoluteString)\">]><r>&e;</r>"
        if case .success(let root) = MarkupDocument.xml(Data(xxe.utf8)) {
            XCTAssertFalse(root.text.contains("SECRET"), root.text)
        }
        var laughs = "<!DOCTYPE r [<!ENTITY l0 \"lol\">"
        for i in 1...10 { laughs += "<!ENTITY l\(i) \"" + String(repeating: "&l\(i - 1);", count: 10) + "\">" }
        laughs += "]><r>&l10;</r>"
        let start = Date()
        if case .success(let root) = MarkupDocument.xml(Data(laughs.utf8)) {
            XCTAssertLessThan(root.text.count, 1000)
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 2)
    }
}
