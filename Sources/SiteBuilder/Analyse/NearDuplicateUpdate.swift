/// The near duplicates of an archive found from the last build's (`NearDuplicateState`) when its
/// signatures differ from the last build's in one run of reports (an edited, added or removed
/// source): the pairs are those `NearDuplicateFinder.pairs` finds, in the same order, but only the
/// buckets of the run's reports are gathered and only their candidates checked.
///
/// Two reports outside the run keep their candidacy, hence their pair, unless the run changed a
/// crowded bucket both are in: there a report coming or going moves the window each member is
/// paired within, so those buckets' candidates of either side are decided anew.
extension NearDuplicateState {
    /// The state of `signatures`: updated from `previous` when it allows, else found anew.
    init(finding signatures: [[UInt16]?], previous: NearDuplicateState?) {
        let identities = signatures.map(Self.identity)
        if let previous, let updated = previous.updated(to: signatures, identities: identities) {
            self = updated
        } else {
            let found = NearDuplicateFinder.found(signatures)
            self.init(signatures: identities, pairs: found.pairs, crowded: found.crowded.sorted { $0.key < $1.key })
        }
    }

    /// This state brought to `signatures`; nil when more than a few reports changed.
    func updated(to signatures: [[UInt16]?], identities: [UInt64]) -> NearDuplicateState? {
        let old = self.signatures
        let (n, m) = (identities.count, old.count)
        guard n < 1 << 24 else { return nil }
        var p = 0
        while p < min(n, m), old[p] == identities[p] { p += 1 }
        var s = 0
        while s < min(n, m) - p, old[m - 1 - s] == identities[n - 1 - s] { s += 1 }
        // The run: new reports `changed` in the place of the old `removed`; those after it move by `shift`.
        let changed = p..<(n - s), removed = p..<(m - s), shift = n - m
        guard changed.count + removed.count <= max(64, n / 16) else { return nil }
        if changed.isEmpty, removed.isEmpty { return self }
        func mapped(_ i: Int) -> Int? { i < p ? i : i >= removed.upperBound ? i + shift : nil }
        let window = NearDuplicateFinder.bucketWindow

        // Every member of the buckets the run's reports are in now, and of the crowded ones before.
        let gathered = Self.buckets(of: changed, in: signatures)
        var lists: [UInt64: [Int]] = [:]
        for bucket in crowded { lists[bucket.key] = bucket.members.compactMap(mapped) }
        for (key, members) in gathered { lists[key] = members }
        let before = Dictionary(uniqueKeysWithValues: crowded.map { ($0.key, $0.members) })

        // Pairs of two reports outside the run whose candidacy may have changed: those of a bucket
        // changed by the run and crowded before or now, on either side.
        var redecided: [UInt64] = []
        func outside(_ pair: UInt64) -> Bool { !changed.contains(Int(pair >> 32)) && !changed.contains(Int(pair & 0xFFFF_FFFF)) }
        for (key, members) in lists {
            let old = before[key]
            guard gathered[key] != nil || old?.contains(where: removed.contains) == true,
                  old != nil || members.count > window + 1 else { continue }
            var now: [UInt64] = [], then: [UInt64] = []
            NearDuplicateFinder.windowPairs(members.map { UInt64($0) }, into: &now)
            redecided += now.filter(outside)
            if let old {
                NearDuplicateFinder.windowPairs(old.map { UInt64($0) }, into: &then)
                redecided += then.compactMap { pair in
                    mapped(Int(pair >> 32)).flatMap { a in mapped(Int(pair & 0xFFFF_FFFF)).map { UInt64(a) << 32 | UInt64($0) } }
                }
            } else {
                // At most a window's worth before: every two of its members were candidates.
                let kept = members.filter { !changed.contains($0) }
                for (i, a) in kept.enumerated() { redecided += kept[(i + 1)...].map { UInt64(a) << 32 | UInt64($0) } }
            }
        }
        redecided = Self.distinct(redecided)
        // Those still candidates, and the run's own candidates.
        var checked = redecided.filter { Self.candidates(Int($0 >> 32), Int($0 & 0xFFFF_FFFF), signatures, lists) }
        var run: [UInt64] = []
        for members in gathered.values { NearDuplicateFinder.windowPairs(members.map { UInt64($0) }, into: &run) }
        checked += run.filter { !outside($0) }
        var pairs: [NearDuplicatePair] = []
        for pair in Self.distinct(checked) {
            let (a, b) = (Int(pair >> 32), Int(pair & 0xFFFF_FFFF))
            let agree = signatures[a]!.withUnsafeBufferPointer { a in signatures[b]!.withUnsafeBufferPointer { MinHash.agreement(a, $0) } }
            if agree >= NearDuplicateFinder.needed { pairs.append(NearDuplicatePair(a: a, b: b, similarity: Double(agree) / Double(MinHash.size))) }
        }
        // The other pairs of two reports outside the run are as they were.
        let decided = Set(redecided)
        for pair in self.pairs {
            guard let a = mapped(pair.a), let b = mapped(pair.b), !decided.contains(UInt64(a) << 32 | UInt64(b)) else { continue }
            pairs.append(NearDuplicatePair(a: a, b: b, similarity: pair.similarity))
        }
        pairs.sort { ($0.a, $0.b) < ($1.a, $1.b) }
        let crowded = lists.filter { $0.value.count > window + 1 }
            .map { NearDuplicateFinder.Bucket(key: $0.key, members: $0.value) }.sorted { $0.key < $1.key }
        return NearDuplicateState(signatures: identities, pairs: pairs, crowded: crowded)
    }

    /// The buckets the signed reports of `run` are in, each with all its members in index order:
    /// every band of every report is compared with theirs, through a bit table that turns most away.
    private static func buckets(of run: Range<Int>, in signatures: [[UInt16]?]) -> [UInt64: [Int]] {
        var found: [UInt64: [Int]] = [:]
        let mask: UInt64 = 1 << 20 - 1
        var table = [UInt64](repeating: 0, count: 1 << 14)
        for i in run {
            guard let signature = signatures[i], signature.count == MinHash.size else { continue }
            signature.withUnsafeBufferPointer { signature in
                for band in 0..<NearDuplicateFinder.bands {
                    let key = NearDuplicateFinder.bandKey(signature, band)
                    found[UInt64(band) << 40 | key] = []
                    table[Int(key & mask) >> 6] |= 1 << (key & 63)
                }
            }
        }
        guard !found.isEmpty else { return [:] }
        table.withUnsafeBufferPointer { table in
            for i in signatures.indices {
                guard let signature = signatures[i], signature.count == MinHash.size else { continue }
                signature.withUnsafeBufferPointer { signature in
                    for band in 0..<NearDuplicateFinder.bands {
                        let key = NearDuplicateFinder.bandKey(signature, band)
                        guard table[Int(key & mask) >> 6] & 1 << (key & 63) != 0 else { continue }
                        found[UInt64(band) << 40 | key]?.append(i)
                    }
                }
            }
        }
        return found
    }

    /// Whether `a` and `b` (`a < b`) are candidates: in some band they share a bucket, which is at
    /// most a window's worth or has them within a window of each other. `lists` holds every
    /// crowded bucket.
    private static func candidates(_ a: Int, _ b: Int, _ signatures: [[UInt16]?], _ lists: [UInt64: [Int]]) -> Bool {
        signatures[a]!.withUnsafeBufferPointer { sa in
            signatures[b]!.withUnsafeBufferPointer { sb in
                (0..<NearDuplicateFinder.bands).contains { band in
                    let key = NearDuplicateFinder.bandKey(sa, band)
                    guard key == NearDuplicateFinder.bandKey(sb, band) else { return false }
                    guard let members = lists[UInt64(band) << 40 | key], members.count > NearDuplicateFinder.bucketWindow + 1 else { return true }
                    return position(of: b, in: members) - position(of: a, in: members) <= NearDuplicateFinder.bucketWindow
                }
            }
        }
    }

    /// Where `member` is in the ascending `members`, found by halving.
    private static func position(of member: Int, in members: [Int]) -> Int {
        var (low, high) = (0, members.count)
        while low < high {
            let middle = (low + high) / 2
            if members[middle] < member { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private static func distinct(_ values: [UInt64]) -> [UInt64] {
        var values = values
        values.sort()
        var out: [UInt64] = []
        for v in values where v != out.last { out.append(v) }
        return out
    }
}
