import XCTest

@testable import SiteBuilder

final class ContentHashTests: XCTestCase {
    /// The build reuses a file when its hash is unchanged, so any edit must change the hash:
    /// one flipped bit anywhere, a byte more or less, zeros at the end.
    func testEverySmallEditChangesTheHash() {
        var generator = SystemRandomNumberGenerator()
        for length in [0, 1, 7, 8, 9, 15, 16, 17, 100, 4096] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let hash = ContentHash.of(bytes)
            XCTAssertEqual(ContentHash.of(bytes), hash, "the same bytes, the same hash")
            XCTAssertEqual(ContentHash.of(AnySequence(bytes)), hash, "a sequence hashes like an array")
            XCTAssertNotEqual(ContentHash.of(bytes + [0]), hash, "a trailing zero byte, length \(length)")
            if length > 0 {
                XCTAssertNotEqual(ContentHash.of(Array(bytes.dropLast())), hash)
                for position in Set([0, length / 2, length - 1]) {
                    for bit in 0..<8 {
                        var edited = bytes
                        edited[position] ^= 1 << bit
                        XCTAssertNotEqual(ContentHash.of(edited), hash, "bit \(bit) of byte \(position) of \(length)")
                    }
                }
            }
        }
        XCTAssertNotEqual(ContentHash.combine([1, 2]), ContentHash.combine([2, 1]), "order matters")
    }
}
