import Foundation

/// The "index pages" step: home, taxonomy indexes, list pages, feeds and static files: every file of
/// the site but the report and compare pages, put into the site as they are rendered.
extension Pipeline {
    /// The home page, the taxonomy indexes, every list page, the feed, robots.txt and the static
    /// files; returns the list and index pages' paths. They need the content and its near
    /// duplicates, nothing the report pages' steps make, so the build renders them beside those steps.
    static func buildIndexPages(_ content: ArchiveContent, page: PageContext, templates: TemplateSet, keys: PageKeys?,
                                into site: StagedSite) -> [String] {
        let paths = IndexPages(page: page, content: content, templates: templates, keys: keys, put: { site.put($0) }).render()
        var files = [Feeds.atom(content, config: page.config, paths: page.paths), Feeds.robots(config: page.config)]
        for (path, data) in templates.staticFiles() {
            files.append(OutputFile(path: path, bytes: [UInt8](data)))
        }
        for file in files { site.put(file) }
        return paths
    }

    /// The sitemap of `pages` and every report page, once the compare pages are known too.
    static func buildSitemap(_ content: ArchiveContent, page: PageContext, keys: PageKeys?, pages listed: [String], into site: StagedSite) {
        // The sitemap lists every page: it is linked from the site in place while the pages are the same.
        if keys?.reuse(Feeds.sitemapPath, key: Feeds.sitemapKey(reports: content.reports, pages: listed)) != true {
            site.put(Feeds.sitemap(pages: content.reports.map { page.paths.report($0.slug) } + listed, config: page.config))
        }
    }

    static func unmatchedOverrides(_ config: SiteConfig, _ content: ArchiveContent) -> [String] {
        guard !config.overrides.isEmpty else { return [] }
        let named = Set(config.overrides.map(\.source))
        let present = Set(content.reports.lazy.filter { named.contains($0.sourceFile) }.map { "\($0.sourceFile)\u{0}\($0.position)" })
        return config.overrides.compactMap { o in
            present.contains("\(o.source)\u{0}\(o.report)") ? nil
                : "archive.toml: override for \(o.source) report \(o.report) matches no report"
        }
    }
}
