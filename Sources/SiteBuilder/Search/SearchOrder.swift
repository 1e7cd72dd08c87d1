/// The numbers reports carry in the search index: region order (the site's region index, by code;
/// in one region newest year first, unknown year last, then by id), reports of no known region
/// last. Every region node then covers one range of numbers, so the browser's region filter is a
/// range test and its counts need no data of their own.
struct SearchOrder: Sendable {
    /// A region node and the numbers of the reports in it and below it.
    struct Range: Sendable {
        var code: String
        var name: String
        var start: Int
        var end: Int
        var children: [Range] = []
    }

    /// Per number, the report's index in `ArchiveContent.reports`.
    private(set) var reports: [Int] = []
    /// Per number, the label of a lower level its region hides (`地区未知（县级）` under 杭州市).
    private(set) var hiddenLabels: [String?] = []
    /// Provinces with their direct children, then the unknown region when used.
    private(set) var regions: [Range] = []

    init(_ content: ArchiveContent) {
        let index = content.regions
        for root in index.roots {
            let node = index.nodes[root]!
            var range = Range(code: root == RegionIndex.unknownKey ? "" : root, name: node.name, start: reports.count, end: 0)
            add(node, content)
            for child in node.children {
                var childRange = Range(code: child, name: index.nodes[child]!.name, start: reports.count, end: 0)
                addTree(child, content)
                childRange.end = reports.count
                range.children.append(childRange)
            }
            range.end = reports.count
            regions.append(range)
        }
    }

    private mutating func addTree(_ key: String, _ content: ArchiveContent) {
        let node = content.regions.nodes[key]!
        add(node, content)
        for child in node.children { addTree(child, content) }
    }

    /// A report of a node with what orders it, read once, so that comparing two touches no report.
    private struct Place {
        var year: Int
        var id: String
        var slug: String
        var report: Int
        var label: String?
    }

    /// A node's own reports: newest year first, unknown year last, then by id.
    private mutating func add(_ node: RegionIndex.Node, _ content: ArchiveContent) {
        let own = node.reports.map { entry in
            let report = content.reports[entry.report]
            return Place(year: report.year ?? Int.min, id: report.id, slug: report.slug, report: entry.report, label: entry.label)
        }.sorted { a, b in
            if a.year != b.year { return a.year > b.year }
            if a.id != b.id { return a.id.utf8.lexicographicallyPrecedes(b.id.utf8) }
            return a.slug.utf8.lexicographicallyPrecedes(b.slug.utf8)
        }
        for place in own {
            reports.append(place.report)
            hiddenLabels.append(place.label)
        }
    }
}
