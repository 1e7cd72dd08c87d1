import Foundation

/// The key files of the search index (README, "Search index format"): `terms/<s>.bin`, each key in shard
/// `fnv1a32(key) & (S − 1)` sorted by its bytes with its df and, up to 8 KiB, its postings inline;
/// a longer list in `lists/<hex>.bin` of its own, fetched only by a query that needs it.
struct SearchShards: Sendable {
    /// Postings longer than this stand in a file of their own.
    static let inlineLimit = 8 << 10
    /// The inline postings an average shard should hold: one fetch per query key stays small.
    static let shardTarget = 16 << 10
    static let minimumShards = 16

    /// Keys by the partition that holds them and their id there.
    struct Ref: Sendable {
        var partition: Int
        var id: Int
    }

    let partitions: [PostingLists]
    let count: Int
    /// Bytes of postings held inline in the shard files.
    let inline: Int

    init(_ partitions: [PostingLists]) {
        self.partitions = partitions
        var inline = 0
        for lists in partitions {
            for key in lists.keys where key.totalCount <= Self.inlineLimit { inline += key.totalCount }
        }
        self.inline = inline
        count = Self.count(inline: inline)
    }

    /// The number of shards for `inline` bytes of inline postings.
    static func count(inline: Int) -> Int {
        var count = minimumShards
        while count * shardTarget < inline { count *= 2 }
        return count
    }

    /// Each shard's keys, in no particular order.
    func grouped() -> [[Ref]] {
        var shards = [[Ref]](repeating: [], count: count)
        for (p, lists) in partitions.enumerated() {
            for (id, key) in lists.keys.enumerated() { shards[Int(key.hash) & (count - 1)].append(Ref(partition: p, id: id)) }
        }
        return shards
    }

    /// Shard `refs`' file, with the list files of its long keys handed to `putList`.
    func file(_ refs: [Ref], putList: (_ key: ArraySlice<UInt8>, _ postings: [UInt8]) -> Void) throws -> [UInt8] {
        let sorted = refs.sorted { a, b in
            partitions[a.partition].key(a.id).lexicographicallyPrecedes(partitions[b.partition].key(b.id))
        }
        var out: [UInt8] = []
        Self.u32(UInt32(sorted.count), into: &out)
        var postings: [UInt8] = []
        for ref in sorted {
            let lists = partitions[ref.partition]
            let key = lists.key(ref.id)
            let record = lists.keys[ref.id]
            out.append(UInt8(key.count))
            out += key
            Varint.append(Int(record.df), to: &out)
            postings.removeAll(keepingCapacity: true)
            try lists.postings(ref.id, into: &postings)
            if postings.count > Self.inlineLimit {
                out.append(1)
                putList(key, postings)
            } else {
                out.append(0)
                Varint.append(postings.count, to: &out)
                out += postings
            }
        }
        return out
    }

    static func u32(_ value: UInt32, into out: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { out += $0 }
    }
}
