import Foundation
import ReportModel
import ReportParser

/// Everything the pages are made from: the reports in list order and the indexes over them.
public struct ArchiveContent: Sendable {
    public struct SourceFile: Sendable {
        public var name: String
        public var slug: String
        public var source: Source?
    }

    public var sources: [SourceFile]
    /// In list order (year, region code, title).
    public var reports: [ArchivedReport]
    public var regions: RegionIndex
    /// Year → report indices; nil for undated.
    public var years: [Int?: [Int]]
    /// Topic index → report indices.
    public var topics: [[Int]]
    public var types: [DocType: [Int]]
    public var classifier: TopicClassifier

    /// Builds the indexes from parsed sources (in file-name order), applying the config's overrides.
    public init(sources: [SourceFile], config: SiteConfig, gazetteer: Gazetteer) {
        self.sources = sources
        classifier = TopicClassifier(topics: config.topics)
        var reports: [ArchivedReport] = []
        var usedSlugs = Set<String>()
        for file in sources {
            guard let source = file.source else { continue }
            for (i, report) in source.reports.enumerated() {
                var slug = "\(file.slug)-\(i + 1)"
                while !usedSlugs.insert(slug).inserted { slug += "x" }
                var archived = ArchivedReport(report: report, sourceFile: file.name, sourceSlug: file.slug, position: i + 1,
                                              slug: slug, sections: [], topics: [], setByHand: [])
                for o in config.overrides where o.source == file.name && o.report == i + 1 {
                    archived.apply(o, gazetteer: gazetteer)
                }
                reports.append(archived)
            }
        }
        // Classifying every section is the index's main cost: both cores share it.
        let classified = ResultSlots<ArchivedReport>(count: reports.count)
        let shared = UncheckedBox(reports)
        let classifier = classifier
        DispatchQueue.concurrentPerform(iterations: reports.count) { i in
            var archived = shared.value[i]
            archived.classify(with: classifier)
            classified.set(i, archived)
        }
        reports = classified.values
        reports.sort(by: ArchivedReport.listOrder)
        self.reports = reports
        regions = RegionIndex(reports, gazetteer: gazetteer)
        var years: [Int?: [Int]] = [:]
        var topics = [[Int]](repeating: [], count: config.topics.count)
        var types: [DocType: [Int]] = [:]
        for (i, r) in reports.enumerated() {
            years[r.report.year, default: []].append(i)
            for t in r.topics { topics[t].append(i) }
            types[r.report.docType, default: []].append(i)
        }
        self.years = years
        self.topics = topics
        self.types = types
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
