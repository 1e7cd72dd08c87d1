import Foundation

/// What the next build needs to find the near duplicates of an archive after an edit by comparing
/// only the reports whose signatures are new (`NearDuplicateUpdate`): each report's signature as
/// a hash, the pairs found among them, and the crowded buckets, whose windows a report coming or
/// going shifts. Kept in `.archive-cache/near-duplicates.state`, trusted only with the records'
/// token. Each part is an array (`CacheArrays`):
///
///     [version, parameters]  token  signatures  pairs (a, b, agreement)  crowded (keys, members)
struct NearDuplicateState: Sendable, Equatable {
    static let fileName = "near-duplicates.state"
    static let version: UInt64 = 1
    /// The search's settings: a state found with others is not used.
    static let parameters = UInt64(MinHash.size) << 48 | UInt64(NearDuplicateFinder.rows) << 32
        | UInt64(NearDuplicateFinder.bucketWindow) << 16 | UInt64(NearDuplicateFinder.needed)

    /// Per report, `identity(of:)` its signature.
    var signatures: [UInt64]
    /// Sorted by `a`, then `b`, as `NearDuplicateFinder.pairs` returns them.
    var pairs: [NearDuplicatePair]
    /// The buckets of more than `bucketWindow + 1` reports, by key: in those alone a report's
    /// candidates are not all its bucket.
    var crowded: [NearDuplicateFinder.Bucket]

    init(signatures: [UInt64], pairs: [NearDuplicatePair], crowded: [NearDuplicateFinder.Bucket]) {
        self.signatures = signatures
        self.pairs = pairs
        self.crowded = crowded
    }

    /// A signature's bytes hashed, odd; 0 for a report without one.
    static func identity(of signature: [UInt16]?) -> UInt64 {
        guard let signature, signature.count == MinHash.size else { return 0 }
        return signature.withUnsafeBytes { ContentHash.of($0) } | 1
    }

    /// The state saved with `token`; nil when there is none, it belongs to another build or it
    /// does not hold together.
    static func load(from folder: URL, token: String) -> NearDuplicateState? {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(fileName).path) else { return nil }
        var reader = CacheArrays.Reader(data: data)
        guard let head = reader.array(of: UInt64.self), head == [version, parameters],
              let savedToken = reader.array(of: UInt8.self), savedToken.elementsEqual(token.utf8),
              let signatures = reader.array(of: UInt64.self),
              let a = reader.array(of: UInt32.self), let b = reader.array(of: UInt32.self), let agreement = reader.array(of: UInt8.self),
              let keys = reader.array(of: UInt64.self), let members = reader.lists(of: UInt32.self), reader.atEnd,
              a.count == b.count, a.count == agreement.count, keys.count == members.count else { return nil }
        let count = UInt32(signatures.count)
        // Pairs in order and within the reports, buckets by key and each in index order: the update relies on both.
        guard zip(a, b).allSatisfy({ $0 < $1 && $1 < count }),
              zip(zip(a, b), zip(a, b).dropFirst()).allSatisfy({ ($0.0, $0.1) < ($1.0, $1.1) }),
              zip(keys, keys.dropFirst()).allSatisfy({ $0 < $1 }),
              (0..<members.count).allSatisfy({ list in
                  let list = members[list]
                  return list.count > NearDuplicateFinder.bucketWindow + 1 && list.last! < count && zip(list, list.dropFirst()).allSatisfy { $0 < $1 }
              }) else { return nil }
        return NearDuplicateState(
            signatures: signatures,
            pairs: a.indices.map { NearDuplicatePair(a: Int(a[$0]), b: Int(b[$0]), similarity: Double(agreement[$0]) / Double(MinHash.size)) },
            crowded: keys.indices.map { NearDuplicateFinder.Bucket(key: keys[$0], members: members[$0].map { Int($0) }) })
    }

    func save(token: String, to folder: URL) throws {
        var out = CacheArrays()
        out.append([Self.version, Self.parameters])
        out.append(Array(token.utf8))
        out.append(signatures)
        out.append(pairs.map { UInt32($0.a) })
        out.append(pairs.map { UInt32($0.b) })
        out.append(pairs.map { UInt8(($0.similarity * Double(MinHash.size)).rounded()) })
        var members = NumberedLists<UInt32>()
        for bucket in crowded { members.append(bucket.members.map { UInt32($0) }) }
        out.append(crowded.map(\.key))
        out.append(members)
        try CacheFile.replace(folder.appendingPathComponent(Self.fileName), with: out.bytes)
    }
}
