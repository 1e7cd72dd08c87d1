import Foundation
import TOMLKit

/// One table of the file: its name in errors (`site`, `topics[2]`), its header as written
/// (`[site]`, `[[topics]]`) and the keys it may hold.
struct TOMLSection {
    var name: String
    var header: String
    var table: TOMLTable
    var keys: [String]
}

/// Typed reads from a parsed TOML file that fail with the key and its line.
///
/// The file is strict: every table and key it may hold is declared where it is read
/// (`allow(tables:arrays:)`, `table(_:keys:)`, `arrayOfTables(_:keys:)`), anything else is an error
/// naming the nearest declared one, and reading an undeclared key is a programming error.
struct TOMLReader {
    var table: TOMLTable
    var file: String
    var locator: TOMLLocator
    private var tables: [String] = []
    private var arrays: [String] = []

    init(table: TOMLTable, text: String, file: String) {
        self.table = table
        self.file = file
        self.locator = TOMLLocator(text: text)
    }

    func error(_ key: String, in section: String?, _ message: String) -> SiteConfig.Error {
        SiteConfig.Error(file: file, line: locator.line(of: key, in: section),
                         key: [section, key].compactMap { $0 }.joined(separator: "."), message: message)
    }

    /// Declares the top-level `[tables]` and `[[arrays]]` of tables; anything else at the top level
    /// is an error.
    mutating func allow(tables: [String], arrays: [String]) throws(SiteConfig.Error) {
        self.tables = tables
        self.arrays = arrays
        let known = tables + arrays
        let headers = tables.map { "[\($0)]" } + arrays.map { "[[\($0)]]" }
        try rejectUnknown(in: table.keys, known: known, section: nil) { key, value in
            let kind = value?.table != nil || value?.array?.first?.table != nil ? "table" : "key"
            guard let near = NearestKey.suggestion(for: key, among: known) else {
                return "unknown \(kind); the file takes \(headers.joined(separator: ", "))"
            }
            return "unknown \(kind) (did you mean \(headers[known.firstIndex(of: near)!])?)"
        }
    }

    /// The `[name]` table, empty when absent and not required; its keys other than `keys` are errors.
    func table(_ name: String, keys: [String], required: Bool = false) throws(SiteConfig.Error) -> TOMLSection {
        precondition(tables.contains(name), "[\(name)] is read but not allowed")
        let header = "[\(name)]"
        guard let value = table[name] else {
            if required { throw SiteConfig.Error(file: file, key: name, message: "missing section \(header)") }
            return TOMLSection(name: name, header: header, table: TOMLTable(), keys: keys)
        }
        guard let t = value.table else { throw error(name, in: nil, "must be a table (\(header))") }
        let section = TOMLSection(name: name, header: header, table: t, keys: keys)
        try rejectUnknown(in: section)
        return section
    }

    /// The entries of the `[[name]]` array of tables, named `name[0]`, `name[1]`…; their keys other
    /// than `keys` are errors.
    func arrayOfTables(_ name: String, keys: [String]) throws(SiteConfig.Error) -> [TOMLSection] {
        precondition(arrays.contains(name), "[[\(name)]] is read but not allowed")
        let header = "[[\(name)]]"
        guard let value = table[name] else { return [] }
        guard let array = value.array else { throw error(name, in: nil, "must be an array of tables (\(header))") }
        var out: [TOMLSection] = []
        for (i, item) in array.enumerated() {
            guard let t = item.table else { throw error(name, in: nil, "every entry must be a table (\(header))") }
            let section = TOMLSection(name: "\(name)[\(i)]", header: header, table: t, keys: keys)
            try rejectUnknown(in: section)
            out.append(section)
        }
        return out
    }

    func string(_ key: String, in section: TOMLSection, required: Bool = false) throws(SiteConfig.Error) -> String? {
        guard let value = try value(key, in: section, required: required) else { return nil }
        guard let s = value.string else { throw error(key, in: section.name, "must be a string") }
        return s
    }

    func int(_ key: String, in section: TOMLSection, range: ClosedRange<Int>) throws(SiteConfig.Error) -> Int? {
        guard let value = try value(key, in: section) else { return nil }
        guard let n = value.int else { throw error(key, in: section.name, "must be an integer") }
        guard range.contains(n) else { throw error(key, in: section.name, "must be between \(range.lowerBound) and \(range.upperBound), found \(n)") }
        return n
    }

    func bool(_ key: String, in section: TOMLSection) throws(SiteConfig.Error) -> Bool? {
        guard let value = try value(key, in: section) else { return nil }
        guard let b = value.bool else { throw error(key, in: section.name, "must be true or false") }
        return b
    }

    func strings(_ key: String, in section: TOMLSection) throws(SiteConfig.Error) -> [String]? {
        guard let value = try value(key, in: section) else { return nil }
        guard let array = value.array else { throw error(key, in: section.name, "must be an array of strings") }
        var out: [String] = []
        for item in array {
            guard let s = item.string else { throw error(key, in: section.name, "must be an array of strings") }
            out.append(s)
        }
        return out
    }

    private func value(_ key: String, in section: TOMLSection, required: Bool = false) throws(SiteConfig.Error) -> TOMLValueConvertible? {
        precondition(section.keys.contains(key), "\(section.header) \(key) is read but not allowed")
        if let value = section.table[key] { return value }
        if required {
            throw SiteConfig.Error(file: file, line: locator.line(ofSection: section.name), key: "\(section.name).\(key)", message: "missing")
        }
        return nil
    }

    private func rejectUnknown(in section: TOMLSection) throws(SiteConfig.Error) {
        try rejectUnknown(in: section.table.keys, known: section.keys, section: section.name) { key, _ in
            guard let near = NearestKey.suggestion(for: key, among: section.keys) else {
                return "unknown key; \(section.header) takes \(section.keys.joined(separator: ", "))"
            }
            return "unknown key (did you mean \"\(near)\"?)"
        }
    }

    /// Throws for the first key, in file order, that is not `known`.
    private func rejectUnknown(in keys: [String], known: [String], section: String?,
                               message: (String, TOMLValueConvertible?) -> String) throws(SiteConfig.Error) {
        let unknown = keys.filter { !known.contains($0) }
            .map { (key: $0, line: locator.line(of: $0, in: section)) }
            .min { ($0.line ?? .max, $0.key) < ($1.line ?? .max, $1.key) }
        guard let unknown else { return }
        throw SiteConfig.Error(file: file, line: unknown.line, key: [section, unknown.key].compactMap { $0 }.joined(separator: "."),
                               message: message(unknown.key, section == nil ? table[unknown.key] : nil))
    }
}
