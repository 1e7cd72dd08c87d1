import ReportModel

/// Per report, what the list order, the indexes and the region sequences sort and group by, read
/// out of the listings in one pass: the listings lie all over memory, and each pass over them
/// waited on it more than it computed.
struct ListedKeys: Sendable {
    /// nil for undated.
    var years: [Int?]
    /// The rank of the report's region code among `codes`; -1 for none.
    var regions: [Int32]
    /// The region codes the reports have, ascending.
    var codes: [String]
    /// The rank of the report's type in `DocType.allCases`.
    var types: [UInt8]
    /// The level its text names (`Region.level`), for the labels of the region index.
    var levels: [String?]
    var topics: NumberedLists<Int32>

    init(_ reports: [ListedReport]) {
        years = []
        regions = []
        types = []
        levels = []
        topics = NumberedLists()
        years.reserveCapacity(reports.count)
        regions.reserveCapacity(reports.count)
        types.reserveCapacity(reports.count)
        levels.reserveCapacity(reports.count)
        topics.reserveCapacity(reports.count, elements: 4)
        // Each code numbered as first met, then the numbers ranked.
        var numbers: [String: Int32] = [:]
        for i in reports.indices {
            years.append(reports[i].year)
            types.append(Self.typeRank[reports[i].docType]!)
            levels.append(reports[i].region.level)
            topics.append(reports[i].topics.lazy.map { Int32($0) })
            if let code = reports[i].region.code {
                if let number = numbers[code] {
                    regions.append(number)
                } else {
                    regions.append(Int32(numbers.count))
                    numbers[code] = Int32(numbers.count)
                }
            } else {
                regions.append(-1)
            }
        }
        let ranked = numbers.sorted { $0.key < $1.key }
        var ranks = [Int32](repeating: 0, count: ranked.count)
        for (rank, entry) in ranked.enumerated() { ranks[Int(entry.value)] = Int32(rank) }
        for i in regions.indices where regions[i] >= 0 { regions[i] = ranks[Int(regions[i])] }
        codes = ranked.map(\.key)
    }

    /// The keys of the reports in `order`, given as indices into these.
    func permuted(_ order: [Int]) -> ListedKeys {
        var out = self
        out.years = order.map { years[$0] }
        out.regions = order.map { regions[$0] }
        out.types = order.map { types[$0] }
        out.levels = order.map { levels[$0] }
        out.topics = NumberedLists()
        out.topics.reserveCapacity(order.count, elements: topics.elements.count / max(1, order.count) + 1)
        for i in order { out.topics.append(topics[i]) }
        return out
    }

    /// Each region code's reports, by the code's rank, in the order of these keys.
    var byRegion: [[Int]] {
        var out = [[Int]](repeating: [], count: codes.count)
        for i in regions.indices where regions[i] >= 0 { out[Int(regions[i])].append(i) }
        return out
    }

    static let typeRank = Dictionary(uniqueKeysWithValues: DocType.allCases.enumerated().map { ($1, UInt8($0)) })
}
