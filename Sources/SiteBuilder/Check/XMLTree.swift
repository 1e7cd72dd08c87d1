import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A parsed XML document as a small tree (sitemaps and feeds are small enough), or why it is not XML.
final class XMLElementNode {
    let name: String
    let namespace: String?
    let attributes: [String: String]
    var text = ""
    var children: [XMLElementNode] = []

    init(name: String, namespace: String?, attributes: [String: String]) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
    }

    func children(_ name: String) -> [XMLElementNode] { children.filter { $0.name == name } }

    func child(_ name: String) -> XMLElementNode? { children.first { $0.name == name } }

    var trimmedText: String { text.trimmingCharacters(in: .whitespacesAndNewlines) }

    /// Parses `data` with namespaces processed; names are local names.
    static func parse(_ data: Data) -> Result<XMLElementNode, XMLFailure> {
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        let builder = Builder()
        parser.delegate = builder
        let ok = parser.parse()
        guard ok, !builder.failed, let root = builder.root else {
            // Only the position: FoundationXML's error codes do not say the same thing on every platform.
            if data.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 }) { return .failure(XMLFailure(description: "is empty, not XML")) }
            return .failure(XMLFailure(description: "is not well-formed XML (line \(parser.lineNumber), column \(parser.columnNumber))"))
        }
        return .success(root)
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: XMLElementNode?
        var stack: [XMLElementNode] = []
        var failed = false

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            let node = XMLElementNode(name: elementName, namespace: namespaceURI, attributes: attributeDict)
            if let parent = stack.last { parent.children.append(node) } else { root = node }
            stack.append(node)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            _ = stack.popLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            stack.last?.text += String(decoding: CDATABlock, as: UTF8.self)
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            failed = true
        }
    }
}

struct XMLFailure: Error, CustomStringConvertible {
    var description: String
}
