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
}
