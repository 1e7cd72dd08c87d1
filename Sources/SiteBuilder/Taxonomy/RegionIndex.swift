import ReportModel
import ReportParser

/// The region hierarchy the reports fill: province > prefecture > county, with counts.
/// A report sits at the deepest level its text names; when a lower level is hidden
/// (xx区 under 杭州市) it is listed there with a label saying so.
public struct RegionIndex: Sendable {
    public struct Node: Sendable {
        public var key: String
        public var name: String
        public var rank: Int
        public var parent: String?
        public var children: [String] = []
        /// Reports whose deepest known level is this node, with the label for a hidden lower level.
        public var reports: [(report: Int, label: String?)] = []
        /// Reports here and below.
        public var total = 0
    }

    public static let unknownKey = "unknown"
    public private(set) var nodes: [String: Node] = [:]
    /// Provinces in code order, then the unknown bucket when used.
    public private(set) var roots: [String] = []

    /// - Parameter keys: the reports', in list order; node report lists keep that order.
    init(_ keys: ListedKeys, gazetteer: Gazetteer) {
        // Each code's reports gathered first, then its chain added once for all of them: an
        // archive has a few thousand codes, so a lookup a report, not one a level of its chain.
        var unknown = keys.regions.indices.filter { keys.regions[$0] < 0 }
        for (code, members) in zip(keys.codes, keys.byRegion) {
            guard let path = Self.chain(to: code, gazetteer: gazetteer) else {
                unknown += members
                continue
            }
            add(members.map { ($0, Self.hiddenLabel(level: keys.levels[$0], at: path.last!)) }, to: path)
        }
        if !unknown.isEmpty { add(unknown.map { ($0, nil) }, to: [Self.unknownKeyNode()]) }
        // Codes that end at one node (those the gazetteer does not know all end at the unknown
        // bucket) add their reports apart: list order again.
        for (key, node) in nodes where zip(node.reports, node.reports.dropFirst()).contains(where: { $0.report > $1.report }) {
            nodes[key]!.reports.sort { $0.report < $1.report }
        }
        for key in nodes.keys { nodes[key]!.children.sort() }
        roots = nodes.values.filter { $0.parent == nil && $0.key != Self.unknownKey }.map(\.key).sorted()
        if nodes[Self.unknownKey] != nil { roots.append(Self.unknownKey) }
    }

    /// The reports of every region below `key`, not its own, in list order.
    func reports(below key: String) -> [Int] {
        var out: [Int] = []
        var stack = nodes[key]!.children
        while let next = stack.popLast() {
            out += nodes[next]!.reports.map(\.report)
            stack += nodes[next]!.children
        }
        return out.sorted()
    }

    /// Province > prefecture > county nodes down to `code`; nil when the gazetteer does not know it.
    /// A report's page finds its breadcrumb here without the index: every place on the chain of a
    /// listed report is a node of the index.
    static func chain(to code: String?, gazetteer: Gazetteer) -> [Node]? {
        guard let code, var place = gazetteer.place(code: code) else { return nil }
        var chain = [place]
        while let parent = gazetteer.parent(of: place) {
            chain.insert(parent, at: 0)
            place = parent
        }
        return chain.map { Node(key: $0.code, name: $0.name, rank: $0.rank.rawValue, parent: $0.parentCode) }
    }

    private static func unknownKeyNode() -> Node {
        Node(key: unknownKey, name: Vocabulary.unknownRegion, rank: 1, parent: nil)
    }

    private mutating func add(_ reports: [(report: Int, label: String?)], to path: [Node]) {
        for (depth, node) in path.enumerated() {
            if nodes[node.key] == nil {
                nodes[node.key] = node
                if let parent = node.parent, depth > 0 { nodes[parent]!.children.append(node.key) }
            }
            nodes[node.key]!.total += reports.count
        }
        nodes[path.last!.key]!.reports += reports
    }

    /// `地区未知（县级）` when a 区-level report sits at a prefecture (its own name hidden), and so
    /// on: the one unknown-region label, for a level below the deepest one named.
    static func hiddenLabel(level: String?, at node: Node) -> String? {
        Vocabulary.hiddenPart(level: level, rank: node.rank)
    }

    /// Province > prefecture > county names from the root to `key`.
    public func trail(to key: String) -> [Node] {
        var out: [Node] = []
        var current = nodes[key]
        while let node = current {
            out.insert(node, at: 0)
            current = node.parent.flatMap { nodes[$0] }
        }
        return out
    }
}
