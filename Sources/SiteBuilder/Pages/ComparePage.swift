import ReportModel
import ReportParser

/// Two reports side by side: what each is (title, region, year, type), their heading trees aligned
/// row by row (`HeadingAlignment`), the topics only one of them has, and, when the caller read the
/// two texts, the names and numbers that differ and the share of text they have in common.
struct ComparePage {
    var page: PageContext
    var classifier: TopicClassifier
    var templates: TemplateSet
    var gazetteer: Gazetteer = .shared
    /// Where a build's listings keep their outlines; nil for listings that hold their own.
    var store: ListingStore? = nil

    /// - Parameters:
    ///   - differences: the names and numbers that differ (`TextDifferences.between`), for two reports
    ///     whose texts were read; nil leaves the section out.
    ///   - similarity: the share of text in common, 0…1; nil leaves it out.
    ///   - root: the way from the page to the site's root, when the page is written outside the site
    ///     (`archive compare --output`); by default the page's own place in the site.
    func file(_ a: ListedReport, _ b: ListedReport, differences: TextDifferences?, similarity: Double?, root: String? = nil) -> OutputFile {
        let path = page.paths.compare(a.slug, b.slug)
        let root = root ?? SitePaths.root(from: path)
        // Read once: a listed report's sections are read and unpacked on each use.
        let sectionsA = a.outline(in: store).sections, sectionsB = b.outline(in: store).sections
        let alignment = HeadingAlignment(sectionsA, sectionsB)
        let paired = alignment.pairs.count
        let title = "对照：\(a.displayTitle) 与 \(b.displayTitle)"
        var extra: [String: Any] = [
            "root": root,
            "breadcrumbHTML": breadcrumbHTML(a, b, root: root),
            "sidesHTML": sideHTML(a, label: "A", other: b, root: root) + sideHTML(b, label: "B", other: a, root: root),
            "headingSummary": "对应的标题 \(paired) 对；仅 A 有 \(sectionsA.count - paired) 个，仅 B 有 \(sectionsB.count - paired) 个",
            "hasHeadings": !alignment.rows.isEmpty,
            "alignmentHTML": rowsHTML(alignment, (a, sectionsA), (b, sectionsB), root: root),
        ]
        if let similarity { extra["similarityText"] = "约 \(Self.percent(similarity))% 文字相同" }
        if let differences {
            extra["hasDifferenceSection"] = true
            extra["hasDifferences"] = !differences.isEmpty
            extra["differences"] = differences.items.map { item -> [String: Any] in
                var row: [String: Any] = ["kindName": item.kind == .name ? "名称" : "数字", "a": item.a, "b": item.b]
                if !item.context.isEmpty { row["context"] = item.context }
                if item.count > 1 { row["count"] = item.count }
                return row
            }
            if differences.omitted > 0 { extra["omitted"] = differences.omitted }
        }
        let description = "\(a.displayTitle)与\(b.displayTitle)的标题对照"
        return OutputFile(path: path, bytes: templates.renderBytes("compare", page.context(path: path, title: title, description: description, extra)))
    }

    /// A share in whole percent; 100 only for all of it, so that two texts that differ never read as the same.
    static func percent(_ share: Double) -> Int {
        share >= 1 ? 100 : Swift.min(99, Int((share * 100).rounded()))
    }

    /// 首页, then the region both reports are in, as deep as they agree, each linked. This and the
    /// cards below are written here rather than by template loops, which cost a compare page more
    /// than everything else on it (a large archive has thousands of compare pages).
    private func breadcrumbHTML(_ a: ListedReport, _ b: ListedReport, root: String) -> String {
        var html = "<a href=\"\(HTML.escape(root))index.html\">\(Vocabulary.home)</a>"
        let ca = RegionIndex.chain(to: a.region.code, gazetteer: gazetteer) ?? []
        let cb = RegionIndex.chain(to: b.region.code, gazetteer: gazetteer) ?? []
        for (x, y) in zip(ca, cb) {
            guard x.key == y.key else { break }
            html += "<a href=\"\(HTML.escape(root + page.paths.region(x.key)))\">\(HTML.isolated(x.name))</a>"
        }
        return html
    }

    /// One report's card: its fields linked to their pages, and its topics, those the other report
    /// lacks outlined.
    private func sideHTML(_ r: ListedReport, label: String, other: ListedReport, root: String) -> String {
        let paths = page.paths
        func link(_ path: String, _ text: String, _ attributes: String = "", fromSource: Bool = false) -> String {
            "<a\(attributes) href=\"\(HTML.escape(root + path))\">\(fromSource ? HTML.isolated(text) : HTML.escape(text))</a>"
        }
        var html = "<section class=\"compare-side side-\(label)\" aria-label=\"报告 \(label)\">\n"
        html += "<h2><span class=\"side-label\">\(label)</span> \(link(paths.report(r.slug), r.displayTitle, fromSource: true))</h2>\n<dl class=\"meta\">\n<dt>地区</dt><dd>"
        if let chain = RegionIndex.chain(to: r.region.code, gazetteer: gazetteer) {
            for place in chain { html += link(paths.region(place.key), place.name, " class=\"crumb\"", fromSource: true) }
        } else {
            html += HTML.isolated(Vocabulary.region(r.region))
        }
        html += "</dd>\n<dt>年份</dt><dd>\(link(paths.year(YearColumns.key(r.year)), r.year.map { "\($0)年" } ?? Vocabulary.unknownYear))</dd>\n"
        html += "<dt>类型</dt><dd>\(link(paths.type(r.docType.slug), r.docType.displayName))</dd>\n"
        if let issuer = r.issuer { html += "<dt>发文单位</dt><dd>\(HTML.isolated(issuer))</dd>\n" }
        let topics = r.topics.filter { $0 < classifier.topics.count }
        if !topics.isEmpty {
            html += "<dt>主题</dt><dd class=\"tags\">"
            for t in topics {
                let topic = classifier.topics[t]
                if other.topics.contains(t) {
                    html += link(paths.topic(topic.slug), topic.name, " class=\"tag\"")
                } else {
                    html += "<a class=\"tag only\" href=\"\(HTML.escape(root + paths.topic(topic.slug)))\">\(HTML.escape(topic.name))<span class=\"sr\">（仅此篇）</span></a>"
                }
            }
            html += "</dd>\n"
        }
        return html + "</dl>\n</section>\n"
    }

    /// The aligned rows, written here rather than by a template loop (styled by `.alignment` in the
    /// stylesheet): a report has dozens of headings and a large archive thousands of compare pages.
    private func rowsHTML(_ alignment: HeadingAlignment, _ a: (report: ListedReport, sections: [ListedReport.SectionSummary]),
                          _ b: (report: ListedReport, sections: [ListedReport.SectionSummary]), root: String) -> String {
        let hrefA = HTML.escape(root + page.paths.report(a.report.slug)), hrefB = HTML.escape(root + page.paths.report(b.report.slug))
        var html = ""
        html.reserveCapacity(alignment.rows.count * 240)
        for row in alignment.rows {
            let left = row.left.map { a.sections[$0] }, right = row.right.map { b.sections[$0] }
            let depth = Swift.min(left?.depth ?? right?.depth ?? 0, 3)
            let kind = left == nil ? "only-b" : right == nil ? "only-a" : "pair"
            html += "<tr class=\"\(kind) depth-\(depth)\">"
            html += cell(left, side: "a", href: hrefA, missing: "B", only: differingTopics(left, right))
            if let similarity = row.similarity {
                html += "<td class=\"sim\" title=\"标题相似度\">\(Self.percent(similarity))%</td>"
            } else {
                html += "<td class=\"sim\"></td>"
            }
            html += cell(right, side: "b", href: hrefB, missing: "A", only: differingTopics(right, left))
            html += "</tr>\n"
        }
        return html
    }

    /// A heading linked to its section, with the topics the paired section lacks; or the visible gap
    /// where this report has no counterpart of the other's heading.
    private func cell(_ section: ListedReport.SectionSummary?, side: String, href: String, missing other: String, only: [Int]) -> String {
        guard let section else { return "<td class=\"\(side) gap\"><span>无对应标题</span></td>" }
        let heading = section.fullHeading.isEmpty ? "（无标题段落）" : section.fullHeading
        // Anchors are the site's own ASCII (s1-2): only the heading is the source's text.
        var html = "<td class=\"\(side)\"><a href=\"\(href)#\(section.anchor)\">\(HTML.isolated(heading))</a>"
        if !only.isEmpty {
            html += "<span class=\"row-topics\">"
            for t in only {
                html += "<span class=\"tag only\" title=\"\(other) 的对应章节无此主题\">\(HTML.escape(classifier.topics[t].name))</span>"
            }
            html += "</span>"
        }
        return html + "</td>"
    }

    /// The topics of `section` that its paired section lacks; none on a one-sided row, where the
    /// whole section is the difference.
    private func differingTopics(_ section: ListedReport.SectionSummary?, _ paired: ListedReport.SectionSummary?) -> [Int] {
        guard let section, let paired else { return [] }
        return section.topics.filter { $0 < classifier.topics.count && !paired.topics.contains($0) }
    }
}
