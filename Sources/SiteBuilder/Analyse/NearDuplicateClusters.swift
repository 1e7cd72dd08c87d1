/// Reports joined by near-duplicate pairs, directly or through others: the copies of one text.
public struct NearDuplicateClusters: Sendable {
    public struct Cluster: Sendable, Equatable {
        /// Indices into `ArchiveContent.reports`, ascending.
        public var members: [Int]
        /// Indices into the pairs the clusters were made from, of the pairs between its members.
        public var pairs: [Int]
    }

    /// Largest first, then by their first member.
    public var clusters: [Cluster]
    /// Report index → its cluster's index in `clusters`.
    public var clusterOf: [Int: Int]

    /// The connected components of the graph `pairs` make, found with a union–find over their
    /// endpoints: linear in the number of pairs.
    public init(_ pairs: [NearDuplicatePair]) {
        var parent: [Int: Int] = [:]
        func root(_ x: Int) -> Int {
            var x = x
            while let p = parent[x], p != x {
                let grand = parent[p] ?? p
                parent[x] = grand
                x = grand
            }
            return x
        }
        for pair in pairs {
            if parent[pair.a] == nil { parent[pair.a] = pair.a }
            if parent[pair.b] == nil { parent[pair.b] = pair.b }
            let ra = root(pair.a), rb = root(pair.b)
            // The smaller index becomes the root, so a cluster is named the same whatever the order.
            if ra != rb { parent[Swift.max(ra, rb)] = Swift.min(ra, rb) }
        }
        var byRoot: [Int: Cluster] = [:]
        for member in parent.keys { byRoot[root(member), default: Cluster(members: [], pairs: [])].members.append(member) }
        for (i, pair) in pairs.enumerated() { byRoot[root(pair.a)]!.pairs.append(i) }
        clusters = byRoot.values.map { cluster in
            var cluster = cluster
            cluster.members.sort()
            return cluster
        }.sorted { ($0.members.count, $1.members[0]) > ($1.members.count, $0.members[0]) }
        var clusterOf: [Int: Int] = [:]
        for (c, cluster) in clusters.enumerated() {
            for member in cluster.members { clusterOf[member] = c }
        }
        self.clusterOf = clusterOf
    }
}
