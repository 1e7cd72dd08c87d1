import Foundation
import ReportModel
import XCTest

@testable import ReportParser

/// Checks the parser against the hand-labelled truth about the seed sources (Fixtures/seeds.json).
final class GoldenTests: XCTestCase {
    struct Golden: Decodable {
        struct File: Decodable {
            var file: String
            var kind: String
            var collection_title: String?
            var listed_count: Int
            var present_count: Int
            var published: String?
            var duplicates: [[Int]]?
            var reports: [GoldenReport]
            var noise: [String]?
            var not_headings: [String]?
        }
        struct GoldenReport: Decodable {
            var title: String
            var issuer: String?
            var region: [String: String?]
            var year_accept: [Int?]
            var doc_type: String
            var period: String?
            var signed_date: String?
            var complete: Bool
            var top_headings: [String]
            var second_level_count: Int?
            var must_contain: [String]?
            var not_headings: [String]?
        }
        var files: [File]
    }

    /// One labelled set: the seeds (sources in `content/`, truth in Fixtures/seeds.json), and each
    /// `Fixtures/wild/<set>.json` with its sources in `Fixtures/wild/<set>/`: reports written in the
    /// shapes real pages take, to test the parser on text it was not tuned on.
    struct LabelledSet {
        var name: String
        var golden: Golden
        var folder: URL
    }

    static let sets: [LabelledSet] = {
        let fixtures = TestPaths.root.appendingPathComponent("Tests/ReportParserTests/Fixtures")
        var sets = [LabelledSet(name: "seeds", golden: load(fixtures.appendingPathComponent("seeds.json")),
                                folder: TestPaths.root.appendingPathComponent("content"))]
        let wild = fixtures.appendingPathComponent("wild")
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: wild.path)) ?? []).sorted() where name.hasSuffix(".json") {
            let set = String(name.dropLast(5))
            sets.append(LabelledSet(name: "wild/\(set)", golden: load(wild.appendingPathComponent(name)),
                                    folder: wild.appendingPathComponent(set)))
        }
        return sets
    }()

    private static func load(_ url: URL) -> Golden {
        do {
            return try JSONDecoder().decode(Golden.self, from: Data(contentsOf: url))
        } catch {
            fatalError("\(url.path): \(error)")
        }
    }

    /// Every labelled file parsed, by "<set>/<file>".
    static let parsed: [String: Source] = {
        var out: [String: Source] = [:]
        for set in sets {
            for file in set.golden.files {
                // The name as a user's content folder would give it: a title may stand only there.
                out["\(set.name)/\(file.file)"] = try! ReportParser().parse(file: set.folder.appendingPathComponent(file.file).path,
                                                                               displayName: file.file)
            }
        }
        return out
    }()

    private func each(_ check: (Golden.File, Source) throws -> Void) rethrows {
        for set in Self.sets {
            for var file in set.golden.files {
                let key = "\(set.name)/\(file.file)"
                file.file = key
                try check(file, Self.parsed[key]!)
            }
        }
    }

    private func eachReport(_ check: (Golden.GoldenReport, Report, String) throws -> Void) rethrows {
        try each { file, source in
            for (i, golden) in file.reports.enumerated() where i < source.reports.count {
                try check(golden, source.reports[i], "\(file.file) report \(i + 1)")
            }
        }
    }

    /// Each labelled set holds what its file says, so a label file cannot go unread.
    func testEveryLabelledSetIsRead() {
        XCTAssertEqual(Self.sets.first?.name, "seeds")
        for set in Self.sets {
            XCTAssertFalse(set.golden.files.isEmpty, set.name)
            for file in set.golden.files {
                XCTAssertTrue(FileManager.default.fileExists(atPath: set.folder.appendingPathComponent(file.file).path), "\(set.name): \(file.file)")
                XCTAssertEqual(file.reports.count, file.present_count, "\(set.name)/\(file.file): one label a report present")
            }
        }
    }

    func testSourceShape() {
        each { file, source in
            XCTAssertEqual(source.kind.rawValue, file.kind, file.file)
            XCTAssertEqual(source.listedCount, file.listed_count, file.file)
            XCTAssertEqual(source.presentCount, file.present_count, file.file)
            if let title = file.collection_title { XCTAssertEqual(source.collectionTitle, title, file.file) }
            if let published = file.published {
                XCTAssertTrue(source.reports.allSatisfy { $0.publishedDate == published }, file.file)
            }
        }
    }

    func testTitlesAreFound() {
        eachReport { golden, report, at in
            XCTAssertTrue(report.title == golden.title || report.listedTitle == golden.title,
                          "\(at): expected \(golden.title), got \(report.title ?? "nil") / \(report.listedTitle ?? "nil")")
        }
    }

    func testCompleteness() {
        eachReport { golden, report, at in
            XCTAssertEqual(report.complete, golden.complete, "\(at): \(report.incompleteReason ?? "")")
        }
    }

    func testTopHeadingsExactly() {
        eachReport { golden, report, at in
            XCTAssertEqual(report.sections.filter { $0.level == 1 }.map(\.fullHeading), golden.top_headings, at)
            if let n = golden.second_level_count {
                XCTAssertEqual(report.sections.flatMap(\.children).filter { $0.level == 2 }.count, n, at)
            }
        }
    }

    func testRegionNullWhereHiddenEqualWhereNamed() {
        eachReport { golden, report, at in
            let parsed = ["province": report.region.province, "prefecture": report.region.prefecture,
                          "county": report.region.county, "level": report.region.level]
            for (key, value) in golden.region {
                XCTAssertEqual(parsed[key] ?? nil, value, "\(at): region.\(key)")
            }
        }
    }

    func testYearWithinAccepted() {
        eachReport { golden, report, at in
            XCTAssertTrue(golden.year_accept.contains(report.year), "\(at): year \(report.year.map(String.init) ?? "null") not in \(golden.year_accept)")
        }
    }

    func testDocTypeIssuerPeriodAndSignedDate() {
        eachReport { golden, report, at in
            XCTAssertEqual(report.docType.rawValue, golden.doc_type, at)
            XCTAssertEqual(report.issuer, golden.issuer, "\(at): issuer")
            if let period = golden.period { XCTAssertEqual(report.period, period, at) }
            if let date = golden.signed_date { XCTAssertEqual(report.signedDate, date, at) }
        }
    }

    func testBodiesKeepTextAcrossPageMarkersAndWraps() {
        eachReport { golden, report, at in
            // Body text read straight through, so a phrase a heading boundary splits still reads whole.
            let body = report.bodyText.replacingOccurrences(of: "\n", with: "")
            for phrase in golden.must_contain ?? [] {
                XCTAssertTrue(body.contains(phrase), "\(at): missing \(phrase)")
            }
        }
    }

    func testNoNoiseInAnyBodyOrTitle() {
        each { file, source in
            for noise in file.noise ?? [] {
                for report in source.reports {
                    // A two-character noise word (栏目, a site's column label) also occurs in real sentences
                    // (11个栏目): for those, only a paragraph that is or starts with it is noise.
                    let lines = report.bodyText.split(separator: "\n")
                    let found = noise.count > 2 ? report.bodyText.contains(noise) : lines.contains { $0.hasPrefix(noise) }
                    XCTAssertFalse(found, "\(file.file): \(noise) in \(report.id)")
                    XCTAssertFalse((report.title ?? "").contains(noise), "\(file.file): \(noise) in title")
                }
            }
        }
    }

    func testLookAlikesDoNotStartSections() {
        each { file, source in
            var notHeadings = file.not_headings ?? []
            for r in file.reports { notHeadings += r.not_headings ?? [] }
            let headings = source.reports.flatMap { Self.allSections($0.sections) }.map(\.fullHeading)
            for text in notHeadings {
                let phrase = String(text.split(separator: " (").first ?? Substring(text))
                let offending = headings.filter { $0.hasPrefix(phrase) || (!$0.isEmpty && phrase.hasPrefix($0) && $0.count > 2) }
                XCTAssertTrue(offending.isEmpty, "\(file.file): \(phrase) starts a section: \(offending)")
            }
        }
    }

    func testDuplicatesAreLinked() {
        each { file, source in
            for pair in file.duplicates ?? [] {
                let first = source.reports[pair[0] - 1], second = source.reports[pair[1] - 1]
                XCTAssertEqual(second.duplicateOf, first.id, "\(file.file): \(pair)")
            }
        }
    }

    static func allSections(_ sections: [Section]) -> [Section] {
        sections.flatMap { [$0] + allSections($0.children) }
    }
}
