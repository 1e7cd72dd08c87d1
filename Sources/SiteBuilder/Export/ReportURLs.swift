/// Where a report's files are in the site, as paths from the site's root: what the data export
/// gives for each report (the base URL in front makes them absolute).
struct ReportURLs {
    var page: String
    var markdown: String
    /// The source's text as the parser read it, shared by every report of the source.
    var sourceText: String
    /// The web page, Word file or PDF the source came as; nil for a text source.
    var original: String?

    init(_ report: ListedReport, paths: SitePaths) {
        // A report's slug is its source's slug and its position (`ArchivedReport.all`).
        let sourceSlug = String(report.slug.dropLast("-\(report.position)".count))
        page = paths.report(report.slug)
        markdown = paths.markdown(report.slug)
        sourceText = paths.source(sourceSlug)
        original = ArchivedReport.original(of: report.sourceFile).map { paths.original(sourceSlug, extension: $0.extension) }
    }
}
