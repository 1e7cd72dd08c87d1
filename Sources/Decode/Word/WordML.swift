import Markup

/// The XML namespaces of a .docx and how its elements are matched: by namespace URI and local
/// name, never by prefix (a document may bind `w:` to anything, or use Strict OOXML's URIs).
enum WordML {
    /// WordprocessingML, as Word writes it (Transitional) and in Strict OOXML.
    static let main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let strictMain = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    /// Markup compatibility: `mc:AlternateContent` and its `mc:Choice` / `mc:Fallback`.
    static let compatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    /// Office Math, whose `m:t` holds the text of an equation.
    static let math = "http://schemas.openxmlformats.org/officeDocument/2006/math"
    static let relationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    /// Dublin Core, in `docProps/core.xml`.
    static let dublinCore = "http://purl.org/dc/elements/1.1/"

    /// Relationship types end in these names in both Transitional and Strict packages.
    enum Relationship: String {
        case officeDocument, styles, numbering, footnotes, endnotes, header, footer
        case coreProperties = "core-properties"
    }
}

extension MarkupElement {
    /// The local name of a WordprocessingML element; nil for any other namespace.
    var wordName: String? {
        namespace == WordML.main || namespace == WordML.strictMain ? name : nil
    }

    /// The first child WordprocessingML element named `name`.
    func wordChild(_ name: String) -> MarkupElement? {
        for case .element(let e) in children where e.wordName == name { return e }
        return nil
    }

    /// The child WordprocessingML elements named `name`, in order.
    func wordChildren(_ name: String) -> [MarkupElement] {
        children.compactMap { if case .element(let e) = $0, e.wordName == name { e } else { nil } }
    }

    /// The child elements, in order.
    var elementChildren: [MarkupElement] {
        children.compactMap { if case .element(let e) = $0 { e } else { nil } }
    }

    /// `w:val` of the child `name` (`<w:pStyle w:val="Heading1"/>`).
    func wordValue(_ name: String) -> String? {
        wordChild(name)?.attribute("val")
    }

    /// `w:val` of the child `name` as a number.
    func wordInt(_ name: String) -> Int? {
        wordValue(name).flatMap { Int($0) }
    }

    /// A toggle property (`<w:vanish/>`, `<w:vanish w:val="0"/>`): on unless its value says off.
    func wordToggle(_ name: String) -> Bool {
        guard let e = wordChild(name) else { return false }
        switch e.attribute("val") {
        case "0", "false", "off": return false
        default: return true
        }
    }
}
