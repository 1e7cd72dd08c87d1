import ReportModel

/// Paginated lists of reports: one per region, year, topic and type.
struct ListPages {
    var page: PageContext
    var content: ArchiveContent
    var templates: TemplateSet

    struct Listing {
        var title: String
        var intro: String?
        /// The page path for page `n` (1-based).
        var path: (Int) -> String
        var reports: [Int]
        var labels: [Int: String] = [:]
        var breadcrumb: [(name: String, path: String)] = []
        var subregions: [(name: String, path: String, count: Int)] = []
        /// For topic pages: the matching sections under each report.
        var topic: Int?
    }

    func files(_ listing: Listing) -> [OutputFile] {
        let size = page.config.pageSize
        let pageCount = Swift.max(1, (listing.reports.count + size - 1) / size)
        return (1...pageCount).map { n in
            let path = listing.path(n)
            let slice = listing.reports.dropFirst((n - 1) * size).prefix(size)
            var extra: [String: Any] = [
                "items": slice.map { item($0, label: listing.labels[$0], topic: listing.topic, from: path) },
                "hasBreadcrumb": !listing.breadcrumb.isEmpty,
                "breadcrumb": listing.breadcrumb.map { ["name": $0.name, "href": page.link($0.path, from: path)] },
                "hasSubregions": !listing.subregions.isEmpty && n == 1,
                "subregions": listing.subregions.map { ["name": $0.name, "href": page.link($0.path, from: path), "count": $0.count] },
            ]
            if let intro = listing.intro { extra["intro"] = intro }
            if pageCount > 1 {
                var pagination: [String: Any] = [
                    "pages": (1...pageCount).map { ["n": $0, "href": page.link(listing.path($0), from: path), "current": $0 == n] },
                ]
                if n > 1 { pagination["prev"] = page.link(listing.path(n - 1), from: path) }
                if n < pageCount { pagination["next"] = page.link(listing.path(n + 1), from: path) }
                extra["pagination"] = pagination
            }
            let title = n > 1 ? "\(listing.title)（第 \(n) 页）" : listing.title
            return OutputFile(path: path, text: templates.render("list", page.context(path: path, title: title, extra)))
        }
    }

    /// One report in a list, as `partials/report-list` shows it.
    func item(_ index: Int, label: String?, topic: Int?, from path: String) -> [String: Any] {
        let archived = content.reports[index]
        let r = archived.report
        let region = [r.region.province, r.region.prefecture, r.region.county].compactMap { $0 }
        let href = page.link(page.paths.report(archived.slug), from: path)
        var item: [String: Any] = [
            "title": r.title ?? r.listedTitle ?? "（无标题）",
            "href": href,
            "region": region.isEmpty ? (r.region.level.map { "未具名的\($0)" } ?? "地区不详") : region.joined(separator: " › "),
            "typeName": r.docType.displayName,
            "complete": r.complete,
        ]
        if let year = r.year { item["year"] = year }
        if let label { item["label"] = label }
        var sections: [[String: Any]] = []
        if let topic {
            sections = archived.sections.filter { $0.topics.contains(topic) }.map {
                ["heading": $0.section.fullHeading.isEmpty ? "（无标题段落）" : $0.section.fullHeading, "href": "\(href)#\($0.anchor)"]
            }
        }
        item["hasSections"] = !sections.isEmpty
        item["sections"] = sections
        return item
    }
}
