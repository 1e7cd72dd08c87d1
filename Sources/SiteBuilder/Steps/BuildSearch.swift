/// The "search" step: the archive's own full-text index in `search/`, made from the reports'
/// Markdown pages in the site being built and put into it like every other file, so unchanged
/// files are linked and a failed build leaves the site in place as it was.
extension Pipeline {
    static func buildSearch(_ content: ArchiveContent, paths: SitePaths, into site: StagedSite) throws {
        try SearchIndexWriter(content: content, paths: paths, read: { site.contents(of: $0) }, put: { site.put($0) }).write()
    }
}
