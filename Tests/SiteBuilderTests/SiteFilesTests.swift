import XCTest

@testable import SiteBuilder

final class SiteFilesTests: XCTestCase {
    /// Every path keeps its number as the table grows past many rehashes, and a path never added
    /// has none; paths that share a prefix, or are empty, stay apart.
    func testAPathKeepsItsNumber() {
        let table = PathTable()
        let paths = (0..<20_000).map { "reports/r\($0).html" } + ["", "reports/r1.htm", "报告/浙江.html"]
        let numbers = paths.map { table.number($0) }
        XCTAssertEqual(numbers, Array(0..<paths.count))
        XCTAssertEqual(table.count, paths.count)
        for (path, n) in zip(paths, numbers) {
            XCTAssertEqual(table.number(path), n)
            XCTAssertEqual(table.existing(path), n)
            XCTAssertEqual(table.path(n), path)
        }
        XCTAssertNil(table.existing("reports/r20000.html"))
        XCTAssertEqual(table.existing(["reports/r20000.html"] + paths), [nil] + numbers, "all at once, as one by one")
        XCTAssertEqual(table.count, paths.count, "looking up adds nothing")
        // 20,000 pages and "报告/浙江.html"; not "" nor ".htm", nor a path shorter than the suffix.
        XCTAssertEqual(table.count(numbers, hasSuffix: ".html"), 20_001)
        XCTAssertEqual(table.count([numbers[20_000], numbers[20_001]], hasSuffix: ".html"), 0)
        XCTAssertEqual(table.key(numbers[3]), ContentHash.of(Array(paths[3].utf8)))
    }

    /// Paths numbered back to back, as a saved manifest names them, get the numbers they would
    /// one at a time: a path named twice, in one batch or across batches, or already in the table,
    /// keeps its first number, and a last batch left part-full is numbered too.
    func testPathsNumberedAtOnceAsOneAtATime() {
        let table = PathTable(), single = PathTable()
        _ = [table, single].map { $0.number("index.html") }
        let paths = (0..<1_000).map { "topics/t\($0 % 700).html" } + ["index.html", "", "报告/浙江.html", "topics/t3.html"]
        var bytes: [UInt8] = [], ends: [Int] = []
        for path in paths {
            bytes += path.utf8
            ends.append(bytes.count)
        }
        let numbers = bytes.withUnsafeBytes { table.numbers($0, ends: ends) }
        XCTAssertEqual(numbers, paths.map { single.number($0) })
        XCTAssertEqual(table.count, 703)
        XCTAssertEqual(numbers.map { table.path($0) }, paths)
        XCTAssertEqual(table.existing(paths), numbers.map { $0 })
    }

    /// Files compare by path and hash, whichever tables number them; a file more or less, or
    /// another hash, makes them differ.
    func testFilesCompareByPathAcrossTables() {
        let a: SiteFiles = ["index.html": 1, "reports/a.html": 2]
        var b = SiteFiles(paths: PathTable())
        _ = b.paths.number("other.html")
        b["reports/a.html"] = 2
        b["index.html"] = 1
        XCTAssertEqual(a, b)
        XCTAssertEqual(a.count, 2)
        b["index.html"] = 0
        XCTAssertNotEqual(a, b)
        b["index.html"] = nil
        XCTAssertEqual(b.count, 1)
        XCTAssertNotEqual(a, b)
        var c = a
        c["new.html"] = 3
        c["new.html"] = nil
        XCTAssertEqual(a, c, "a file removed again leaves the same files")
    }

    /// The differences from a base name the files added or changed and those gone, also when the
    /// base is numbered in another table.
    func testDifferencesFromABase() {
        let base: SiteFiles = ["a.html": 1, "b.html": 2, "c.html": 3]
        var files = SiteFiles(paths: PathTable())
        files["b.html"] = 2
        files["c.html"] = 30
        files["d.html"] = 4
        let (changed, gone) = files.differences(from: base)
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: changed.map { (files.paths.path($0.number), $0.hash) }), ["c.html": 30, "d.html": 4])
        XCTAssertEqual(gone.map { files.paths.path($0) }, ["a.html"])
        let same = files.renumbered(in: PathTable()).differences(from: files)
        XCTAssertTrue(same.changed.isEmpty && same.gone.isEmpty)
    }
}
