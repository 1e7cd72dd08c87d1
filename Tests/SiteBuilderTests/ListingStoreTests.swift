import Foundation
import XCTest

@testable import SiteBuilder

final class ListingStoreTests: XCTestCase {
    static let outlined = ListedReport(
        slug: "a-1", id: "a-01", sourceFile: "a.txt", position: 1, title: nil, listedTitle: nil, issuer: nil, region: .init(), year: nil,
        docType: .other, complete: true, signedDate: nil, publishedDate: nil, topics: [0],
        sections: [.init(anchor: "s1", depth: 0, number: "一、", heading: "学前教育", topics: [0],
                         figures: [.init(phrase: "新建幼儿园", written: "12所", value: 12, unit: "所")]),
                   .init(anchor: "s1-1", depth: 1, number: "（一）", heading: "保教质量", topics: [])],
        figures: [.init(phrase: "普惠率", written: "91.17%", value: 91.17, unit: "%")])

    func folder() -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ra-listing-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        return folder
    }

    func testWhatIsAppendedFromManyThreadsReadsBack() throws {
        let store = try ListingStore(creatingIn: folder(), token: "T")
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
        let old = try ListingStore(creatingIn: folder, token: "A")
        _ = old.append(Array("前面的报告".utf8))
        let span = try XCTUnwrap(old.append(Array("学前教育的段落".utf8)))
        let report = ListedReport(slug: "a-1", id: "a-01", sourceFile: "a.txt", position: 1, title: nil, listedTitle: nil, issuer: nil,
                                  region: .init(), year: nil, docType: .other, complete: true, signedDate: nil, publishedDate: nil,
                                  topics: [], sections: [], passages: span)
        let record = SourceRecord(name: "a.txt", slug: "a", hash: 1, key: 2, error: nil, reports: [report], files: [])
        let new = try ListingStore(creatingIn: folder, token: "B")
        let carried = try XCTUnwrap(new.carry(record, from: ListingStore(in: folder, token: "A")))
        XCTAssertEqual(new.read(try XCTUnwrap(carried.reports[0].passages)), Array("学前教育的段落".utf8))
        XCTAssertNil(new.carry(record, from: nil), "passages that cannot be read: the source is parsed again")
        var outlined = record
        outlined.reports = [Self.outlined]
        new.put(&outlined.reports[0], passages: [])
        XCTAssertNil(try ListingStore(creatingIn: folder, token: "C").carry(outlined, from: nil), "nor an outline")
        let older = folder.appendingPathComponent("passages-Z.bin")  // as versions that kept only passages named it
        try Data().write(to: older)
        new.removeOthers()
        XCTAssertNil(ListingStore(in: folder, token: "A"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: older.path))
        XCTAssertNotNil(ListingStore(in: folder, token: "B"))
        new.remove()
        XCTAssertNil(ListingStore(in: folder, token: "B"))
    }

    /// A store extending the last one keeps its spans without copying them, appends after them, and
    /// leaves the last one's bytes as they were; a store mostly of dead passages is not extended.
    func testAnExtendingStoreKeepsTheLastStoresSpans() throws {
        let folder = folder()
        let old = try ListingStore(creatingIn: folder, token: "A")
        let span = try XCTUnwrap(old.append(Array("学前教育的段落".utf8)))
        let report = ListedReport(slug: "a-1", id: "a-01", sourceFile: "a.txt", position: 1, title: nil, listedTitle: nil, issuer: nil,
                                  region: .init(), year: nil, docType: .other, complete: true, signedDate: nil, publishedDate: nil,
                                  topics: [], sections: [], passages: span)
        let record = SourceRecord(name: "a.txt", slug: "a", hash: 1, key: 2, error: nil, reports: [report], files: [])
        let previous = try XCTUnwrap(ListingStore(in: folder, token: "A"))
        let new = try XCTUnwrap(ListingStore(extending: previous, token: "B", live: span.count))
        let carried = try XCTUnwrap(new.carry(record, from: previous))
        XCTAssertEqual(carried.reports[0].passages, span, "not copied")
        let added = try XCTUnwrap(new.append(Array("新的段落".utf8)))
        XCTAssertEqual(added.lowerBound, span.upperBound)
        XCTAssertEqual(new.read(added), Array("新的段落".utf8))
        XCTAssertEqual(previous.read(span), Array("学前教育的段落".utf8))
        new.removeOthers()
        XCTAssertNil(ListingStore(in: folder, token: "A"))
        XCTAssertEqual(try XCTUnwrap(ListingStore(in: folder, token: "B")).read(span), Array("学前教育的段落".utf8))

        let big = try ListingStore(creatingIn: folder, token: "C")
        _ = big.append([UInt8](repeating: 0x41, count: 3 << 20))
        XCTAssertNil(ListingStore(extending: big, token: "D", live: 100), "mostly dead: copied afresh instead")
    }

    /// The sources step moves a report's outline to the store beside its passages: the listing keeps
    /// where it lies, its hash and counts, and reads it back as it was, with the passages in one read.
    func testAnOutlinePutInTheStoreReadsBackAsItWas() throws {
        let store = try ListingStore(creatingIn: folder(), token: "T")
        _ = store.append(Array("前面的字节".utf8))
        let held = Self.outlined
        var report = held
        store.put(&report, passages: Array("学前教育的段落\n".utf8))
        guard case .stored(let stored) = report.outline else { return XCTFail("the outline stays in memory") }
        XCTAssertEqual(report.passages?.upperBound, stored.span.lowerBound, "side by side")
        XCTAssertEqual(report.outlineHash, held.outlineHash)
        XCTAssert(report.outlineCounts == (2, 2))
        let (outline, passages) = store.read(report)
        XCTAssertEqual(outline.sections, held.sections)
        XCTAssertEqual(outline.figures, held.figures)
        XCTAssertEqual(passages, Array("学前教育的段落\n".utf8))
        XCTAssertEqual(report.outline(in: store), held.outline.held)
        XCTAssertEqual(store.read(report, passages: false).passages, nil)

        var plain = held
        plain.sections = []
        plain.figures = []
        store.put(&plain, passages: Array("段落".utf8))
        XCTAssertEqual(plain.outline, .held(.empty), "an empty outline is not stored")
        XCTAssertEqual(store.read(plain).passages, Array("段落".utf8))
        var bare = held
        store.put(&bare, passages: [])
        XCTAssertNil(bare.passages)
        XCTAssertEqual(store.outline(of: bare).sections, held.sections)
        XCTAssertNil(store.failure)
    }

    /// A store made afresh copies a reused record's outline too; one whose bytes are not what the
    /// record says is not trusted (the source is parsed again).
    func testCarryCopiesOutlinesAndChecksThem() throws {
        let folder = folder()
        let old = try ListingStore(creatingIn: folder, token: "A")
        var report = Self.outlined
        old.put(&report, passages: Array("段落".utf8))
        var record = SourceRecord(name: "a.txt", slug: "a", hash: 1, key: 2, error: nil, reports: [report], files: [])
        let new = try ListingStore(creatingIn: folder, token: "B")
        _ = new.append(Array("别的报告".utf8))
        let carried = try XCTUnwrap(new.carry(record, from: old))
        XCTAssertNotEqual(carried.reports[0].outline, report.outline, "copied to a span of its own")
        XCTAssertEqual(new.outline(of: carried.reports[0]).sections, Self.outlined.sections)
        XCTAssertEqual(new.read(carried.reports[0]).passages, Array("段落".utf8))
        XCTAssertEqual(carried.reports[0].outlineHash, report.outlineHash)

        guard case .stored(var stored) = report.outline else { return XCTFail() }
        stored.hash ^= 1
        record.reports[0].outline = .stored(stored)
        XCTAssertNil(new.carry(record, from: old), "bytes other than the record's")
        XCTAssertNil(new.failure)
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
