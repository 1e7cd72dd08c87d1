import Foundation
import ReportModel
import ReportParser

/// Everything the index pages are made from: the reports in list order and the indexes over them.
public struct ArchiveContent: Sendable {
    /// In list order (year, region code, title).
    public var reports: [ListedReport]
    /// For each report in the order `init` was given them, its index in `reports`.
    var positions: [Int]
    /// What `reports` are ordered and indexed by, in list order.
    var keys: ListedKeys
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
        let given = ListedKeys(reports)
        // Indices are sorted, not the reports, and compared through a buffer: moving a report, or
        // reading it out of the array in the closure, copies every field it has. Year and region
        // code are first turned into one integer, a group (a code by its rank, a report without one
        // as the code "~", as `ListedReport.listOrder` orders them), and the indices filed by group
        // in one counting pass, so that only reports of one year and region, a handful, compare
        // their titles.
        let codes = given.codes
        let tilde = codes.firstIndex { $0 >= "~" } ?? codes.count
        let codeGroups = codes.indices.map { $0 == tilde && codes[$0] == "~" ? 2 * $0 : 2 * $0 + 1 }
        let yearRank = Dictionary(uniqueKeysWithValues: Set(given.years).sorted { ($0 ?? Int.min) > ($1 ?? Int.min) }.enumerated().map { ($1, $0) })
        let width = 2 * codes.count + 1
        let groups = reports.indices.map { i in
            yearRank[given.years[i]]! * width + (given.regions[i] < 0 ? 2 * tilde : codeGroups[Int(given.regions[i])])
        }
        var starts = [Int](repeating: 0, count: yearRank.count * width + 1)
        for group in groups { starts[group + 1] += 1 }
        for group in 0..<(starts.count - 1) { starts[group + 1] += starts[group] }
        var order = [Int](repeating: 0, count: reports.count)
        var next = starts
        for (i, group) in groups.enumerated() {
            order[next[group]] = i
            next[group] += 1
        }
        // The groups in two runs of about as many reports, one a core: an edit's build waits for them.
        let middle = starts.firstIndex { $0 >= reports.count / 2 } ?? starts.count - 1
        let runs = [0..<middle, middle..<(starts.count - 1)]
        order.withUnsafeMutableBufferPointer { order in
            reports.withUnsafeBufferPointer { buffer in
                let shared = UncheckedBox((order: order, reports: buffer))  // each run sorts its own groups
                DispatchQueue.concurrentPerform(iterations: runs.count) { [starts] run in
                    let (order, buffer) = shared.value
                    for group in runs[run] where starts[group + 1] - starts[group] > 1 {
                        var slice = UnsafeMutableBufferPointer(rebasing: order[starts[group]..<starts[group + 1]])
                        slice.sort { ListedReport.listOrder(buffer[$0], buffer[$1]) }
                    }
                }
            }
        }
        self.reports = order.map { reports[$0] }
        positions = [Int](repeating: 0, count: order.count)
        for (i, k) in order.enumerated() { positions[k] = i }
        let keys = given.permuted(order)
        self.keys = keys
        self.sourceCount = sourceCount
        self.classifier = classifier
        // The region index on another core while the other indexes are made here: neither reads a listing.
        let regions = ResultSlots<RegionIndex>(count: 1), indexing = DispatchGroup()
        indexing.onThread { [keys] in regions.set(0, RegionIndex(keys, gazetteer: gazetteer)) }
        var years: [Int?: [Int]] = [:]
        var topics = [[Int]](repeating: [], count: classifier.topics.count)
        var types = [[Int]](repeating: [], count: DocType.allCases.count)
        for i in order.indices {
            years[keys.years[i], default: []].append(i)
            for t in keys.topics[i] { topics[Int(t)].append(i) }
            types[Int(keys.types[i])].append(i)
        }
        self.years = years
        self.topics = topics
        self.types = Dictionary(uniqueKeysWithValues: DocType.allCases.indices.filter { !types[$0].isEmpty }.map { (DocType.allCases[$0], types[$0]) })
        indexing.wait()
        self.regions = regions.values[0]
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
