import Foundation
import TOMLKit

/// `archive.toml`: what the site is called, where it lives, how lists page, the topic taxonomy,
/// and hand corrections for single reports.
public struct SiteConfig: Sendable {
    public var title: String
    public var description: String
    /// Always ends with `/`. Used only where absolute URLs are required.
    public var baseURL: String
    public var language: String
    public var pageSize: Int
    public var prettyURLs: Bool
    /// Full-text search: the build writes the index (`search/`) and the search page.
    public var searchEnabled: Bool
    public var contentDirectory: String
    public var outputDirectory: String
    public var templatesDirectory: String
    /// Read a source that is a symbolic link to a file outside the content folder (`[build] follow_symlinks`).
    public var followSymlinks: Bool
    /// Also write `data/archive.sqlite` (`[export] sqlite`): opt-in, since it parses every source again.
    public var exportSQLite = false
    /// Also make a compare page for each report and the next of its own type in its region
    /// (`[compare] neighbours`): opt-in, since at 100,000 reports they are 70,000 pages and a
    /// fifth of the build. Near-duplicates always get theirs.
    public var compareNeighbours = false
    public var topics: [TopicDefinition]
    public var overrides: [ReportOverride]

    /// A problem in the configuration, with the key and the line it stands on.
    public struct Error: Swift.Error, CustomStringConvertible {
        public var file: String
        public var line: Int?
        public var key: String?
        public var message: String

        public var description: String {
            "\(file)\(line.map { ":\($0)" } ?? ""): \(key.map { "\($0): " } ?? "")\(message)"
        }
    }

    /// Reads the configuration at `path`; relative folders in it are taken from the file's folder.
    public static func load(_ path: String) throws(Error) -> SiteConfig {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw Error(file: path, message: "cannot read the configuration file (is this the archive's folder?)")
        }
        var config = try parse(text, file: path)
        let root = URL(fileURLWithPath: path).deletingLastPathComponent()
        func resolve(_ p: String) -> String { p.hasPrefix("/") ? p : root.appendingPathComponent(p).path }
        config.contentDirectory = resolve(config.contentDirectory)
        config.outputDirectory = resolve(config.outputDirectory)
        config.templatesDirectory = resolve(config.templatesDirectory)
        return config
    }

    public static func parse(_ text: String, file: String) throws(Error) -> SiteConfig {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw Error(file: file, line: error.source.begin.line, message: error.description)
        } catch {
            throw Error(file: file, message: "\(error)")
        }
        var reader = TOMLReader(table: table, text: text, file: file)
        try reader.allow(tables: ["site", "build", "search", "export", "compare"], arrays: ["topics", "overrides"])
        let site = try reader.table("site", keys: keys(of: "site"), required: true)
        let build = try reader.table("build", keys: keys(of: "build"))
        let search = try reader.table("search", keys: keys(of: "search"))
        let export = try reader.table("export", keys: keys(of: "export"))
        let compare = try reader.table("compare", keys: keys(of: "compare"))
        var config = SiteConfig(
            title: try reader.string("title", in: site, required: true)!,
            description: try reader.string("description", in: site) ?? "",
            baseURL: try reader.string("base_url", in: site, required: true)!,
            language: try reader.string("language", in: site) ?? "zh-CN",
            pageSize: try reader.int("page_size", in: site, range: 1...10_000) ?? 50,
            prettyURLs: try reader.bool("pretty_urls", in: site) ?? false,
            searchEnabled: try reader.bool("enabled", in: search) ?? true,
            contentDirectory: try reader.string("content", in: build) ?? defaultContent,
            outputDirectory: try reader.string("output", in: build) ?? defaultOutput,
            templatesDirectory: try reader.string("templates", in: build) ?? defaultTemplates,
            followSymlinks: try reader.bool("follow_symlinks", in: build) ?? false,
            topics: try TopicDefinition.read(reader),
            overrides: try ReportOverride.read(reader)
        )
        config.exportSQLite = try reader.bool("sqlite", in: export) ?? false
        config.compareNeighbours = try reader.bool("neighbours", in: compare) ?? false
        do {
            config.baseURL = try validateBaseURL(config.baseURL)
        } catch {
            throw reader.error("base_url", in: site.name, error.message)
        }
        return config
    }
}

/// One topic of the taxonomy.
public struct TopicDefinition: Sendable, Equatable {
    public var name: String
    public var slug: String
    public var keywords: [String]
    /// Phrases that hold a keyword without being about the topic (中小学和幼儿园 names schools,
    /// not preschool education): a keyword inside one is not counted.
    public var ignore: [String] = []

    static func read(_ reader: TOMLReader) throws(SiteConfig.Error) -> [TopicDefinition] {
        var topics: [TopicDefinition] = []
        for entry in try reader.arrayOfTables("topics", keys: SiteConfig.keys(of: "topics")) {
            let topic = TopicDefinition(
                name: try reader.string("name", in: entry, required: true)!,
                slug: try reader.string("slug", in: entry, required: true)!,
                keywords: try reader.strings("keywords", in: entry) ?? [],
                ignore: try reader.strings("ignore", in: entry) ?? [])
            guard topic.slug.utf8.allSatisfy({ ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }) else {
                throw reader.error("slug", in: entry.name, "must be lowercase ASCII letters, digits and -, found \"\(topic.slug)\"")
            }
            guard !topics.contains(where: { $0.slug == topic.slug }) else {
                throw reader.error("slug", in: entry.name, "\"\(topic.slug)\" is used by another topic")
            }
            topics.append(topic)
        }
        return topics
    }
}

/// A hand correction of one report's metadata; the page says the value was set by hand.
public struct ReportOverride: Sendable, Equatable {
    /// The source file name, as in `content/`.
    public var source: String
    /// 1-based position of the report in its source.
    public var report: Int
    public var title: String?
    public var year: Int?
    public var docType: String?
    public var province: String?
    public var prefecture: String?
    public var county: String?

    static func read(_ reader: TOMLReader) throws(SiteConfig.Error) -> [ReportOverride] {
        var out: [ReportOverride] = []
        for entry in try reader.arrayOfTables("overrides", keys: SiteConfig.keys(of: "overrides")) {
            out.append(ReportOverride(
                source: try reader.string("source", in: entry, required: true)!,
                report: try reader.int("report", in: entry, range: 1...10_000) ?? 1,
                title: try reader.string("title", in: entry),
                year: try reader.int("year", in: entry, range: 1900...2100),
                docType: try reader.string("doc_type", in: entry),
                province: try reader.string("province", in: entry),
                prefecture: try reader.string("prefecture", in: entry),
                county: try reader.string("county", in: entry)))
        }
        return out
    }
}
