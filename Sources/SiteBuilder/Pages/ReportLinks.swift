/// The block at the end of a report page that only the whole archive can fill (`ReportPageSlot`):
/// the previous and next report of its region, and the reports that share most of its text, each
/// with a link to the compare page of the two. Written in code, like the page's sections, and
/// styled by `.relations` in the stylesheet.
struct ReportLinks {
    var page: PageContext
    var content: ArchiveContent
    var relations: ReportRelations
    /// Hash of the config, templates and options that shape every page, in each `key`; not the
    /// tool's stamp, which `Pipeline.ReportRendering.inputs` adds: a new tool parses and renders
    /// every source again, so no page is ever known by a key another tool made.
    var inputs: UInt64
    /// The reports' fingerprints in one array: a page's key reads those of its neighbours, whose
    /// listings lie all over memory.
    private var fingerprints: [UInt64]
    /// Per report, whether it has a near-duplicate or a compare page: most have neither, and their
    /// keys then skip the relations' hash lookups.
    private var related: [Bool]

    init(page: PageContext, content: ArchiveContent, relations: ReportRelations, inputs: UInt64) {
        (self.page, self.content, self.relations, self.inputs) = (page, content, relations, inputs)
        fingerprints = content.reports.map(\.fingerprint)
        related = [Bool](repeating: false, count: content.reports.count)
        // Every near-duplicate pair has a compare page, and a cluster is made of such pairs.
        for pair in relations.compared {
            related[pair.a] = true
            related[pair.b] = true
        }
        for i in relations.duplicates.keys { related[i] = true }
    }

    /// The files of a report as the preview server writes them, each with the hash the manifest
    /// knows it by: the page finished with its links as the last build made them.
    func finished(_ files: [OutputFile], of slug: String, slot: ReportPageSlot) -> [(file: OutputFile, hash: UInt64)] {
        let path = page.paths.report(slug)
        return files.map { file in
            guard file.path == path else { return (file, ContentHash.of(file.bytes)) }
            let i = content.reports.firstIndex { $0.slug == slug }
            let (bytes, hash) = slot.finished(file.bytes, links: i.map { Array(html(for: $0).utf8) } ?? [], key: i.map(key(for:)) ?? inputs)
            return (OutputFile(path: path, bytes: bytes), hash)
        }
    }

    /// The block for the report at `index` in `content.reports`; empty when it has neither neighbours
    /// nor near-duplicates.
    func html(for index: Int) -> String {
        let r = content.reports[index]
        let path = page.paths.report(r.slug)
        let previous = relations.sequence.previous[index], next = relations.sequence.next[index]
        let duplicates = relations.duplicates[index] ?? []
        guard previous != nil || next != nil || !duplicates.isEmpty else { return "" }
        var html = "<section class=\"relations\" aria-labelledby=\"relations\">\n<h2 id=\"relations\">相关报告</h2>\n"
        if previous != nil || next != nil {
            let region = r.region.county ?? r.region.prefecture ?? r.region.province ?? "本地区"
            html += "<nav class=\"region-sequence\" aria-label=\"同地区的报告\">\n"
            html += "<p class=\"order\">\(HTML.isolated(region))的报告，按年份、类型先后排列：</p>\n<ul>\n"
            let sequence = relations.sequence
            // The nearest of its own type too, when another type stands between (a plan between two summaries).
            let ofType = [sequence.previousOfType[index], sequence.nextOfType[index]].map { $0 == previous || $0 == next ? nil : $0 }
            for (label, other) in [("上一篇", previous), ("下一篇", next), ("同类上一篇", ofType[0]), ("同类下一篇", ofType[1])] {
                guard let other else { continue }
                html += "<li><span class=\"rel\">\(label)</span> " + link(to: other, from: path)
                html += " <span class=\"report-meta\">\(meta(other, withRegion: false))</span>" + compare(index, other, from: path) + "</li>\n"
            }
            html += "</ul>\n</nav>\n"
        }
        if !duplicates.isEmpty {
            html += "<div class=\"near-duplicates\">\n<h3>内容相近的报告</h3>\n"
            html += "<p class=\"order\">这些报告与本篇的大部分文字相同（按五字片段估计的比例），可能互相转载，或改写自同一底稿。</p>\n<ul>\n"
            for (other, similarity) in duplicates {
                html += "<li>" + link(to: other, from: path) + " <span class=\"share\">\(Self.share(similarity))</span>"
                html += compare(index, other, from: path)
                html += "<span class=\"report-meta\">\(meta(other, withRegion: true))</span></li>\n"
            }
            html += "</ul>\n"
            if let c = relations.clusters.clusterOf[index] {
                let cluster = relations.clusters.clusters[c]
                let target = page.link(page.paths.duplicates(page: DuplicatesPage.page(ofCluster: c, pageSize: page.config.pageSize)), from: path)
                let anchor = DuplicatesPage.anchor(content.reports[cluster.members[0]].slug)
                html += "<p class=\"more\"><a href=\"\(HTML.escape(target))#\(anchor)\">本组共 \(cluster.members.count) 篇，见相近报告一览</a></p>\n"
            }
            html += "</div>\n"
        }
        return html + "</section>\n"
    }

    /// Everything the block of the report at `index` is made from, hashed: the build's inputs, the
    /// report and each report it links to (their fingerprints hold every field the block shows, its
    /// slug and region included), their similarities, compare pages and order, and its cluster. Two
    /// builds that give a report the same key give it the same block, so a page whose head is
    /// unchanged too is known to be unchanged without rendering the block.
    func key(for index: Int) -> UInt64 {
        let sequence = relations.sequence
        let related = related[index]
        let duplicates = related ? relations.duplicates[index] ?? [] : []
        var parts = [inputs, fingerprints[index]]
        parts.reserveCapacity(17 + 4 * duplicates.count)
        func add(_ other: Int?) {
            guard let other else { return parts.append(0) }
            parts.append(fingerprints[other])
            parts.append(related && relations.hasComparePage(index, other) ? 2 : 1)
            parts.append(sequence.precedes(index, other) ? 2 : 1)
        }
        add(sequence.previous[index])
        add(sequence.next[index])
        add(sequence.previousOfType[index])
        add(sequence.nextOfType[index])
        for (other, similarity) in duplicates {
            add(other)
            parts.append(similarity.bitPattern)
        }
        if related, let c = relations.clusters.clusterOf[index] {
            let members = relations.clusters.clusters[c].members
            parts += [UInt64(c), fingerprints[members[0]], UInt64(members.count)]
        }
        return ContentHash.combine(parts)
    }

    /// `约 87% 相同`: the estimate is good to a few points, so whole percents.
    static func share(_ similarity: Double) -> String {
        "约 \(Int((similarity * 100).rounded()))% 相同"
    }

    func link(to other: Int, from path: String, class name: String? = nil) -> String {
        let r = content.reports[other]
        return "<a \(name.map { "class=\"\($0)\" " } ?? "")href=\"\(HTML.escape(page.link(page.paths.report(r.slug), from: path)))\">\(HTML.isolated(r.displayTitle))</a>"
    }

    /// Year, type, and optionally region and source file, as HTML (the source's names isolated).
    func meta(_ other: Int, withRegion: Bool) -> String {
        let r = content.reports[other]
        var parts = [HTML.escape(r.year.map { "\($0) 年" } ?? Vocabulary.unknownYear), HTML.escape(r.docType.displayName)]
        if withRegion {
            parts.append(HTML.isolated(Vocabulary.region(r.region)))
            parts.append("来源 " + HTML.isolated(r.sourceFile))
        }
        return parts.joined(separator: " · ")
    }

    /// ` <a class="compare" …>比较</a>` when the two have a compare page; else nothing.
    func compare(_ x: Int, _ y: Int, from path: String) -> String {
        guard relations.hasComparePage(x, y) else { return "" }
        let (a, b) = relations.sequence.precedes(x, y) ? (x, y) : (y, x)
        let target = page.link(page.paths.compare(content.reports[a].slug, content.reports[b].slug), from: path)
        return " <a class=\"compare\" href=\"\(HTML.escape(target))\">比较</a>"
    }
}
