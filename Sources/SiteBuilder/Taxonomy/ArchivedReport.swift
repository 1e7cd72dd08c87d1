import ReportModel

/// A report as the site shows it: the parsed report, where it came from, its URL slug,
/// its sections flattened with stable anchors and topics, and the fields a user set by hand.
public struct ArchivedReport: Sendable {
    public struct SectionEntry: Sendable {
        /// `s1`, `s1-2`, `s1-2-3`: the section's position in the tree, stable across builds.
        public var anchor: String
        public var depth: Int
        public var section: Section
        public var topics: [Int]
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

    /// Year, then region code, then title: the order of every list.
    public static func listOrder(_ a: ArchivedReport, _ b: ArchivedReport) -> Bool {
        let ya = a.report.year ?? Int.min, yb = b.report.year ?? Int.min
        if ya != yb { return ya > yb }
        let ca = a.report.region.code ?? "~", cb = b.report.region.code ?? "~"
        if ca != cb { return ca < cb }
        let ta = a.report.title ?? "", tb = b.report.title ?? ""
        if ta != tb { return ta < tb }
        return a.slug < b.slug
    }

    /// The year is in doubt when the strongest witnesses disagree (signed date, the title's first
    /// year, the listing's), or when only headings or the body give one.
    public var yearUncertain: Bool {
        guard report.year != nil, !setByHand.contains("year") else { return false }
        let c = report.yearCandidates
        let witnesses = [YearCandidate.Origin.signedDate, .title, .listedTitle].compactMap { origin in c.first { $0.from == origin }?.value }
        if Set(witnesses).count > 1 { return true }
        return witnesses.isEmpty
    }
}

extension ArchivedReport {
    /// Files every section under its topics, and the report under those covering enough of its text.
    mutating func classify(with classifier: TopicClassifier) {
        sections = Self.entries(report.sections, classifier: classifier)
        topics = classifier.reportTopics(sections.map { entry in
            (entry.topics, entry.section.paragraphs.reduce(entry.section.heading.utf8.count) { $0 + $1.utf8.count })
        })
    }

    /// Flattens the section tree, numbering anchors by position and classifying each section.
    static func entries(_ sections: [Section], classifier: TopicClassifier, prefix: String = "s", depth: Int = 0) -> [SectionEntry] {
        var out: [SectionEntry] = []
        for (i, section) in sections.enumerated() {
            let anchor = "\(prefix)\(prefix == "s" ? "" : "-")\(i + 1)"
            let topics = classifier.classify(heading: section.heading, text: section.paragraphs.joined())
            var own = section
            own.children = []
            out.append(SectionEntry(anchor: anchor, depth: depth, section: own, topics: topics))
            out += entries(section.children, classifier: classifier, prefix: anchor, depth: depth + 1)
        }
        return out
    }
}
