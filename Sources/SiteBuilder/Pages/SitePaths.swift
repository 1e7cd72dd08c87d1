import ReportModel

/// Where every page lives in `public/`, and relative links between them.
///
/// All internal links are relative and name the file, so the site works at a domain root, under
/// a sub-path and opened from disk. By default each page is one file in a few folders (creating
/// folders dominates writing a large site); `pretty_urls` gives `<slug>/index.html` instead.
public struct SitePaths: Sendable {
    public var pretty: Bool

    public init(pretty: Bool) {
        self.pretty = pretty
    }

    func page(_ folder: String, _ name: String, page: Int = 1) -> String {
        let base = page > 1 ? "\(name)-\(page)" : name
        return pretty ? "\(folder)/\(base)/index.html" : "\(folder)/\(base).html"
    }

    public func report(_ slug: String) -> String { page("reports", slug) }

    /// The Markdown beside the report's page.
    public func markdown(_ slug: String) -> String { pretty ? "reports/\(slug)/\(slug).md" : "reports/\(slug).md" }

    /// The source's text as the parser read it (extracted, for a web page, Word file or PDF).
    public func source(_ sourceSlug: String) -> String { "sources/\(sourceSlug).txt" }

    /// The file a web page, Word file or PDF source came as, beside its text. A saved web page
    /// keeps its bytes but not its extension (`x-html.html.orig`): under the site's own address its
    /// scripts would run, so it is a file to download, never a page to open.
    public func original(_ sourceSlug: String, extension ext: String) -> String {
        let ext = ext.lowercased()
        return SourceFormat.html.extensions.contains(ext) ? "sources/\(sourceSlug).\(ext).orig" : "sources/\(sourceSlug).\(ext)"
    }

    public func region(_ key: String, page n: Int = 1) -> String { page("regions", key, page: n) }
    public func year(_ key: String, page n: Int = 1) -> String { page("years", key, page: n) }
    public func topic(_ slug: String, page n: Int = 1) -> String { page("topics", slug, page: n) }
    public func type(_ slug: String, page n: Int = 1) -> String { page("types", slug, page: n) }
    public func index(_ folder: String) -> String { "\(folder)/index.html" }

    /// The coverage table: reports per province and year.
    public func coverage() -> String { index("coverage") }

    /// One province's reports of one year (`year` as `YearColumns.key` writes it), a cell of the
    /// coverage table: per province, not per county, so the site gains at most a page a cell.
    public func coverage(_ region: String, year: String, page n: Int = 1) -> String { page("coverage", "\(region)-\(year)", page: n) }

    /// The archive as data: `reports.json`, `reports.csv`, `archive.sqlite`.
    public func data(_ file: String) -> String { "data/\(file)" }
    /// The page setting two reports side by side. Slugs never hold `--`, so the name says which two.
    public func compare(_ a: String, _ b: String) -> String { page("compare", "\(a)--\(b)") }

    /// The clusters of near-duplicate reports, `duplicates/index.html` and `duplicates/page-2.html` on.
    public func duplicates(page n: Int = 1) -> String { n > 1 ? page("duplicates", "page", page: n) : index("duplicates") }

    /// `../` enough times to climb from `path` to the site root.
    public static func root(from path: String) -> String {
        String(repeating: "../", count: path.utf8.filter { $0 == UInt8(ascii: "/") }.count)
    }
}
