import ReportModel
import ReportParser

/// A report as the site shows it: the parsed report, where it came from, its URL slug,
/// its sections flattened with stable anchors and topics, and the fields a user set by hand.
public struct ArchivedReport: Sendable {
    public struct SectionEntry: Sendable {
        /// `s1`, `s1-2`, `s1-2-3`: the section's position in the tree, stable across builds.
        public var anchor: String
        public var depth: Int
        public var section: Section
        public var topics: [Int]
        /// What the section shows on its topics' pages (only for the report's own topics).
        public var passages: [TopicPassage] = []
    }

    public var report: Report
    /// The source file's name in `content/`.
    public var sourceFile: String
    /// ASCII name of the source, for `sources/<name>.txt`.
    public var sourceSlug: String
    /// 1-based position in the source.
    public var position: Int
    public var slug: String
    public var sections: [SectionEntry]
    public var topics: [Int]
    /// Metadata fields an `[[overrides]]` entry set.
    public var setByHand: Set<String>

    /// The year is in doubt when the strongest witnesses disagree (signed date, the title's first
    /// year, the listing's), or when only headings or the body give one.
    /// The source's format and extension when the site keeps the file it came as beside its text:
    /// a web page, Word file or PDF (a text file is its own text).
    public var original: (format: SourceFormat, extension: String)? { Self.original(of: sourceFile) }

    static func original(of sourceFile: String) -> (format: SourceFormat, extension: String)? {
        guard let format = SourceFormat(fileName: sourceFile), format != .text, let dot = sourceFile.lastIndex(of: ".") else { return nil }
        return (format, sourceFile[sourceFile.index(after: dot)...].lowercased())
    }

    public var yearUncertain: Bool {
        guard report.year != nil, !setByHand.contains("year") else { return false }
        let c = report.yearCandidates
        let witnesses = [YearCandidate.Origin.signedDate, .title, .listedTitle].compactMap { origin in c.first { $0.from == origin }?.value }
        if Set(witnesses).count > 1 { return true }
        return witnesses.isEmpty
    }
}

extension ArchivedReport {
    /// The reports of one parsed source as the site shows them: slugged by position, corrected by
    /// the config's overrides, and classified into topics.
    static func all(in source: Source, file: String, slug sourceSlug: String, config: SiteConfig,
                    classifier: TopicClassifier, gazetteer: Gazetteer) -> [ArchivedReport] {
        source.reports.enumerated().map { i, report in
            // Unique without a check: source slugs are unique, and the position holds no dash.
            var archived = ArchivedReport(report: report, sourceFile: file, sourceSlug: sourceSlug, position: i + 1,
                                          slug: ReportID.make(source: sourceSlug, position: i + 1), sections: [], topics: [], setByHand: [])
            for o in config.overrides where o.source == file && o.report == i + 1 {
                archived.apply(o, gazetteer: gazetteer)
            }
            archived.classify(with: classifier)
            return archived
        }
    }

    /// Files every section under its topics, the report under those covering enough of its text,
    /// and picks the passages its topics' pages show while the text is at hand.
    mutating func classify(with classifier: TopicClassifier) {
        var readings: [TopicClassifier.Reading] = []
        sections = Self.entries(report.sections, classifier: classifier, readings: &readings)
        topics = classifier.reportTopics(sections.map { entry in
            (entry.topics, entry.section.paragraphs.reduce(entry.section.heading.utf8.count) { $0 + $1.utf8.count })
        })
        for (i, passages) in TopicPassages.choose(readings, topics: topics).enumerated() { sections[i].passages = passages }
    }

    /// Flattens the section tree, numbering anchors by position and classifying each section;
    /// `readings` gets each section's reading, in the same order.
    static func entries(_ sections: [Section], classifier: TopicClassifier, readings: inout [TopicClassifier.Reading],
                        prefix: String = "s", depth: Int = 0) -> [SectionEntry] {
        var out: [SectionEntry] = []
        for (i, section) in sections.enumerated() {
            let anchor = "\(prefix)\(prefix == "s" ? "" : "-")\(i + 1)"
            let reading = classifier.read(section)
            readings.append(reading)
            var own = section
            own.children = []
            out.append(SectionEntry(anchor: anchor, depth: depth, section: own, topics: reading.topics))
            out += entries(section.children, classifier: classifier, readings: &readings, prefix: anchor, depth: depth + 1)
        }
        return out
    }
}

extension ArchivedReport {
    /// A hand correction wins over what was read, and is remembered so the page can say so.
    mutating func apply(_ o: ReportOverride, gazetteer: Gazetteer) {
        if let title = o.title {
            report.title = title
            setByHand.insert("title")
        }
        if let year = o.year {
            report.year = year
            report.provenance["year"] = "set by hand"
            setByHand.insert("year")
        }
        if let type = o.docType, let docType = DocType(rawValue: type) {
            report.docType = docType
            setByHand.insert("doc_type")
        }
        let named = [o.county, o.prefecture, o.province].compactMap { $0 }
        if let deepest = named.first {
            // The deepest name decides; the others only pick among places that share it.
            let candidates = gazetteer.places(named: deepest).filter { place in
                let region = gazetteer.region(for: place)
                return (o.province == nil || region.province == o.province) && (o.prefecture == nil || region.prefecture == o.prefecture)
            }
            if candidates.count == 1 {
                let level = report.region.level
                report.region = gazetteer.region(for: candidates[0])
                if o.county == nil { report.region.level = level }
            } else {
                report.region = Region(province: o.province, prefecture: o.prefecture, county: o.county, level: report.region.level)
            }
            report.provenance["region"] = "set by hand"
            setByHand.insert("region")
        }
    }
}
