import Foundation
import TOMLKit

/// Typed reads from a parsed TOML table that fail with the key and its line.
///
/// TOMLKit keeps no source positions for values, so the line is found again in the text:
/// the first `key =` inside the key's section.
struct TOMLReader {
    var table: TOMLTable
    var text: String
    var file: String

    func error(_ key: String, section: String?, _ message: String) -> SiteConfig.Error {
        SiteConfig.Error(file: file, line: line(of: key, section: section), key: [section, key].compactMap { $0 }.joined(separator: "."), message: message)
    }

    func table(_ key: String, required: Bool) throws(SiteConfig.Error) -> TOMLTable? {
        guard let value = table[key] else {
            if required { throw SiteConfig.Error(file: file, key: key, message: "missing section [\(key)]") }
            return nil
        }
        guard let t = value.table else { throw error(key, section: nil, "must be a table") }
        return t
    }

    func arrayOfTables(_ key: String) throws(SiteConfig.Error) -> [TOMLTable] {
        guard let value = table[key] else { return [] }
        guard let array = value.array else { throw error(key, section: nil, "must be an array of tables ([[\(key)]])") }
        var out: [TOMLTable] = []
        for item in array {
            guard let t = item.table else { throw error(key, section: nil, "every entry must be a table ([[\(key)]])") }
            out.append(t)
        }
        return out
    }

    func string(_ key: String, in t: TOMLTable, section: String, required: Bool = false) throws(SiteConfig.Error) -> String? {
        guard let value = t[key] else {
            if required { throw SiteConfig.Error(file: file, line: line(of: "[\(section.split(separator: "[").first ?? "")", section: nil), key: "\(section).\(key)", message: "missing") }
            return nil
        }
        guard let s = value.string else { throw error(key, section: section, "must be a string") }
        return s
    }

    func int(_ key: String, in t: TOMLTable, section: String, range: ClosedRange<Int>) throws(SiteConfig.Error) -> Int? {
        guard let value = t[key] else { return nil }
        guard let n = value.int else { throw error(key, section: section, "must be an integer") }
        guard range.contains(n) else { throw error(key, section: section, "must be between \(range.lowerBound) and \(range.upperBound), found \(n)") }
        return n
    }

    func bool(_ key: String, in t: TOMLTable, section: String) throws(SiteConfig.Error) -> Bool? {
        guard let value = t[key] else { return nil }
        guard let b = value.bool else { throw error(key, section: section, "must be true or false") }
        return b
    }

    func strings(_ key: String, in t: TOMLTable, section: String) throws(SiteConfig.Error) -> [String]? {
        guard let value = t[key] else { return nil }
        guard let array = value.array else { throw error(key, section: section, "must be an array of strings") }
        var out: [String] = []
        for item in array {
            guard let s = item.string else { throw error(key, section: section, "must be an array of strings") }
            out.append(s)
        }
        return out
    }

    /// The 1-based line of `key =` within `section` (`site`, `topics[2]`), or of the first match.
    func line(of key: String, section: String?) -> Int? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var current = "", arrayCounts: [String: Int] = [:]
        var fallback: Int?
        for (i, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[[") {
                let name = line.trimmingCharacters(in: CharacterSet(charactersIn: "[] "))
                let n = arrayCounts[name, default: 0]
                arrayCounts[name] = n + 1
                current = "\(name)[\(n)]"
                if key.hasPrefix("[") && "[\(current)" .hasPrefix(key) { return i + 1 }
                continue
            }
            if line.hasPrefix("[") {
                current = line.trimmingCharacters(in: CharacterSet(charactersIn: "[] "))
                if key == "[\(current)" { return i + 1 }
                continue
            }
            let name = line.split(separator: "=", maxSplits: 1).first?.trimmingCharacters(in: .whitespaces)
            if name == key {
                if section == nil || section == current { return i + 1 }
                if fallback == nil { fallback = i + 1 }
            }
        }
        return fallback
    }
}
