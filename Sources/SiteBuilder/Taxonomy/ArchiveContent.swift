import Foundation
import ReportModel
import ReportParser

/// Everything the index pages are made from: the reports in list order and the indexes over them.
public struct ArchiveContent: Sendable {
    /// In list order (year, region code, title).
    public var reports: [ListedReport]
    /// For each report in the order `init` was given them, its index in `reports`.
    var positions: [Int]
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
        // reading it out of the array in the closure, copies every field it has. Year and region
        // code are first turned into one integer (a code by its rank among the codes, as
        // `ListedReport.listOrder` orders them; each code numbered as first met, then the numbers
        // ranked) and sorted as such, so that only reports of one year and region, a handful,
        // compare their titles.
        var yearKeys: [Int] = [], codeNumbers: [Int] = [], numbers: [String: Int] = [:]
        yearKeys.reserveCapacity(reports.count)
        codeNumbers.reserveCapacity(reports.count)
        // Fields are read in place, by index: a listing taken out of the array is a copy.
        for i in reports.indices {
            yearKeys.append(reports[i].year ?? Int.min)
            let code = reports[i].region.code ?? "~"
            if let number = numbers[code] {
                codeNumbers.append(number)
            } else {
                codeNumbers.append(numbers.count)
                numbers[code] = numbers.count
            }
        }
        var codeRanks = [Int](repeating: 0, count: numbers.count)
        for (rank, number) in numbers.sorted(by: { $0.key < $1.key }).map(\.value).enumerated() { codeRanks[number] = rank }
        let yearRank = Dictionary(uniqueKeysWithValues: Set(yearKeys).sorted(by: >).enumerated().map { ($1, $0) })
        var keyed = reports.indices.map { UInt64(yearRank[yearKeys[$0]]! * numbers.count + codeRanks[codeNumbers[$0]]) << 32 | UInt64($0) }
        keyed.sort()
        var order = keyed.map { Int($0 & 0xFFFF_FFFF) }
        reports.withUnsafeBufferPointer { buffer in
            var start = 0
            while start < keyed.count {
                var end = start + 1
                while end < keyed.count, keyed[end] >> 32 == keyed[start] >> 32 { end += 1 }
                if end - start > 1 { order[start..<end].sort { ListedReport.listOrder(buffer[$0], buffer[$1]) } }
                start = end
            }
        }
        self.reports = order.map { reports[$0] }
        positions = [Int](repeating: 0, count: order.count)
        for (i, given) in order.enumerated() { positions[given] = i }
        self.sourceCount = sourceCount
        self.classifier = classifier
        regions = RegionIndex(self.reports, gazetteer: gazetteer)
        var years: [Int?: [Int]] = [:]
        var topics = [[Int]](repeating: [], count: classifier.topics.count)
        var types: [DocType: [Int]] = [:]
        let sorted = self.reports
        for i in sorted.indices {
            years[sorted[i].year, default: []].append(i)
            for t in sorted[i].topics { topics[t].append(i) }
            types[sorted[i].docType, default: []].append(i)
        }
        self.years = years
        self.topics = topics
        self.types = types
    }

    /// `pairs` found among the reports in the order `init` was given them, as indices into `reports`:
    /// the pairs can then be found while the reports are put in list order.
    func inListOrder(_ pairs: [NearDuplicatePair]) -> [NearDuplicatePair] {
        pairs.map { pair in
            let (a, b) = (positions[pair.a], positions[pair.b])
            return NearDuplicatePair(a: min(a, b), b: max(a, b), similarity: pair.similarity)
        }.sorted { ($0.a, $0.b) < ($1.a, $1.b) }
    }
}
