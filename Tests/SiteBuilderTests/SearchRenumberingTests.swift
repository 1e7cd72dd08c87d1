import XCTest

@testable import SiteBuilder

/// How the numbers of the search index in place become a build's: reports matched by key, the
/// kept ones in their order, the others dropped and added.
final class SearchRenumberingTests: XCTestCase {
    func testReportsAreMatchedByKeyAcrossShiftedNumbers() throws {
        // 30 gone, 99 new before 20, 60 new at the end.
        let r = try XCTUnwrap(SearchRenumbering(previous: [10, 20, 30, 40, 50], next: [10, 99, 20, 40, 50, 60]))
        XCTAssertEqual(r.new, [0, 2, -1, 3, 4])
        XCTAssertEqual(r.old, [0, -1, 1, 3, 4, -1])
        XCTAssertEqual(r.added, [1, 5])
        XCTAssertEqual(r.dropped, [2])
        XCTAssertFalse(r.keepsNumbers)
        XCTAssertEqual(r.first, 1)
        // Past old number 2, every report moves up by one.
        XCTAssertEqual(r.last, 2)
    }

    /// A report moved out of order is dropped and added: the kept ones stay ascending.
    func testAReportMovedOutOfOrderIsPostedAnew() throws {
        let r = try XCTUnwrap(SearchRenumbering(previous: [1, 2, 3, 4, 5], next: [1, 3, 4, 2, 5]))
        XCTAssertEqual(r.new, [0, -1, 1, 2, 4])
        XCTAssertEqual(r.added, [3])
        XCTAssertEqual(r.dropped, [1])
        XCTAssertEqual(r.first, 1)
        XCTAssertEqual(r.last, 3)
        XCTAssertFalse(r.keepsNumbers)
    }

    func testReportsKeptInPlaceKeepTheirNumbers() throws {
        let r = try XCTUnwrap(SearchRenumbering(previous: [1, 2, 3, 4], next: [1, 7, 3, 4, 8], unusable: [3]))
        XCTAssertTrue(r.keepsNumbers)
        XCTAssertEqual(r.added, [1, 3, 4])
        XCTAssertEqual(r.dropped, [1, 3])
        XCTAssertEqual(r.first, 1)
        XCTAssertEqual(r.last, 3)
        let same = try XCTUnwrap(SearchRenumbering(previous: [5, 6], next: [5, 6]))
        XCTAssertEqual(same.first, 2)
        XCTAssertEqual(same.last, -1)
        XCTAssertTrue(same.added.isEmpty && same.dropped.isEmpty)
        // Two old numbers with one key: not a state a build writes.
        XCTAssertNil(SearchRenumbering(previous: [1, 1], next: [2]))
    }

    /// The kept run is as long as any ascending one, and ascending.
    func testTheLongestAscendingRunIsFound() {
        var generator = SystemRandomNumberGenerator()
        func longest(_ values: [Int32]) -> Int {
            var best = [Int](repeating: 1, count: values.count)
            for i in values.indices {
                for j in 0..<i where values[j] < values[i] { best[i] = max(best[i], best[j] + 1) }
            }
            return best.max() ?? 0
        }
        for _ in 0..<300 {
            let values = (0..<Int.random(in: 0...40, using: &generator)).map { _ in Int32.random(in: 0...30, using: &generator) }
            let run = SearchRenumbering.longestAscendingRun(values)
            XCTAssertEqual(run.count, longest(values), "\(values)")
            XCTAssertTrue(zip(run, run.dropFirst()).allSatisfy { $0 < $1 && values[$0] < values[$1] }, "\(values)")
        }
        XCTAssertEqual(SearchRenumbering.longestAscendingRun([0, 1, 2, 3]), [0, 1, 2, 3])
    }

    /// A chunk of result data is made again when one of its numbers holds another report, or the
    /// count ends within or before it.
    func testChangedChunksHoldANewReportOrAnotherEnd() throws {
        let previous = (0..<10).map(UInt64.init)
        XCTAssertEqual(try XCTUnwrap(SearchRenumbering(previous: previous, next: previous)).changedChunks(of: 4), [])
        var edited = previous
        edited[5] = 99
        XCTAssertEqual(try XCTUnwrap(SearchRenumbering(previous: previous, next: edited)).changedChunks(of: 4), [1])
        XCTAssertEqual(try XCTUnwrap(SearchRenumbering(previous: previous, next: previous + [10])).changedChunks(of: 4), [2])
        XCTAssertEqual(try XCTUnwrap(SearchRenumbering(previous: previous, next: Array(previous.prefix(8)))).changedChunks(of: 4), [2])
        XCTAssertEqual(try XCTUnwrap(SearchRenumbering(previous: previous, next: [42] + previous)).changedChunks(of: 4), [0, 1, 2])
    }
}
