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

    /// One value of a context as the shape reads it; `walk` and `sentinels` both go by this, so a
    /// skeleton's sentinels are numbered as the values are.
    private enum Part {
        case empty
        case text(String)
        case flag(Bool)
        case object([String: Any])
        case list([Any])
        case other

        init(_ value: Any) {
            switch value {
            case let text as String: self = text.isEmpty ? .empty : .text(text)
            case let flag as Bool: self = .flag(flag)
            case let number as Int: self = .text(String(number))
            case let object as [String: Any]: self = .object(object)
            case let list as [[String: Any]]: self = .list(list)
            case let list as [String]: self = .list(list)
            case let list as [Any]: self = .list(list)
            default: self = .other
            }
        }
    }

    private static func endsLine(_ text: String) -> Bool { text.utf8.last == 0x0A }

    private mutating func walk(_ value: Any) -> Bool {
        switch Part(value) {
        case .empty:
            key.append(Kind.empty)
        case .text(let text):
            // swift-mustache indents a partial's next line after a value that ends one.
            key.append(Self.endsLine(text) ? Kind.textEndingLine : Kind.text)
            values.append(text)
        case .flag(let flag):
            key.append(flag ? Kind.yes : Kind.no)
        case .object(let object):
            key.append(Kind.object)
            for name in object.keys.sorted() {
                key.append(contentsOf: name.utf8)
                key.append(0)
                guard walk(object[name]!) else { return false }
            }
            key.append(Kind.end)
        case .list(let list):
            key.append(Kind.list)
            Varint.append(list.count, to: &key)
            for element in list {
                guard walk(element) else { return false }
            }
        case .other:
            return false
        }
        return true
    }

    /// The context again with every recorded value replaced by `sentinel(index)`, the rest as it was.
    static func sentinels(for context: [String: Any], sentinel: (Int, _ endsLine: Bool) -> String) -> [String: Any] {
        var next = 0
        func replace(_ value: Any) -> Any {
            switch Part(value) {
            case .text(let text):
                defer { next += 1 }
                return sentinel(next, endsLine(text))
            case .object(let object):
                var copy: [String: Any] = [:]
                for name in object.keys.sorted() { copy[name] = replace(object[name]!) }
                return copy
            case .list(let list):
                return list.map(replace)
            case .empty, .flag, .other:
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
