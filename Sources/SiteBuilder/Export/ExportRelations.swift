/// Which reports of the archive repeat which, as indices into `ArchiveContent.reports`: the exact
/// duplicate the parser found in the same source, and the near-duplicates found across the archive,
/// each report's listed both ways, most similar first.
struct ExportRelations {
    private var original: [Int: Int] = [:]
    private var near: [Int: [(Int, Double)]] = [:]

    init(_ content: ArchiveContent) {
        // A duplicate names its original by the parser's id, unique only within the source.
        let wanted = Set(content.reports.compactMap { r in r.duplicateOf.map { r.sourceFile + "\u{0}" + $0 } })
        var byID: [String: Int] = [:]
        if !wanted.isEmpty {
            for (i, r) in content.reports.enumerated() where wanted.contains(r.sourceFile + "\u{0}" + r.id) {
                byID[r.sourceFile + "\u{0}" + r.id] = i
            }
        }
        for (i, r) in content.reports.enumerated() {
            if let dup = r.duplicateOf, let j = byID[r.sourceFile + "\u{0}" + dup] { original[i] = j }
        }
        for pair in content.nearDuplicates {
            near[pair.a, default: []].append((pair.b, pair.similarity))
            near[pair.b, default: []].append((pair.a, pair.similarity))
        }
        for key in near.keys { near[key]!.sort { ($0.1, -$0.0) > ($1.1, -$1.0) } }
    }

    /// The earlier report of the same source that report `i` repeats.
    func duplicateOf(_ i: Int) -> Int? { original[i] }

    /// The reports sharing most of report `i`'s text, with the share, most similar first.
    func nearDuplicates(of i: Int) -> [(other: Int, similarity: Double)] { near[i] ?? [] }
}
