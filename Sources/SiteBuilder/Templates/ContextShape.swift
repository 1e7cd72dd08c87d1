/// What of a page's context decides the markup around its values: which keys are present, every
/// `Bool`, how long each list is, which strings are empty or end in a line break. Two contexts of
/// the same shape render to the same text apart from the values, so one rendering of the shape
/// (`TemplateSkeleton`) serves every page that has it.
struct ContextShape {
    /// The shape as bytes: keys, kinds, counts, flags, in a fixed order (keys sorted).
    private(set) var key: [UInt8] = []
    /// Each non-empty string value (numbers as Mustache prints them), in the order of the walk.
    private(set) var values: [String] = []

    /// Nil when the context holds a value whose rendering a shape cannot capture (anything other
    /// than dictionaries, arrays, strings, integers and Booleans): such a page is rendered directly.
    init?(_ context: [String: Any]) {
        key.reserveCapacity(256)
        values.reserveCapacity(64)
        guard walk(context) else { return nil }
    }

    private mutating func walk(_ value: Any) -> Bool {
        switch value {
        case let text as String:
            if text.isEmpty {
                key.append(Kind.empty)
            } else {
                // swift-mustache indents a partial's next line after a value that ends one.
                key.append(text.utf8.last == 0x0A ? Kind.textEndingLine : Kind.text)
                values.append(text)
            }
        case let flag as Bool:
            key.append(flag ? Kind.yes : Kind.no)
        case let number as Int:
            key.append(Kind.text)
            values.append(String(number))
        case let object as [String: Any]:
            key.append(Kind.object)
            for name in object.keys.sorted() {
                key.append(contentsOf: name.utf8)
                key.append(0)
                guard walk(object[name]!) else { return false }
            }
            key.append(Kind.end)
        case let list as [[String: Any]]:
            return walkList(list)
        case let list as [String]:
            return walkList(list)
        case let list as [Any]:
            return walkList(list)
        default:
            return false
        }
        return true
    }

    private mutating func walkList<Element>(_ list: [Element]) -> Bool {
        key.append(Kind.list)
        Varint.append(list.count, to: &key)
        for element in list {
            guard walk(element) else { return false }
        }
        return true
    }

    /// The context again with every recorded value replaced by `sentinel(index)`, the rest as it was.
    static func sentinels(for context: [String: Any], sentinel: (Int, _ endsLine: Bool) -> String) -> [String: Any] {
        var next = 0
        func replace(_ value: Any) -> Any {
            switch value {
            case let text as String:
                guard !text.isEmpty else { return text }
                defer { next += 1 }
                return sentinel(next, text.utf8.last == 0x0A)
            case is Bool:
                return value
            case is Int:
                defer { next += 1 }
                return sentinel(next, false)
            case let object as [String: Any]:
                var copy: [String: Any] = [:]
                for name in object.keys.sorted() { copy[name] = replace(object[name]!) }
                return copy
            case let list as [[String: Any]]:
                return list.map { replace($0) }
            case let list as [String]:
                return list.map { replace($0) }
            case let list as [Any]:
                return list.map { replace($0) }
            default:
                return value
            }
        }
        return replace(context) as! [String: Any]
    }

    private enum Kind {
        static let empty: UInt8 = 1, text: UInt8 = 2, textEndingLine: UInt8 = 3, yes: UInt8 = 4, no: UInt8 = 5
        static let object: UInt8 = 6, end: UInt8 = 7, list: UInt8 = 8
    }
}
