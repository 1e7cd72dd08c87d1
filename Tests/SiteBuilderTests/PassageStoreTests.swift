import Foundation
import XCTest

@testable import SiteBuilder

final class PassageStoreTests: XCTestCase {
    func folder() -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ra-passages-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        return folder
    }

    func testWhatIsAppendedFromManyThreadsReadsBack() throws {
        let store = try PassageStore(creatingIn: folder(), token: "T")
        let spans = ResultSlots<Range<Int>?>(count: 200)
        DispatchQueue.concurrentPerform(iterations: 200) { i in spans.set(i, store.append(Array("报告\(i)的段落\n".utf8))) }
        for (i, span) in spans.values.enumerated() {
            XCTAssertEqual(store.read(try XCTUnwrap(span)).map { String(decoding: $0, as: UTF8.self) }, "报告\(i)的段落\n")
        }
        XCTAssertNil(store.append([]), "nothing to keep, no span")
        XCTAssertNil(store.failure)
    }

    /// A reused record's passages move to the new build's store; the old store goes once it is not needed.
    func testCarryCopiesIntoTheNewStoreAndOldStoresAreRemoved() throws {
        let folder = folder()
        let old = try PassageStore(creatingIn: folder, token: "A")
        _ = old.append(Array("前面的报告".utf8))
        let span = try XCTUnwrap(old.append(Array("学前教育的段落".utf8)))
        let report = ListedReport(slug: "a-1", id: "a-01", sourceFile: "a.txt", position: 1, title: nil, listedTitle: nil, issuer: nil,
                                  region: .init(), year: nil, docType: .other, complete: true, signedDate: nil, publishedDate: nil,
                                  topics: [], sections: [], passages: span)
        let record = SourceRecord(name: "a.txt", slug: "a", hash: 1, key: 2, error: nil, reports: [report], files: [])
        let new = try PassageStore(creatingIn: folder, token: "B")
        let carried = try XCTUnwrap(new.carry(record, from: PassageStore(in: folder, token: "A")))
        XCTAssertEqual(new.read(try XCTUnwrap(carried.reports[0].passages)), Array("学前教育的段落".utf8))
        XCTAssertNil(new.carry(record, from: nil), "passages that cannot be read: the source is parsed again")
        new.removeOthers()
        XCTAssertNil(PassageStore(in: folder, token: "A"))
        XCTAssertNotNil(PassageStore(in: folder, token: "B"))
        new.remove()
        XCTAssertNil(PassageStore(in: folder, token: "B"))
    }

    /// A store extending the last one keeps its spans without copying them, appends after them, and
    /// leaves the last one's bytes as they were; a store mostly of dead passages is not extended.
    func testAnExtendingStoreKeepsTheLastStoresSpans() throws {
        let folder = folder()
        let old = try PassageStore(creatingIn: folder, token: "A")
        let span = try XCTUnwrap(old.append(Array("学前教育的段落".utf8)))
        let report = ListedReport(slug: "a-1", id: "a-01", sourceFile: "a.txt", position: 1, title: nil, listedTitle: nil, issuer: nil,
                                  region: .init(), year: nil, docType: .other, complete: true, signedDate: nil, publishedDate: nil,
                                  topics: [], sections: [], passages: span)
        let record = SourceRecord(name: "a.txt", slug: "a", hash: 1, key: 2, error: nil, reports: [report], files: [])
        let previous = try XCTUnwrap(PassageStore(in: folder, token: "A"))
        let new = try XCTUnwrap(PassageStore(extending: previous, token: "B", live: span.count))
        let carried = try XCTUnwrap(new.carry(record, from: previous))
        XCTAssertEqual(carried.reports[0].passages, span, "not copied")
        let added = try XCTUnwrap(new.append(Array("新的段落".utf8)))
        XCTAssertEqual(added.lowerBound, span.upperBound)
        XCTAssertEqual(new.read(added), Array("新的段落".utf8))
        XCTAssertEqual(previous.read(span), Array("学前教育的段落".utf8))
        new.removeOthers()
        XCTAssertNil(PassageStore(in: folder, token: "A"))
        XCTAssertEqual(try XCTUnwrap(PassageStore(in: folder, token: "B")).read(span), Array("学前教育的段落".utf8))

        let big = try PassageStore(creatingIn: folder, token: "C")
        _ = big.append([UInt8](repeating: 0x41, count: 3 << 20))
        XCTAssertNil(PassageStore(extending: big, token: "D", live: 100), "mostly dead: copied afresh instead")
    }

    func testEncodedPassagesReadBackByTopicAsOneLineOfHTMLEach() throws {
        let awkward = TopicPassage(topic: 0, text: "新建\t<幼儿园>\n12所\\N\r", marks: [8..<17])
        let bytes = TopicPassage.encode([
            (anchor: "s1-2", passages: [awkward, TopicPassage(topic: 13, text: "安全", marks: [0..<6])]),
            (anchor: "s2", passages: [TopicPassage(topic: 0, text: "…无标记", marks: [])]),
        ])
        XCTAssertEqual(bytes.filter { $0 == 0x0A }.count, 3, "a line a passage")
        let preschool = TopicPassage.fragments(bytes, topic: 0)
        XCTAssertEqual(preschool.map(\.anchor), ["s1-2", "s2"])
        XCTAssertEqual(preschool.map(\.html), ["新建&#9;&lt;<mark>幼儿园</mark>&gt;&#10;12所\\N&#13;", "…无标记"])
        XCTAssertEqual(TopicPassage.fragments(bytes, topic: 13).map(\.html), ["<mark>安全</mark>"])
        XCTAssertEqual(TopicPassage.fragments(bytes, topic: 1).count, 0, "13 is not 1")
        XCTAssertEqual(TopicPassage.fragments(Array("0 s1\tx\n\n0\ts1".utf8), topic: 0).count, 0, "lines that do not read")
    }
}
