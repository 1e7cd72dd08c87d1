extension SiteConfig {
    /// Every key archive.toml may hold, by table: the keys the reader accepts, and the only ones a
    /// help text may name (as `table.key`, `build.content`), so that the two cannot drift apart.
    public static let tables: KeyValuePairs<String, [String]> = [
        "site": ["title", "description", "base_url", "language", "page_size", "pretty_urls"],
        "build": ["content", "output", "templates", "follow_symlinks"],
        "search": ["enabled"],
        "export": ["sqlite"],
        "compare": ["neighbours"],
        "topics": ["name", "slug", "keywords", "ignore"],
        "overrides": ["source", "report", "title", "year", "doc_type", "province", "prefecture", "county"],
    ]

    /// `site.title`, `build.content`, …
    public static var knownKeys: Set<String> { Set(tables.flatMap { table, keys in keys.map { "\(table).\($0)" } }) }

    static func keys(of table: String) -> [String] { tables.first { $0.key == table }!.value }

    /// The folders' defaults, relative to archive.toml's folder (help texts quote them).
    public static let defaultContent = "content"
    public static let defaultOutput = "public"
    public static let defaultTemplates = "templates"
}
