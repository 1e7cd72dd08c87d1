/// How the reports of the archive stand to each other, for the links at the end of each report
/// page, the clusters page and the compare pages: each region's reports in order, the
/// near-duplicate pairs and their clusters, and the pairs that get a compare page.
///
/// A compare page is made for each near-duplicate pair a page links to and, with `[compare]
/// neighbours`, for each report and the next of its own type in its region (a county's 2022
/// summary and its 2023 summary), not for every two neighbours: a summary set beside the next
/// year's plan says little. Those pages are opt-in: about 0.7 a report in a dense archive
/// (71,532 pages, 984 MB and 21 s of a 110 s build at 100,000 reports).
struct ReportRelations: Sendable {
    var sequence: RegionSequence
    var clusters: NearDuplicateClusters
    /// Report index → its near-duplicates and the share of text in common, most similar first, at
    /// most `shownDuplicates`: the ones its page links to.
    var duplicates: [Int: [(other: Int, similarity: Double)]]
    /// Every pair with a compare page, the earlier report first (`RegionSequence.precedes(_:_:)`), in a
    /// fixed order: the neighbours of one type by their first report, then the near-duplicates by theirs.
    var compared: [(a: Int, b: Int, similarity: Double?)]
    private var comparedKeys: Set<UInt64>

    /// A page links to this many of its near-duplicates, and the clusters page names for each report
    /// its closest; a thousand copies of one text make a thousand lines, not half a million.
    static let shownDuplicates = 8

    init(_ content: ArchiveContent, neighbours: Bool) {
        let reports = content.reports
        let sequence = RegionSequence(content.keys)
        self.sequence = sequence
        clusters = NearDuplicateClusters(content.nearDuplicates)
        var duplicates: [Int: [(other: Int, similarity: Double)]] = [:]
        for pair in content.nearDuplicates {
            duplicates[pair.a, default: []].append((pair.b, pair.similarity))
            duplicates[pair.b, default: []].append((pair.a, pair.similarity))
        }
        for (i, list) in duplicates {
            duplicates[i] = Array(list.sorted { ($0.similarity, $1.other) > ($1.similarity, $0.other) }.prefix(Self.shownDuplicates))
        }
        self.duplicates = duplicates

        // A neighbour that is also a near-duplicate is compared with its differences.
        var similarities: [UInt64: Double] = [:]
        for pair in content.nearDuplicates { similarities[Self.key(pair.a, pair.b)] = pair.similarity }
        var compared: [(a: Int, b: Int, similarity: Double?)] = []
        var keys = Set<UInt64>()
        func add(_ x: Int, _ y: Int) {
            let (a, b) = sequence.precedes(x, y) ? (x, y) : (y, x)
            if keys.insert(Self.key(a, b)).inserted {
                compared.append((a, b, similarities[Self.key(Swift.min(a, b), Swift.max(a, b))]))
            }
        }
        if neighbours {
            for a in reports.indices {
                if let b = sequence.nextOfType[a] { add(a, b) }
            }
        }
        for a in duplicates.keys.sorted() {
            for (b, _) in duplicates[a]! { add(a, b) }
        }
        self.compared = compared
        comparedKeys = keys
    }

    /// Whether `x` and `y` have a compare page, whichever comes first.
    func hasComparePage(_ x: Int, _ y: Int) -> Bool {
        comparedKeys.contains(Self.key(x, y)) || comparedKeys.contains(Self.key(y, x))
    }

    private static func key(_ a: Int, _ b: Int) -> UInt64 { UInt64(a) << 32 | UInt64(b) }
}
