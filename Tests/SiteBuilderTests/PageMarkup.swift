import Foundation
import Markup
import XCTest

/// Reading built pages back as trees, for tests that check what a page shows rather than its bytes.
extension MarkupElement {
    /// Every element below this one named `name`, in document order.
    func everyElement(_ name: String) -> [MarkupElement] {
        var out: [MarkupElement] = []
        for case .element(let e) in children {
            if e.name == name { out.append(e) }
            out += e.everyElement(name)
        }
        return out
    }

    func hasClass(_ name: String) -> Bool {
        (attribute("class") ?? "").split(separator: " ").contains { $0 == name }
    }

    /// The trimmed text.
    var words: String { text.trimmingCharacters(in: .whitespacesAndNewlines) }
}

enum PageMarkup {
    /// The page as an HTML tree.
    static func html(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> MarkupElement {
        try XCTUnwrap(MarkupDocument.html(Data(text.utf8), encoding: "UTF-8"), file: file, line: line)
    }

    /// The `n`th inline `<svg>` of a page, read as XML: it must be well-formed on its own.
    static func svg(in page: String, _ n: Int = 0, file: StaticString = #filePath, line: UInt = #line) throws -> MarkupElement {
        let starts = page.ranges(of: "<svg")
        XCTAssertGreaterThan(starts.count, n, "no svg \(n)", file: file, line: line)
        let start = starts[n].lowerBound
        let end = try XCTUnwrap(page[start...].range(of: "</svg>"), file: file, line: line).upperBound
        return try MarkupDocument.xml(Data(page[start..<end].utf8)).get()
    }

    /// What a bar chart writes: each bar's label with the text above it, in order.
    static func bars(_ svg: MarkupElement) -> [(label: String, value: String)] {
        svg.everyElement("g").map { g in
            let texts = g.everyElement("text")
            return (texts.first { $0.hasClass("label") }?.text ?? "", texts.first { $0.hasClass("value") }?.text ?? "")
        }
    }
}
