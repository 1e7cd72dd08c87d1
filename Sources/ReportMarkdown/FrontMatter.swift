/// A report's metadata as the YAML front-matter block at the top of its Markdown file.
///
/// The Markdown files are meant for other tools (static site generators, scripts), which read front matter
/// with whatever YAML parser they have — often a YAML 1.1 one such as PyYAML. So the output sticks to the
/// plainest YAML that every parser reads the same way:
///
/// - fields stay in the order given, so files diff cleanly and read like the page;
/// - every string is double-quoted, with JSON-style escapes (`\"`, `\\`, `\n`, `\t`, `\r`, `\uXXXX`), so no
///   text — quotes, colons, `#`, `---`, newlines, `yes`, `2024-01-01`, `0123` — can change type or end the
///   block; characters YAML forbids in a stream (C0/C1 controls, U+2028/9, U+FEFF, U+FFFE/F) are escaped;
/// - keys are written bare when they are plain ASCII identifiers, and quoted otherwise (and when a YAML 1.1
///   parser would read a bare key as a boolean or null: `on`, `yes`, `null`, …);
/// - lists and maps are block style, empty ones `[]` and `{}`.
public struct FrontMatter: Sendable {
    /// One metadata value.
    public enum Value: Sendable {
        case string(String)
        case int(Int)
        case bool(Bool)
        case null
        case list([Value])
        /// Ordered, unlike a dictionary, so the file keeps the order the caller chose.
        case map([(String, Value)])
    }

    /// The fields in output order.
    public var fields: [(String, Value)]

    public init(_ fields: [(String, Value)]) {
        self.fields = fields
    }

    /// The block: a `---` line, one entry per field, a closing `---` line, each line ending in a newline.
    public var yaml: String {
        var out = "---\n"
        for (key, value) in fields {
            Self.appendEntry(key: key, value: value, indent: 0, to: &out)
        }
        out += "---\n"
        return out
    }

    // MARK: - Writing

    private static func appendEntry(key: String, value: Value, indent: Int, to out: inout String) {
        out += String(repeating: " ", count: indent)
        out += yamlKey(key)
        out += ":"
        switch value {
        case .list(let items) where !items.isEmpty:
            out += "\n"
            appendItems(items, indent: indent + 2, to: &out)
        case .map(let pairs) where !pairs.isEmpty:
            out += "\n"
            for (key, value) in pairs { appendEntry(key: key, value: value, indent: indent + 2, to: &out) }
        default:
            out += " "
            out += flowScalar(value)
            out += "\n"
        }
    }

    private static func appendItems(_ items: [Value], indent: Int, to out: inout String) {
        for item in items {
            // A non-empty collection inside a list uses the compact form (`- key: v` / `- - v`): its lines
            // are written two columns deeper and the first line's indentation is replaced by the dash.
            var nested = ""
            switch item {
            case .list(let inner) where !inner.isEmpty:
                appendItems(inner, indent: indent + 2, to: &nested)
            case .map(let pairs) where !pairs.isEmpty:
                for (key, value) in pairs { appendEntry(key: key, value: value, indent: indent + 2, to: &nested) }
            default:
                out += String(repeating: " ", count: indent) + "- " + flowScalar(item) + "\n"
                continue
            }
            out += String(repeating: " ", count: indent) + "- "
            out += nested.dropFirst(indent + 2)
        }
    }

    /// A scalar or an empty collection on one line.
    private static func flowScalar(_ value: Value) -> String {
        switch value {
        case .string(let text): quoted(text)
        case .int(let number): String(number)
        case .bool(let flag): flag ? "true" : "false"
        case .null: "null"
        case .list: "[]"
        case .map: "{}"
        }
    }

    /// Bare keys a YAML 1.1 parser reads as something other than a string.
    private static let reservedKeys: Set<String> = ["y", "n", "yes", "no", "on", "off", "true", "false", "null"]

    private static func yamlKey(_ key: String) -> String {
        let bytes = Array(key.utf8)
        guard let first = bytes.first, isLetter(first) || first == UInt8(ascii: "_"),
              bytes.allSatisfy({ isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }),
              bytes.count > 5 || !reservedKeys.contains(key.lowercased())
        else { return quoted(key) }
        return key
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- UInt8(ascii: "a") < 26 }
    private static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    /// A double-quoted scalar whose escapes mean the same in JSON and in YAML 1.1 and 1.2. Walks the
    /// UTF-8 bytes and copies the runs between escapes, so Chinese text costs a copy.
    private static func quoted(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var out: [UInt8] = [UInt8(ascii: "\"")]
            out.reserveCapacity(bytes.count + 2)
            var run = 0, i = 0
            func escape(_ escaped: String, skipping length: Int) {
                out.append(contentsOf: bytes[run..<i])
                out.append(contentsOf: escaped.utf8)
                i += length
                run = i
            }
            while i < bytes.count {
                let b = bytes[i]
                switch b {
                case UInt8(ascii: "\""): escape("\\\"", skipping: 1)
                case UInt8(ascii: "\\"): escape("\\\\", skipping: 1)
                case 0x0A: escape("\\n", skipping: 1)
                case 0x09: escape("\\t", skipping: 1)
                case 0x0D: escape("\\r", skipping: 1)
                case 0x00...0x1F, 0x7F: escape(unicodeEscape(UInt32(b)), skipping: 1)
                case 0xC2 where i + 1 < bytes.count && (0x80...0x9F).contains(bytes[i + 1]):
                    escape(unicodeEscape(UInt32(bytes[i + 1])), skipping: 2)  // C1 controls U+0080…U+009F
                case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                    escape(unicodeEscape(0x2000 | UInt32(bytes[i + 2] & 0x3F)), skipping: 3)  // U+2028, U+2029
                case 0xEF where i + 2 < bytes.count && bytes[i + 1] == 0xBB && bytes[i + 2] == 0xBF:
                    escape(unicodeEscape(0xFEFF), skipping: 3)
                case 0xEF where i + 2 < bytes.count && bytes[i + 1] == 0xBF && (bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF):
                    escape(unicodeEscape(0xFFC0 | UInt32(bytes[i + 2] & 0x3F)), skipping: 3)  // U+FFFE, U+FFFF
                default: i += 1
                }
            }
            out.append(contentsOf: bytes[run...])
            out.append(UInt8(ascii: "\""))
            return String(decoding: out, as: UTF8.self)
        }
    }

    private static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}

extension FrontMatter.Value: Equatable {
    public static func == (lhs: Self, rhs: Self) -> Bool {
        switch (lhs, rhs) {
        case let (.string(a), .string(b)): a == b
        case let (.int(a), .int(b)): a == b
        case let (.bool(a), .bool(b)): a == b
        case (.null, .null): true
        case let (.list(a), .list(b)): a == b
        case let (.map(a), .map(b)): a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }
}

// Literals keep hand-written front matter (tests, fixed fields) short: `("complete", true)`.
extension FrontMatter.Value: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: FrontMatter.Value...) { self = .list(elements) }
}
