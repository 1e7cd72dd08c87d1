import Foundation
import Markup

/// What the checks need from one page, read from libxml2's parse of its UTF-8 bytes.
///
/// A real HTML parser rather than a search for ` href="`: attributes are read however they are
/// quoted or cased, and comments, the text of `<script>` and `<style>`, and what a `<textarea>`
/// holds are not links.
struct PageScan: Sendable {
    struct Link: Sendable {
        /// `href`, `src`, `srcset`, `action`, `poster` or `data`.
        var attribute: String
        var value: String
        /// `<link rel="canonical">`.
        var canonical: Bool
    }

    /// The text of the first `<title>`, trimmed; nil when there is none.
    var title: String?
    /// The `lang` of `<html>`; nil when the attribute is missing.
    var lang: String?
    /// Every `id`, and the `name` of each `<a>` (both are fragment targets), in document order.
    var ids: [String] = []
    var links: [Link] = []

    static let linkAttributes: Set<String> = ["href", "src", "srcset", "action", "poster", "data"]

    /// Site pages are written in UTF-8, whatever they declare.
    init(html data: Data) {
        guard let root = MarkupDocument.html(data, encoding: "UTF-8") else { return }
        if root.name == "html" { lang = root.attribute("lang") }
        visit(root)
    }

    private mutating func visit(_ element: MarkupElement) {
        if element.name == "textarea" { return }
        if element.name == "title" && title == nil {
            title = element.text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let canonical = element.name == "link"
            && (element.attribute("rel")?.lowercased().split(separator: " ").contains("canonical") ?? false)
        for attribute in element.attributes {
            switch attribute.name {
            case "id":
                if !attribute.value.isEmpty { ids.append(attribute.value) }
            case "name":
                if element.name == "a" && !attribute.value.isEmpty { ids.append(attribute.value) }
            case "srcset":
                // `a.png 1x, b.png 2x`: the URL is each candidate's first word.
                for candidate in attribute.value.split(separator: ",") {
                    if let url = candidate.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).first {
                        links.append(Link(attribute: "srcset", value: String(url), canonical: false))
                    }
                }
            case let name where Self.linkAttributes.contains(name):
                links.append(Link(attribute: name, value: attribute.value, canonical: canonical && name == "href"))
            default:
                break
            }
        }
        for case .element(let child) in element.children { visit(child) }
    }
}
