import Foundation
import ReportModel
import ReportParser
import XCTest

@testable import SiteBuilder

/// The classifier against sections labelled by hand (`Fixtures/topics/sections.tsv`, whose header
/// gives the labelling rule): micro-averaged precision and recall over (section, topic) pairs.
final class TopicFixtureTests: XCTestCase {
    struct Label {
        var source: String
        var report: Int
        var anchor: String
        var heading: String
        var topics: Set<String>
        var part: String
    }

    func testPrecisionAndRecallOnTheLabelledSections() throws {
        let root = SiteFixture.repository
        let labels = try Self.labels(root.appendingPathComponent("Tests/SiteBuilderTests/Fixtures/topics/sections.tsv"))
        XCTAssertGreaterThanOrEqual(labels.count, 150)
        let topics = try SiteConfig.load(root.appendingPathComponent("archive.toml").path).topics
        let classifier = TopicClassifier(topics: topics)
        let parser = ReportParser()
        var filed: [String: [Int: [String: (heading: String, topics: Set<String>)]]] = [:]
        for source in Set(labels.map(\.source)).sorted() {
            let bytes = try XCTUnwrap(FileManager.default.contents(atPath: root.appendingPathComponent(source).path))
            let parsed = try parser.parse(bytes: [UInt8](bytes), source: source)
            for (i, report) in parsed.reports.enumerated() {
                var archived = ArchivedReport(report: report, sourceFile: source, sourceSlug: "s", position: i + 1, slug: "s-\(i + 1)",
                                              sections: [], topics: [], setByHand: [])
                archived.classify(with: classifier)
                for entry in archived.sections {
                    filed[source, default: [:]][i + 1, default: [:]][entry.anchor] = (entry.section.fullHeading, Set(entry.topics.map { topics[$0].slug }))
                }
            }
        }
        var counts: [String: (tp: Int, fp: Int, fn: Int)] = [:]
        var misses: [String: [String]] = [:]
        for label in labels {
            let got = try XCTUnwrap(filed[label.source]?[label.report]?[label.anchor], "\(label.source) \(label.report) \(label.anchor): no such section")
            XCTAssertEqual(got.heading, label.heading, "\(label.source) \(label.report) \(label.anchor): the parse moved; relabel")
            for part in [label.part, "all"] {
                var c = counts[part] ?? (0, 0, 0)
                c.tp += got.topics.intersection(label.topics).count
                c.fp += got.topics.subtracting(label.topics).count
                c.fn += label.topics.subtracting(got.topics).count
                counts[part] = c
            }
            for t in label.topics.subtracting(got.topics) { misses[t, default: []].append("missed \(label.anchor) \(label.heading)") }
            for t in got.topics.subtracting(label.topics) { misses[t, default: []].append("extra \(label.anchor) \(label.heading)") }
        }
        func figures(_ part: String) -> (precision: Double, recall: Double) {
            let c = counts[part]!
            return (Double(c.tp) / Double(c.tp + c.fp), Double(c.tp) / Double(c.tp + c.fn))
        }
        for part in ["tune", "check", "all"] {
            let f = figures(part)
            print(String(format: "topics %@: precision %.3f, recall %.3f (%d true, %d extra, %d missed)",
                         part, f.precision, f.recall, counts[part]!.tp, counts[part]!.fp, counts[part]!.fn))
        }
        let byTopic = misses.keys.sorted().map { "\($0): \(misses[$0]!.count) — \(misses[$0]!.prefix(6).joined(separator: "; "))" }.joined(separator: "\n")
        let all = figures("all")
        XCTAssertGreaterThanOrEqual(all.precision, 0.9, byTopic)
        XCTAssertGreaterThanOrEqual(all.recall, 0.9, byTopic)
    }

    static func labels(_ file: URL) throws -> [Label] {
        try String(contentsOf: file, encoding: .utf8).split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#") else { return nil }
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 6, let report = Int(f[1]) else { throw CocoaError(.fileReadCorruptFile) }
            return Label(source: f[0], report: report, anchor: f[2], heading: f[3],
                         topics: f[4] == "-" ? [] : Set(f[4].split(separator: ",").map(String.init)), part: f[5])
        }
    }
}
