import ReportModel

/// `data/reports.json`: every report's metadata, its sections as a tree with their topics and key
/// figures, and its near-duplicates, in list order (newest first); no body text, which is in each
/// report's Markdown and its source's text (`urls`). The shape is `schema/reports.schema.json`'s.
/// One report a line, so a reader can also take the file a line at a time.
enum ReportsJSON {
    /// Raised when the shape changes in a way a reader must know of.
    static let formatVersion = 1

    /// Writes the file as `plan` says (every row rendered when there is none) and returns where
    /// each report's row (its object) lies in it.
    @discardableResult
    static func write(_ content: ArchiveContent, config: SiteConfig, paths: SitePaths, to sink: ByteSink,
                      plan: ExportPlan? = nil) throws -> [Range<Int>] {
        let plan = plan ?? .renderAll(content.reports.count)
        var json = JSONWriter(sink)
        let related = ExportRelations(content)
        // Read once, not copied out of each topic's definition for every slug written.
        let topicSlugs = content.classifier.topics.map(\.slug)
        json.beginObject()
        json.field("generator", "ReportArchive")
        json.field("format_version", formatVersion)
        json.field("base_url", config.baseURL)
        json.field("report_count", content.reports.count)
        json.key("topics")
        json.beginArray()
        for topic in content.classifier.topics {
            json.beginObject()
            json.field("slug", topic.slug)
            json.field("name", topic.name)
            json.key("keywords")
            json.beginArray()
            for keyword in topic.keywords { json.string(keyword) }
            try json.endArray()
            try json.endObject()
        }
        try json.endArray()
        json.key("reports")
        json.beginArray()
        var rows = [Range<Int>](repeating: 0..<0, count: content.reports.count)
        for piece in plan.pieces {
            switch piece {
            case .render(let indices):
                for i in indices {
                    json.newline()
                    let start = try report(i, of: content, topics: topicSlugs, related: related, paths: paths, into: &json)
                    rows[i] = start..<json.position
                }
            case .copy(let indices, let old):
                json.newline()
                let span = plan.span(of: old)
                let start = try json.copy(span.count, from: plan.source, at: span.lowerBound)
                rows.replaceSubrange(indices, with: plan.ranges(of: old, copiedTo: start))
            }
        }
        json.newline()
        try json.endArray()
        try json.endObject()
        json.newline()
        try json.finish()
        return rows
    }

    /// Writes report `i`'s object and returns where it starts.
    private static func report(_ i: Int, of content: ArchiveContent, topics: [String], related: ExportRelations, paths: SitePaths,
                               into json: inout JSONWriter) throws -> Int {
        let r = content.reports[i]
        let urls = ReportURLs(r, paths: paths)
        json.beginObject()
        let start = json.position - 1
        json.field("id", r.id)
        json.field("slug", r.slug)
        json.key("urls")
        json.beginObject()
        json.field("page", urls.page)
        json.field("markdown", urls.markdown)
        json.field("source_text", urls.sourceText)
        json.field("original", urls.original)
        try json.endObject()
        json.key("source")
        json.beginObject()
        json.field("file", r.sourceFile)
        json.field("position", r.position)
        try json.endObject()
        json.field("title", r.title)
        json.field("listed_title", r.listedTitle)
        json.field("issuer", r.issuer)
        json.field("department", r.department)
        json.key("region")
        json.beginObject()
        json.field("province", r.region.province)
        json.field("prefecture", r.region.prefecture)
        json.field("county", r.region.county)
        json.field("level", r.region.level)
        json.field("code", r.region.code)
        try json.endObject()
        json.field("year", r.year)
        json.field("doc_type", r.docType.rawValue)
        json.field("doc_type_name", r.docType.displayName)
        json.field("period", r.period)
        json.field("signed_date", r.signedDate)
        json.field("published_date", r.publishedDate)
        json.key("complete")
        json.bool(r.complete)
        json.field("duplicate_of", related.duplicateOf(i).map { content.reports[$0].slug })
        json.key("topics")
        try slugs(r.topics, of: topics, into: &json)
        let outline = r.outline(in: content.store)
        json.key("figures")
        try figures(outline.figures, into: &json)
        json.key("sections")
        try sections(outline.sections, topics: topics, into: &json)
        json.key("near_duplicates")
        json.beginArray()
        for (other, similarity) in related.nearDuplicates(of: i) {
            json.beginObject()
            json.field("slug", content.reports[other].slug)
            json.key("similarity")
            json.number(similarity)
            try json.endObject()
        }
        try json.endArray()
        try json.endObject()
        return start
    }

    /// The sections, listed in reading order with their depths, written as the tree they describe:
    /// each section's `children` are the deeper sections that follow it.
    private static func sections(_ sections: [ListedReport.SectionSummary], topics: [String], into json: inout JSONWriter) throws {
        json.beginArray()
        var open = 0  // sections whose `children` array is still open
        for s in sections {
            // A section closes every open one at its depth or deeper; a jump of more than one level
            // (none comes from the parser) nests under the last open section.
            while open > s.depth {
                try json.endArray()
                try json.endObject()
                open -= 1
            }
            json.beginObject()
            json.field("anchor", s.anchor)
            json.field("number", s.number)
            json.field("heading", s.heading)
            json.key("topics")
            try slugs(s.topics, of: topics, into: &json)
            json.key("figures")
            try figures(s.figures, into: &json)
            json.key("children")
            json.beginArray()
            open += 1
        }
        for _ in 0..<open {
            try json.endArray()
            try json.endObject()
        }
        try json.endArray()
    }

    private static func slugs(_ indices: [Int], of topics: [String], into json: inout JSONWriter) throws {
        json.beginArray()
        for t in indices { json.string(topics[t]) }
        try json.endArray()
    }

    private static func figures(_ figures: [Figure], into json: inout JSONWriter) throws {
        json.beginArray()
        for f in figures {
            json.beginObject()
            json.field("phrase", f.phrase)
            json.field("written", f.written)
            json.key("value")
            json.number(f.value)
            json.field("unit", f.unit)
            try json.endObject()
        }
        try json.endArray()
    }
}
