import Foundation

/// Finds the pairs of reports that share most of their text, across the whole archive, in time
/// linear in its size: MinHash signatures are cut into bands, reports whose band is equal become
/// candidates (locality-sensitive hashing), and each candidate is kept when its whole signatures
/// agree in at least `threshold` of their places.
///
/// 32 bands of 4 places make a pair a candidate with probability 1 − (1 − s⁴)³²: 0.87 at a
/// similarity s of 0.5, 0.99 at 0.6 and 1 − 5·10⁻⁸ at 0.8, but 0.23 at 0.3 and 0.003 at 0.1, so
/// unrelated reports seldom even reach the check.
public enum NearDuplicateFinder {
    static let rows = 4
    static let bands = MinHash.size / rows
    /// "Most of their text": at 0.5, half of all shingles of the two are common to both, i.e. about
    /// two thirds of each text when the two are of a size.
    public static let threshold = 0.5
    /// The places two signatures must agree in to reach `threshold`.
    static let needed = Int((threshold * Double(MinHash.size)).rounded(.up))
    /// Reports sharing one band are paired with at most this many that follow them: 1,000 copies of
    /// one boilerplate text make 32,000 candidates, not 500,000, and still one chain (one cluster).
    static let bucketWindow = 32

    /// The reports that share one band's key, in index order.
    struct Bucket: Sendable, Equatable {
        /// The band's number in the bits above 40, its key (`bandKey`) below.
        var key: UInt64
        var members: [Int]
    }

    /// Every pair of `signatures` (nil: a report without one) whose estimated similarity is at
    /// least `threshold`, sorted by `a`, then `b`.
    public static func pairs(_ signatures: [[UInt16]?]) -> [NearDuplicatePair] {
        found(signatures).pairs
    }

    /// `pairs(_:)`, with the bands more reports share than a window spans (`NearDuplicateState.crowded`).
    static func found(_ signatures: [[UInt16]?]) -> (pairs: [NearDuplicatePair], crowded: [Bucket]) {
        precondition(signatures.count < 1 << 24, "a report's index must fit the low 24 bits of a band entry")
        let signed = signatures.indices.filter { signatures[$0]?.count == MinHash.size }
        guard signed.count > 1 else { return ([], []) }
        // One flat buffer, signature after signature: reading 32 bands out of an array of arrays
        // retained and released each signature 32 times.
        var flat: [UInt16] = []
        flat.reserveCapacity(signed.count * MinHash.size)
        for i in signed { flat += signatures[i]! }
        let perBand = ResultSlots<(candidates: [UInt64], crowded: [Bucket])>(count: bands)
        let shared = UncheckedBox((signed, flat))  // only read
        DispatchQueue.concurrentPerform(iterations: bands) { band in
            perBand.set(band, bandCandidates(band, signed: shared.value.0, shared.value.1))
        }
        let banded = perBand.values
        var candidates = banded.flatMap(\.candidates)
        candidates.sort()
        // Report index → where its signature starts in `flat`.
        var starts = [Int](repeating: 0, count: signatures.count)
        for (k, i) in signed.enumerated() { starts[i] = k * MinHash.size }
        // The candidates checked in parts on all cores, each run of equal ones by the part it starts in.
        let parts = 16
        let found = ResultSlots<[NearDuplicatePair]>(count: parts)
        let checked = UncheckedBox((candidates, flat, starts))  // only read
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            found.set(part, confirmed(checked.value.0, part: part, of: parts, flat: checked.value.1, starts: checked.value.2))
        }
        return (found.values.flatMap { $0 }, banded.flatMap(\.crowded))
    }

    /// The pairs among part `part` of the sorted `candidates` whose signatures agree in at least
    /// `threshold` of their places.
    private static func confirmed(_ candidates: [UInt64], part: Int, of parts: Int, flat: [UInt16], starts: [Int]) -> [NearDuplicatePair] {
        func boundary(_ part: Int) -> Int {
            var k = candidates.count * part / parts
            while k > 0, k < candidates.count, candidates[k] == candidates[k - 1] { k += 1 }
            return k
        }
        var out: [NearDuplicatePair] = []
        var last: UInt64?
        flat.withUnsafeBufferPointer { flat in
            for pair in candidates[boundary(part)..<boundary(part + 1)] where pair != last {
                last = pair
                let a = Int(pair >> 32), b = Int(pair & 0xFFFF_FFFF)
                let agree = MinHash.agreement(UnsafeBufferPointer(rebasing: flat[starts[a]..<starts[a] + MinHash.size]),
                                              UnsafeBufferPointer(rebasing: flat[starts[b]..<starts[b] + MinHash.size]))
                if agree >= needed { out.append(NearDuplicatePair(a: a, b: b, similarity: Double(agree) / Double(MinHash.size))) }
            }
        }
        return out
    }

    /// The candidate pairs one band gives, each `a << 32 | b` with `a < b`, and its crowded
    /// buckets: the band's key (`bandKey`) in the top 40 bits with the report's index in the low
    /// 24, so that equal bands are runs of reports in index order. `flat` holds the signatures of
    /// the `signed` reports one after another.
    static func bandCandidates(_ band: Int, signed: [Int], _ flat: [UInt16]) -> (candidates: [UInt64], crowded: [Bucket]) {
        let entries = flat.withUnsafeBufferPointer { flat in
            signed.indices.map { k -> UInt64 in
                bandKey(UnsafeBufferPointer(rebasing: flat[k * MinHash.size..<(k + 1) * MinHash.size]), band) << 24 | UInt64(signed[k])
            }
        }
        let grouped = groupedByBand(entries)
        var out: [UInt64] = []
        var crowded: [Bucket] = []
        var start = 0
        while start < grouped.count {
            let key = grouped[start] >> 24
            var end = start + 1
            while end < grouped.count, grouped[end] >> 24 == key { end += 1 }
            let members = grouped[start..<end].lazy.map { $0 & (1 << 24 - 1) }
            windowPairs(members, into: &out)
            if end - start > bucketWindow + 1 { crowded.append(Bucket(key: UInt64(band) << 40 | key, members: members.map { Int($0) })) }
            start = end
        }
        return (out, crowded)
    }

    /// Adds the candidates of one bucket, its members in index order: each with the `bucketWindow`
    /// that follow it, as `a << 32 | b`.
    static func windowPairs<C: RandomAccessCollection>(_ members: C, into out: inout [UInt64]) where C.Element == UInt64, C.Index == Int {
        for p in members.indices {
            for q in (p + 1)..<Swift.min(members.endIndex, p + 1 + bucketWindow) {
                out.append(members[p] << 32 | members[q])
            }
        }
    }

    /// Band `band` of a signature as a 40-bit key: its four places packed into 64 bits and hashed.
    /// Reports share a bucket of the band when their keys are equal.
    static func bandKey(_ signature: UnsafeBufferPointer<UInt16>, _ band: Int) -> UInt64 {
        var key: UInt64 = 0
        for r in 0..<rows { key = key << 16 | UInt64(signature[band * rows + r]) }
        return MinHash.Sketch.mix(key ^ UInt64(band)) >> 24
    }

    /// `entries` with equal bands side by side, each run in index order: filed by their top 16
    /// bits (one counting pass, which keeps the index order), then each file sorted, which for
    /// hashed bands is one or two entries: linear, where sorting all entries was not.
    static func groupedByBand(_ entries: [UInt64]) -> [UInt64] {
        var starts = [Int](repeating: 0, count: 1 << 16 + 1)
        for e in entries { starts[Int(e >> 48) + 1] += 1 }
        for f in 0..<(1 << 16) { starts[f + 1] += starts[f] }
        var filed = [UInt64](repeating: 0, count: entries.count)
        var next = starts
        for e in entries {
            let f = Int(e >> 48)
            filed[next[f]] = e
            next[f] += 1
        }
        filed.withUnsafeMutableBufferPointer { filed in
            for f in 0..<(1 << 16) where starts[f + 1] - starts[f] > 1 {
                var file = UnsafeMutableBufferPointer(rebasing: filed[starts[f]..<starts[f + 1]])
                file.sort()
            }
        }
        return filed
    }
}
