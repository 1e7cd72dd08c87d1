import XCTest

@testable import SiteBuilder

/// Banding finds the pairs it should and no others, in time and pairs linear in the archive.
final class NearDuplicateFinderTests: XCTestCase {
    /// A fixed xorshift generator: the same signatures on every run.
    private struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
        mutating func chance(_ p: Double) -> Bool { Double(next() % 1_000_000) < p * 1_000_000 }
    }

    /// `unrelated` random signatures, then `pairs` pairs whose second agrees with the first at each
    /// place with probability `similarity`.
    private func signatures(unrelated: Int, pairs: Int, similarity: Double) -> (all: [[UInt16]?], planted: [(Int, Int)]) {
        var random = Random(state: 0x9E37_79B9_7F4A_7C15)
        func fresh() -> [UInt16] { (0..<MinHash.size).map { _ in UInt16(truncatingIfNeeded: random.next()) } }
        var all: [[UInt16]?] = (0..<unrelated).map { _ in fresh() }
        var planted: [(Int, Int)] = []
        for _ in 0..<pairs {
            let a = fresh()
            let b = a.map { random.chance(similarity) ? $0 : UInt16(truncatingIfNeeded: random.next()) }
            planted.append((all.count, all.count + 1))
            all += [a, b]
        }
        return (all, planted)
    }

    func testEveryPairPlantedAtSimilarity08IsFoundAndNothingElse() {
        let (all, planted) = signatures(unrelated: 5_000, pairs: 100, similarity: 0.8)
        let found = NearDuplicateFinder.pairs(all)
        XCTAssertEqual(found.map { [$0.a, $0.b] }, planted.map { [$0.0, $0.1] })
        for pair in found { XCTAssertEqual(pair.similarity, 0.8, accuracy: 0.15) }
    }

    func testNoPairBelow03IsReturned() {
        let (all, _) = signatures(unrelated: 1_000, pairs: 100, similarity: 0.3)
        XCTAssertEqual(NearDuplicateFinder.pairs(all), [])
    }

    func testReportsWithoutSignaturesAreLeftOut() {
        let (all, _) = signatures(unrelated: 0, pairs: 1, similarity: 1)
        XCTAssertEqual(NearDuplicateFinder.pairs([nil] + all + [nil]).map { [$0.a, $0.b] }, [[1, 2]])
        XCTAssertEqual(NearDuplicateFinder.pairs([all[0], nil]), [])
    }

    /// A thousand copies of one boilerplate text: each is paired with the next `bucketWindow` only,
    /// so the pairs grow linearly, and they still make one cluster.
    func testAThousandIdenticalReportsMakeLinearlyManyPairsAndOneCluster() {
        let one = (0..<MinHash.size).map { UInt16($0) }
        let found = NearDuplicateFinder.pairs(Array(repeating: one, count: 1_000))
        XCTAssertLessThanOrEqual(found.count, 1_000 * NearDuplicateFinder.bucketWindow)
        XCTAssertGreaterThanOrEqual(found.count, 999)
        XCTAssertTrue(found.allSatisfy { $0.similarity == 1 && $0.a < $0.b })
        XCTAssertEqual(found, found.sorted { ($0.a, $0.b) < ($1.a, $1.b) }, "sorted by a, then b")
        let clusters = NearDuplicateClusters(found).clusters
        XCTAssertEqual(clusters.map(\.members), [Array(0..<1_000)])
    }

    /// Bands whose top bits are equal but which differ below stay apart, each run in index order,
    /// as a full sort leaves them.
    func testBandsAreGroupedAsAFullSortGroupsThem() {
        var random = Random(state: 0x2545_F491_4F6C_DD1D)
        let entries = (0..<5_000).map { i -> UInt64 in
            (random.next() % 3) << 48 | (random.next() % 7) << 24 | UInt64(i)
        }
        XCTAssertEqual(NearDuplicateFinder.groupedByBand(entries), entries.sorted())
    }

    func testClustersAreConnectedComponentsLargestFirst() {
        let pairs = [NearDuplicatePair(a: 0, b: 5, similarity: 0.9), NearDuplicatePair(a: 2, b: 3, similarity: 0.6),
                     NearDuplicatePair(a: 3, b: 7, similarity: 0.7), NearDuplicatePair(a: 5, b: 9, similarity: 0.8),
                     NearDuplicatePair(a: 1, b: 4, similarity: 0.5), NearDuplicatePair(a: 2, b: 7, similarity: 0.55)]
        let clusters = NearDuplicateClusters(pairs)
        XCTAssertEqual(clusters.clusters.map(\.members), [[0, 5, 9], [2, 3, 7], [1, 4]])
        XCTAssertEqual(clusters.clusters.map(\.pairs), [[0, 3], [1, 2, 5], [4]])
        XCTAssertEqual(clusters.clusterOf[9], 0)
        XCTAssertNil(clusters.clusterOf[6])
    }

    /// An archive with every case an update meets: unrelated reports, planted pairs, reports without
    /// signatures, and boilerplate crowding buckets past a window: 75 reports sharing their first 68
    /// places (17 bands, each a bucket of all of them), so that only the window decides which of
    /// them are paired, and a bucket of one report more than a window's worth.
    private func archive(_ random: inout Random) -> [[UInt16]?] {
        func fresh() -> [UInt16] { (0..<MinHash.size).map { _ in UInt16(truncatingIfNeeded: random.next()) } }
        let boilerplate = fresh(), edge = fresh()
        var all: [[UInt16]?] = []
        for i in 0..<400 {
            if i % 8 == 0 {
                all.append(nil)
            } else if i % 8 == 1 {
                all.append(fresh())
            } else if i % 8 == 2 {
                all.append(all.last!!.map { random.chance(0.75) ? $0 : UInt16(truncatingIfNeeded: random.next()) })
            } else if i % 4 == 3, i < 300 {
                all.append(Array(boilerplate.prefix(68)) + fresh().dropFirst(68))
            } else if i % 8 == 4, i / 8 < NearDuplicateFinder.bucketWindow + 2 {
                all.append(Array(edge.prefix(4)) + fresh().dropFirst(4))
            } else {
                all.append(fresh())
            }
        }
        return all
    }

    /// Random edits, each a run of reports replaced, inserted or removed, the state updated from the
    /// last one each time: the update finds what a search from scratch finds, pairs and crowded
    /// buckets alike, and takes the update's way, not the fallback.
    func testAnUpdateAfterAnEditFindsWhatASearchFromScratchFinds() {
        var random = Random(state: 0x5851_F42D_4C95_7F2D)
        var signatures = archive(&random)
        var state = NearDuplicateState(finding: signatures, previous: nil)
        XCTAssertFalse(state.crowded.isEmpty)
        XCTAssertTrue(state.crowded.contains { $0.members.count == NearDuplicateFinder.bucketWindow + 2 })
        XCTAssertGreaterThan(state.pairs.count, 1_000)
        for round in 0..<60 {
            let start = Int(random.next() % UInt64(signatures.count))
            let length = Int(random.next() % 4)
            let end = min(signatures.count, start + length)
            // A run's reports: copies of others (into or out of a crowded bucket), fresh ones, or none.
            let added = Int(random.next() % 4)
            var run: [[UInt16]?] = []
            for _ in 0..<added {
                switch random.next() % 4 {
                case 0: run.append(nil)
                case 1: run.append((0..<MinHash.size).map { _ in UInt16(truncatingIfNeeded: random.next()) })
                default: run.append(signatures[Int(random.next() % UInt64(signatures.count))].map { s in
                    s.enumerated().map { $0.offset < 68 || random.chance(0.5) ? $0.element : UInt16(truncatingIfNeeded: random.next()) }
                })
                }
            }
            signatures.replaceSubrange(start..<end, with: run)
            let scratch = NearDuplicateState(finding: signatures, previous: nil)
            let updated = state.updated(to: signatures, identities: signatures.map(NearDuplicateState.identity))
            XCTAssertNotNil(updated, "round \(round)")
            XCTAssertEqual(updated?.pairs, scratch.pairs, "round \(round)")
            XCTAssertEqual(updated?.crowded, scratch.crowded, "round \(round)")
            XCTAssertEqual(updated?.pairs, NearDuplicateFinder.pairs(signatures), "round \(round)")
            state = updated ?? scratch
        }
    }

    /// The state reads back equal only with its token; a file cut short or with bytes changed is no
    /// state, and a build without one searches from scratch.
    func testASavedStateIsReadBackOnlyWhole() throws {
        var random = Random(state: 0x1405_7B7E_F767_814F)
        let signatures = archive(&random)
        let state = NearDuplicateState(finding: signatures, previous: nil)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("near-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try state.save(token: "t", to: folder)
        XCTAssertEqual(NearDuplicateState.load(from: folder, token: "t"), state)
        XCTAssertNil(NearDuplicateState.load(from: folder, token: "other"))
        let url = folder.appendingPathComponent(NearDuplicateState.fileName)
        let bytes = try Data(contentsOf: url)
        try bytes.dropLast(3).write(to: url)
        XCTAssertNil(NearDuplicateState.load(from: folder, token: "t"))
        // The last pair's second report past the archive's end.
        var broken = state
        broken.pairs[broken.pairs.count - 1].b = signatures.count
        try broken.save(token: "t", to: folder)
        XCTAssertNil(NearDuplicateState.load(from: folder, token: "t"))
        // A crowded bucket out of order.
        broken = state
        broken.crowded[0].members.swapAt(0, 1)
        try broken.save(token: "t", to: folder)
        XCTAssertNil(NearDuplicateState.load(from: folder, token: "t"))
        // Most reports changed: found from scratch.
        let other = archive(&random)
        XCTAssertNil(state.updated(to: other, identities: other.map(NearDuplicateState.identity)))
        XCTAssertEqual(NearDuplicateState(finding: other, previous: state), NearDuplicateState(finding: other, previous: nil))
    }
}
