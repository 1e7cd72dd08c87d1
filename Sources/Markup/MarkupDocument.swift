import Clibxml2
import Foundation

/// HTML and XML bytes → ``MarkupElement`` trees, through Debian's libxml2.
///
/// This is the one file that imports `Clibxml2`: no `xmlDoc` or `xmlNode` pointer leaves it, and
/// every document it parses is freed before it returns. The network is never used (`NONET`) and
/// errors are never printed. XML is read without substituting entities or loading external DTDs,
/// so a document cannot pull in files (XXE); libxml2's own limits stop entity amplification.
/// Safe to call from many threads at once: each call has its own parser context.
public enum MarkupDocument {
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// The `<html>` element of an HTML document, read leniently as a browser would (missing end
    /// tags implied, unknown tags kept); nil when there is nothing to read.
    ///
    /// `encoding` (e.g. `UTF-8`) overrides what the document declares; nil: its BOM or `<meta charset>`.
    public static func html(_ data: Data, encoding: String? = nil) -> MarkupElement? {
        precondition(initialized)
        guard !data.isEmpty, data.count <= Int(Int32.max) else { return nil }
        let options = Int32(bitPattern: HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
                                | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        let doc: htmlDocPtr? = data.withUnsafeBytes { bytes in
            let base = bytes.baseAddress!.assumingMemoryBound(to: CChar.self)
            if let encoding {
                return htmlReadMemory(base, Int32(bytes.count), nil, encoding, options)
            }
            return htmlReadMemory(base, Int32(bytes.count), nil, nil, options)
        }
        guard let doc else { return nil }
        defer { xmlFreeDoc(doc) }
        guard let root = xmlDocGetRootElement(doc) else { return nil }
        return element(root)
    }

    /// The root element of a well-formed XML document, or libxml2's first fatal error.
    public static func xml(_ data: Data) -> Result<MarkupElement, MarkupError> {
        precondition(initialized)
        guard !data.isEmpty else { return .failure(MarkupError(line: 1, column: 1, message: "Document is empty")) }
        guard data.count <= Int(Int32.max) else { return .failure(MarkupError(line: 0, column: 0, message: "too large")) }
        guard let context = xmlNewParserCtxt() else { return .failure(MarkupError(line: 0, column: 0, message: "out of memory")) }
        defer { xmlFreeParserCtxt(context) }
        let options = Int32(bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let doc: xmlDocPtr? = data.withUnsafeBytes { bytes in
            xmlCtxtReadMemory(context, bytes.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(bytes.count), nil, nil, options)
        }
        guard let doc else {
            let error = context.pointee.lastError
            let message = error.message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? "not well-formed"
            return .failure(MarkupError(line: Int(error.line), column: Int(error.int2), message: message))
        }
        defer { xmlFreeDoc(doc) }
        guard let root = xmlDocGetRootElement(doc) else {
            return .failure(MarkupError(line: 1, column: 1, message: "no root element"))
        }
        return .success(element(root))
    }

    // MARK: libxml2 tree → values

    private static func element(_ node: xmlNodePtr) -> MarkupElement {
        var out = MarkupElement(name: string(node.pointee.name), namespace: node.pointee.ns.flatMap { $0.pointee.href.map(string) },
                                line: Int(xmlGetLineNo(node)))
        var attribute = node.pointee.properties
        while let a = attribute {
            out.attributes.append(MarkupAttribute(name: string(a.pointee.name), value: text(of: a.pointee.children)))
            attribute = a.pointee.next
        }
        var child = node.pointee.children
        while let c = child {
            switch c.pointee.type {
            case XML_ELEMENT_NODE:
                out.children.append(.element(element(c)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = c.pointee.content { out.children.append(.text(string(content))) }
            default:
                break
            }
            child = c.pointee.next
        }
        return out
    }

    /// The text nodes of an attribute's value, concatenated (entity references left out).
    private static func text(of first: xmlNodePtr?) -> String {
        var out = ""
        var node = first
        while let n = node {
            if n.pointee.type == XML_TEXT_NODE, let content = n.pointee.content { out += string(content) }
            node = n.pointee.next
        }
        return out
    }

    private static func string(_ p: UnsafePointer<xmlChar>?) -> String {
        guard let p else { return "" }
        return String(cString: p)
    }
}
