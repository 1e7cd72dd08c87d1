import ReportModel

/// Each region's reports in the order a reader follows them through time, for the "上一篇 / 下一篇"
/// links of a report page: by year (undated last), then type (summaries before plans, as
/// `DocType.allCases` lists them), then list order; reports without a region code are in none.
public struct RegionSequence: Sendable {
    /// Report index → the reports just before and after it in its region; nil at either end.
    public var previous: [Int?]
    public var next: [Int?]
    /// Report index → the nearest reports of its own type before and after it in its region: a
    /// county's summary and the summary of its next year, with that year's plan between them.
    public var previousOfType: [Int?]
    public var nextOfType: [Int?]
    /// Report index → its year (undated: `Int.max`) and its type's rank: what `precedes` compares,
    /// read once, so that comparing two reports reads neither listing.
    private var years: [Int]
    private var types: [Int]

    /// - Parameter keys: the reports', in list order.
    init(_ keys: ListedKeys) {
        previous = Array(repeating: nil, count: keys.years.count)
        next = previous
        previousOfType = previous
        nextOfType = previous
        years = keys.years.map { $0 ?? Int.max }
        types = keys.types.map { Int($0) }
        for var members in keys.byRegion where members.count > 1 {
            members.sort(by: precedes)
            var lastOfType = [Int?](repeating: nil, count: DocType.allCases.count)
            for (k, b) in members.enumerated() {
                if k > 0 {
                    next[members[k - 1]] = b
                    previous[b] = members[k - 1]
                }
                if let a = lastOfType[types[b]] {
                    nextOfType[a] = b
                    previousOfType[b] = a
                }
                lastOfType[types[b]] = b
            }
        }
    }

    /// Year (undated after every year), then type, then list order: a total order on the indices
    /// of the reports the sequence was made from, which are in list order. It also orders the two
    /// reports of a compare page.
    public func precedes(_ a: Int, _ b: Int) -> Bool {
        (years[a], types[a], a) < (years[b], types[b], b)
    }

    /// `precedes(_:_:)` for a caller without the sequence, read from the listings.
    public static func precedes(_ reports: [ListedReport], _ a: Int, _ b: Int) -> Bool {
        let ya = reports[a].year ?? Int.max, yb = reports[b].year ?? Int.max
        if ya != yb { return ya < yb }
        let ta = ListedKeys.typeRank[reports[a].docType]!, tb = ListedKeys.typeRank[reports[b].docType]!
        if ta != tb { return ta < tb }
        return a < b
    }
}
