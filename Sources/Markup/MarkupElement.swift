/// An element of a parsed HTML or XML document, as plain Swift values.
///
/// Names are as the parser gives them: lowercased for HTML, local names (prefix dropped) for XML,
/// whose namespace URI is `namespace`. Comments and processing instructions are not kept.
public struct MarkupElement: Sendable, Equatable {
    public var name: String
    /// The namespace URI of an XML element; nil for HTML and for XML elements in no namespace.
    public var namespace: String?
    /// In document order, values with character references decoded.
    public var attributes: [MarkupAttribute]
    public var children: [MarkupNode]
    /// The line of the start tag, from 1; 0 when the parser did not record one (an implied `<html>`).
    public var line: Int

    public init(name: String, namespace: String? = nil, attributes: [MarkupAttribute] = [], children: [MarkupNode] = [], line: Int = 0) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.children = children
        self.line = line
    }

    /// The value of the first attribute named `name`; nil when there is none.
    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// The child elements named `name`, in order.
    public func elements(_ name: String) -> [MarkupElement] {
        children.compactMap { if case .element(let e) = $0, e.name == name { e } else { nil } }
    }

    /// The first child element named `name`.
    public func element(_ name: String) -> MarkupElement? {
        for case .element(let e) in children where e.name == name { return e }
        return nil
    }

    /// The text of the element and all its descendants, concatenated.
    public var text: String {
        var out = ""
        appendText(to: &out)
        return out
    }

    private func appendText(to out: inout String) {
        for child in children {
            switch child {
            case .text(let t): out += t
            case .element(let e): e.appendText(to: &out)
            }
        }
    }
}

public struct MarkupAttribute: Sendable, Equatable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

public enum MarkupNode: Sendable, Equatable {
    case element(MarkupElement)
    /// Text or CDATA, character references decoded.
    case text(String)
}

/// Why a document is not well-formed XML: libxml2's first fatal error.
public struct MarkupError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String

    public var description: String { "line \(line), column \(column): \(message)" }
}
