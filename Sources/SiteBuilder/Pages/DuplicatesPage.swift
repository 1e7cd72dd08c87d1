/// `duplicates/index.html` and its further pages: every cluster of reports that share most of
/// their text, largest first; under each, its reports (title, year, region, source) and, for each,
/// the member it is closest to, with the share of text in common and a link to their compare page.
struct DuplicatesPage {
    var links: ReportLinks
    var templates: TemplateSet

    var page: PageContext { links.page }
    var content: ArchiveContent { links.content }
    var relations: ReportRelations { links.relations }

    /// The page (1-based) that lists cluster `c`: `pageSize` clusters a page.
    static func page(ofCluster c: Int, pageSize: Int) -> Int { c / pageSize + 1 }

    /// The anchor of a cluster, named for its first report so that it stays put while other
    /// clusters come and go.
    static func anchor(_ firstSlug: String) -> String { "c-\(firstSlug)" }

    /// Every page of the listing, rendered.
    func files() -> [OutputFile] {
        let clusters = relations.clusters.clusters
        let size = page.config.pageSize
        let count = Swift.max(1, (clusters.count + size - 1) / size)
        let grouped = clusters.reduce(0) { $0 + $1.members.count }
        return (1...count).map { n in
            let path = page.paths.duplicates(page: n)
            var html = ""
            for c in ((n - 1) * size)..<Swift.min(clusters.count, n * size) { html += cluster(c, from: path) }
            var extra: [String: Any] = [
                "intro": "不同来源或地区的报告中，大部分文字相同的（按五字片段估计相同比例不低于 \(Int(NearDuplicateFinder.threshold * 100))%）归为一组：常见于文档网站改换地名转载，或各县互相借用总结。共 \(clusters.count) 组，\(grouped) 篇。同一来源文件中重复的报告不在此列，见各报告页。",
                "hasClusters": !clusters.isEmpty,
                "clustersHTML": html,
            ]
            if count > 1 {
                var pagination: [String: Any] = [
                    "pages": ListPages.window(current: n, count: count).map { p -> [String: Any] in
                        p == 0 ? ["gap": true] : ["n": p, "href": page.link(page.paths.duplicates(page: p), from: path), "current": p == n]
                    },
                ]
                if n > 1 { pagination["prev"] = page.link(page.paths.duplicates(page: n - 1), from: path) }
                if n < count { pagination["next"] = page.link(page.paths.duplicates(page: n + 1), from: path) }
                extra["pagination"] = pagination
            }
            let title = n > 1 ? "相近报告（第 \(n) 页）" : "相近报告"
            return OutputFile(path: path, bytes: templates.renderBytes("duplicates", page.context(path: path, title: title, extra)))
        }
    }

    private func cluster(_ c: Int, from path: String) -> String {
        let cluster = relations.clusters.clusters[c]
        let similarities = cluster.pairs.map { content.nearDuplicates[$0].similarity }
        let low = Int((similarities.min()! * 100).rounded()), high = Int((similarities.max()! * 100).rounded())
        let range = low == high ? "约 \(low)%" : "约 \(low)%–\(high)%"
        var html = "<section class=\"cluster\" id=\"\(Self.anchor(content.reports[cluster.members[0]].slug))\">\n"
        html += "<h2>第 \(c + 1) 组 · \(cluster.members.count) 篇 · \(range) 相同</h2>\n<ol class=\"report-list\">\n"
        for member in cluster.members.sorted(by: { RegionSequence.precedes(content.reports, $0, $1) }) {
            html += "<li>" + links.link(to: member, from: path, class: "report-title")
            html += "\n<span class=\"report-meta\">\(links.meta(member, withRegion: true))</span>"
            if let (closest, similarity) = relations.duplicates[member]?.first {
                html += "<span class=\"closest\">与《" + links.link(to: closest, from: path) + "》\(ReportLinks.share(similarity))"
                html += links.compare(member, closest, from: path) + "</span>"
            }
            html += "</li>\n"
        }
        return html + "</ol>\n</section>\n"
    }
}
