import Foundation

/// Where keys and table headers stand in the text of a TOML file.
///
/// TOMLKit keeps no source positions, so they are found again in the text: each line is a table
/// header or a `key =` line of the table the last header opened. The Nth `[[topics]]` header opens
/// `topics[N]` (0-based, as errors name it); a dotted `key.sub =` line or a `[site.key]` header
/// stands for `key`.
struct TOMLLocator {
    private struct Header {
        var line: Int
        /// `site`, `topics[2]`, `site.extra`.
        var section: String
    }

    private struct KeyLine {
        var line: Int
        var section: String
        var key: String
    }

    private var headers: [Header] = []
    private var keys: [KeyLine] = []

    init(text: String) {
        var current = "", arrayCounts: [String: Int] = [:]
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[[") {
                let name = Self.dottedName(line.dropFirst(2).prefix { $0 != "]" })
                let n = arrayCounts[name, default: 0]
                arrayCounts[name] = n + 1
                current = "\(name)[\(n)]"
                headers.append(Header(line: i + 1, section: current))
            } else if line.hasPrefix("[") {
                current = Self.dottedName(line.dropFirst().prefix { $0 != "]" })
                headers.append(Header(line: i + 1, section: current))
            } else if !line.hasPrefix("#"), let equals = line.firstIndex(of: "=") {
                let key = Self.dottedName(line[..<equals]).split(separator: ".").first.map(String.init) ?? ""
                keys.append(KeyLine(line: i + 1, section: current, key: key))
            }
        }
    }

    /// The line of `key` in `section` (nil: the top level, before any header): its `key =` line,
    /// or the header of a table under it. Failing that, the first `key =` line anywhere.
    func line(of key: String, in section: String?) -> Int? {
        let section = section ?? ""
        let path = section.isEmpty ? key : "\(section).\(key)"
        let own = keys.first { $0.section == section && $0.key == key }?.line
        let header = headers.first { $0.section == path || $0.section.hasPrefix(path + ".") || $0.section.hasPrefix(path + "[") }?.line
        if let line = [own, header].compactMap({ $0 }).min() { return line }
        return keys.first { $0.key == key }?.line
    }

    /// The line of the header that opens `section` (`site`, `topics[2]`).
    func line(ofSection section: String) -> Int? {
        headers.first { $0.section == section }?.line
    }

    /// `site . "extra"` → `site.extra`.
    private static func dottedName(_ text: Substring) -> String {
        text.split(separator: ".", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'")) }
            .joined(separator: ".")
    }
}
