import Foundation
import TestSupport
import XCTest

@testable import SiteBuilder

/// Posting lists moved to the scratch file part by part read back, and make shard files, exactly as
/// lists held in memory throughout.
final class PostingSpillTests: XCTestCase {
    /// The same postings appended to two sets of lists, one of them spilled every few reports
    /// (budget 1: every call spills), so a key's list runs across many chunks.
    func testSpilledListsEqualListsKeptInMemory() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        var random = SeededGenerator(seed: 15)
        // A few keys in nearly every report (long lists, files of their own), many in a few.
        let keys: [[UInt8]] = (0..<600).map { k in Array("k\(k)".utf8) }
        var kept = PostingLists(), spilled = PostingLists()
        var spills = 0
        for number in 0..<12000 {
            let some = Set((0..<5).map { _ in Int.random(in: 4..<keys.count, using: &random) })
            for k in [0, 1, 2, 3] + some.sorted() {
                let key = keys[k]
                let bits = UInt8.random(in: 0..<16, using: &random)
                let hash = SearchKey.hash(key)
                key.withUnsafeBufferPointer {
                    kept.append(key: $0, hash: hash, number: number, bits: bits)
                    spilled.append(key: $0, hash: hash, number: number, bits: bits)
                }
            }
            if Int.random(in: 0..<300, using: &random) == 0 {
                try spilled.spill(over: 1, in: folder)
                spills += 1
            }
        }
        defer {
            kept.free()
            spilled.free()
        }
        XCTAssertGreaterThan(spills, 20)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [], "the scratch file has no name")

        XCTAssertEqual(kept.count, spilled.count)
        for id in 0..<kept.count {
            var a: [UInt8] = [], b: [UInt8] = []
            try kept.postings(id, into: &a)
            try spilled.postings(id, into: &b)
            XCTAssertFalse(a.isEmpty)
            XCTAssertTrue(a == b, "key \(String(decoding: kept.key(id), as: UTF8.self)): \(b.count) bytes read back, \(a.count) appended")
            XCTAssertEqual(spilled.keys[id].totalCount, a.count)
        }

        let inMemory = SearchShards([kept]), fromSpill = SearchShards([spilled])
        XCTAssertEqual(inMemory.inline, fromSpill.inline)
        XCTAssertEqual(inMemory.count, fromSpill.count)
        var lists = 0
        for (a, b) in zip(inMemory.grouped(), fromSpill.grouped()) {
            var listsA: [[UInt8]: [UInt8]] = [:], listsB: [[UInt8]: [UInt8]] = [:]
            XCTAssertTrue(try inMemory.file(a) { listsA[Array($0)] = $1 } == fromSpill.file(b) { listsB[Array($0)] = $1 }, "shard files equal")
            XCTAssertTrue(listsA == listsB, "list files equal")
            lists += listsA.count
        }
        XCTAssertGreaterThan(lists, 0, "some lists are long enough for files of their own")
    }
}
