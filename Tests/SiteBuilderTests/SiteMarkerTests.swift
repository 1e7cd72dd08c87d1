import XCTest

@testable import SiteBuilder

final class SiteMarkerTests: XCTestCase {
    /// The same files give the same id however they were put; another hash, a file more or less, or
    /// two files' bytes swapped give another.
    func testTheIdDependsOnEveryFileAndOnNothingElse() {
        let paths = (0..<500).map { "reports/r\($0).html" }
        var forward = SiteFiles(), backward = SiteFiles()
        backward.paths.reserve(10_000)
        _ = backward.paths.number("index.html")  // another table: other numbers
        for (i, path) in paths.enumerated() { forward[path] = UInt64(i) }
        for (i, path) in paths.enumerated().reversed() { backward[path] = UInt64(i) }
        let id = SiteMarker.id(of: forward)
        XCTAssertEqual(SiteMarker.id(of: backward), id)

        var changed = forward
        changed["reports/r7.html"] = 1000
        var more = forward
        more["index.html"] = 0
        var fewer = forward
        fewer["reports/r0.html"] = nil
        var swapped = forward
        (swapped["reports/r1.html"], swapped["reports/r2.html"]) = (2, 1)
        let others = [changed, more, fewer, swapped].map { SiteMarker.id(of: $0) }
        XCTAssertEqual(Set(others + [id]).count, 5, "\(others)")
    }
}
