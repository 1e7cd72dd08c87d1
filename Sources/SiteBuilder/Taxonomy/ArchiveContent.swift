import Foundation
import ReportModel
import ReportParser

/// Everything the index pages are made from: the reports in list order and the indexes over them.
public struct ArchiveContent: Sendable {
    /// In list order (year, region code, title).
    public var reports: [ListedReport]
    /// Source files read, those that failed included.
    public var sourceCount: Int
    public var regions: RegionIndex
    /// Year → report indices; nil for undated.
    public var years: [Int?: [Int]]
    /// Topic index → report indices.
    public var topics: [[Int]]
    public var types: [DocType: [Int]]
    public var classifier: TopicClassifier
    /// Pairs of reports that share most of their text, sorted by `a`, then `b`.
    public var nearDuplicates: [NearDuplicatePair] = []
    /// Where the reports' outlines and topic passages lie when the build put them on disk; nil
    /// when every report holds its own outline (and topic pages list no passages).
    var store: ListingStore?

    public init(reports: [ListedReport], sourceCount: Int, classifier: TopicClassifier, gazetteer: Gazetteer) {
        // Indices are sorted, not the reports, and compared through a buffer: moving a report, or
        // reading it out of the array in the closure, copies every field it has.
        self.reports = reports.withUnsafeBufferPointer { buffer in
            buffer.indices.sorted { ListedReport.listOrder(buffer[$0], buffer[$1]) }.map { buffer[$0] }
        }
        self.sourceCount = sourceCount
        self.classifier = classifier
        regions = RegionIndex(self.reports.map(\.region), gazetteer: gazetteer)
        var years: [Int?: [Int]] = [:]
        var topics = [[Int]](repeating: [], count: classifier.topics.count)
        var types: [DocType: [Int]] = [:]
        for (i, r) in self.reports.enumerated() {
            years[r.year, default: []].append(i)
            for t in r.topics { topics[t].append(i) }
            types[r.docType, default: []].append(i)
        }
        self.years = years
        self.topics = topics
        self.types = types
    }
}
