import Foundation
import XCTest

@testable import SiteBuilder

/// The hash an export file is known by changes with any byte of it, in a row or between rows.
final class ExportHashTests: XCTestCase {
    func testEveryByteCounts() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ra-hash-\(UUID().uuidString)").path
        defer { unlink(path) }
        let text = Array("[\n{\"a\":1}\n,{\"b\":2}\n]\n".utf8)
        let rows = [2..<9, 11..<18]
        func hash(_ bytes: [UInt8]) throws -> UInt64 {
            XCTAssertTrue(StagedSite.write(bytes, to: path))
            return ExportHash.file(try ExportHash.parts(of: path, size: bytes.count, rows: rows, plan: .renderAll(rows.count)))
        }
        let original = try hash(text)
        XCTAssertEqual(try hash(text), original)
        for i in text.indices {
            var changed = text
            changed[i] ^= 0x01
            XCTAssertNotEqual(try hash(changed), original, "byte \(i)")
        }
    }
}
