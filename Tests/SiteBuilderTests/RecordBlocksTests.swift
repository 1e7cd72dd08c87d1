import Foundation
import XCTest

@testable import SiteBuilder

final class RecordBlocksTests: XCTestCase {
    private func file(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ra-blocks-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        try Data(text.utf8).write(to: url)
        return url.path
    }

    private func blocks(_ path: String, size: Int) throws -> [String] {
        let reader = try XCTUnwrap(RecordBlocks(path: path, size: size))
        var out: [String] = []
        while let block = reader.next() { out.append(String(decoding: block, as: UTF8.self)) }
        XCTAssertFalse(reader.failed)
        return out
    }

    func testBlocksEndBeforeASourceLineAndTogetherAreTheFile() throws {
        let records = (0..<40).map { "source\ts\($0).txt\tslug\t1\t2\nreport\t工作总结\($0)\nfile\tsourced/source\t3\n" }
        let text = "build\tT\n" + records.joined()
        let blocks = try blocks(try file(text), size: 100)
        XCTAssertGreaterThan(blocks.count, 5)
        XCTAssertEqual(blocks.joined(), text)
        XCTAssertTrue(blocks[0].hasPrefix("build\tT\nsource\t"))
        for block in blocks.dropFirst() { XCTAssertTrue(block.hasPrefix("source\t"), block) }
        // A `source` inside a line is not a record's start.
        for block in blocks.dropLast() { XCTAssertTrue(block.hasSuffix("\n"), block) }
    }

    func testARecordLongerThanABlockStaysWhole() throws {
        let long = "source\tlong.txt\tslug\t1\t2\n" + String(repeating: "section\ts1\t0\t一、\t标题\t\n", count: 50)
        let text = "build\tT\nsource\ta.txt\tslug\t1\t2\n" + long + "source\tb.txt\tslug\t1\t2\n"
        let blocks = try blocks(try file(text), size: 64)
        XCTAssertEqual(blocks.joined(), text)
        XCTAssertTrue(blocks.contains { $0.hasPrefix(long) }, "\(blocks)")
    }

    func testAMissingFileGivesNoReader() {
        XCTAssertNil(RecordBlocks(path: "/nonexistent/ra-blocks"))
    }
}
