import Foundation
import Markup

/// What `pdftotext -bbox-layout` says of a PDF: its document information and, page by page, its
/// lines in reading order with where each stands.
struct PDFLayout: Equatable {
    /// A printed line: its words, blank-separated as pdftotext gives them, and its box in points.
    struct Line: Equatable {
        var text: String
        var left: Double
        var right: Double
        var height: Double
    }

    var title: String?
    var author: String?
    var pages: [[Line]]

    /// Reads pdftotext's XHTML: `<head>` with `<title>` and `<meta name="Author">`, then
    /// `<doc>`, `<page>`, `<flow>`, `<block>`, `<line>` and `<word>` elements, in reading order.
    init(xhtml: [UInt8]) throws(MarkupError) {
        let html = try MarkupDocument.xml(Data(Self.withoutControlCharacters(xhtml))).get()
        let head = html.element("head")
        title = head?.element("title")?.text
        author = head?.elements("meta").first { $0.attribute("name") == "Author" }?.attribute("content")
        pages = (html.element("body")?.element("doc")?.elements("page") ?? []).map { page in
            page.elements("flow").flatMap { $0.elements("block") }.flatMap { $0.elements("line") }.compactMap(Self.line)
        }
    }

    private static func line(_ element: MarkupElement) -> Line? {
        let words = element.elements("word").map(\.text)
        guard !words.isEmpty, let left = element.number("xMin"), let right = element.number("xMax"),
              let top = element.number("yMin"), let bottom = element.number("yMax") else { return nil }
        return Line(text: words.joined(separator: " "), left: left, right: right, height: bottom - top)
    }

    /// pdftotext copies the control characters some PDFs map glyphs to into its XML, where they
    /// are not allowed: read as blanks.
    private static func withoutControlCharacters(_ bytes: [UInt8]) -> [UInt8] {
        bytes.map { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D ? 0x20 : $0 }
    }
}

private extension MarkupElement {
    func number(_ attribute: String) -> Double? {
        self.attribute(attribute).flatMap(Double.init)
    }
}
