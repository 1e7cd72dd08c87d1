import Foundation
import ReportParser
import XCTest

@testable import SiteBuilder

/// The search index the build writes, read back with `SearchIndexReader` and checked against the
/// reports' Markdown pages: what a key finds, the filters' ranges and attributes, the result data,
/// and that the bytes depend on the sources only.
final class SearchIndexTests: XCTestCase {
    static let sourceName = "002_a6c8c882fd1a3a93.txt"
    static let phrase = "开展问题大排查大整治专项行动"

    func searchSite(pretty: Bool = false) throws -> SiteFixture {
        try SiteFixture(self) {
            var toml = $0.replacingOccurrences(of: "\nenabled = false", with: "\nenabled = true")
            if pretty { toml = toml.replacingOccurrences(of: "pretty_urls = false", with: "pretty_urls = true") }
            return toml
        }
    }

    /// What a report's Markdown page says, read without the index's code.
    struct Page {
        var body: String
        var headings: [String]
        var year: Int?
        var docType: String
        var code: String?
        var topics: [String]

        init(_ markdown: String) {
            let parts = markdown.components(separatedBy: "\n---\n")
            let front = parts[0].components(separatedBy: "\n")
            body = parts.dropFirst().joined(separator: "\n---\n")
            headings = body.components(separatedBy: "\n").filter { $0.hasPrefix("#") }
            func value(_ name: String) -> String? {
                front.first { $0.hasPrefix(name + ": ") }.map { String($0.dropFirst(name.count + 2)).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
            }
            year = value("year").flatMap(Int.init)
            docType = value("doc_type")!
            code = value("  code").flatMap { $0 == "null" ? nil : $0 }
            var topics: [String] = []
            if let start = front.firstIndex(of: "topics:") {
                for line in front[(start + 1)...] {
                    guard line.hasPrefix("  - ") else { break }
                    topics.append(String(line.dropFirst(4)).trimmingCharacters(in: CharacterSet(charactersIn: "\"")))
                }
            }
            self.topics = topics
        }
    }

    /// Per report number, its Markdown page, found through the URL the index gives it.
    func pages(_ site: SiteFixture, _ reader: SearchIndexReader) throws -> [Page] {
        try reader.docs().map { doc in
            let md = doc[0].hasSuffix("/index.html")
                ? doc[0].replacingOccurrences(of: "/index.html", with: "") + "/" + ((doc[0] as NSString).deletingLastPathComponent as NSString).lastPathComponent + ".md"
                : doc[0].replacingOccurrences(of: ".html", with: ".md")
            return Page(try site.text(md))
        }
    }

    func testAKeyFindsExactlyTheReportsThatHoldIt() throws {
        let site = try searchSite()
        try site.build()
        let reader = try SearchIndexReader(site: site.output)
        let pages = try pages(site, reader)
        XCTAssertEqual(pages.count, reader.reports)
        XCTAssertGreaterThan(reader.reports, 10)
        for key in ["学前", "控辍", "安全", "师德", "教育", "幼儿"] {
            let entry = try XCTUnwrap(reader.entry(key), key)
            let holding = pages.indices.filter { pages[$0].body.contains(key) }
            XCTAssertEqual(entry.postings.map(\.number), holding, key)
            XCTAssertEqual(entry.df, holding.count, key)
            for (number, bits) in entry.postings {
                let page = pages[number]
                XCTAssertEqual(bits & 4 != 0, page.headings.contains { $0.contains(key) }, "\(key) heading bit of report \(number)")
                let chapters = page.headings.filter { !$0.hasPrefix("###") }
                XCTAssertEqual(bits & 8 != 0, chapters.contains { $0.contains(key) }, "\(key) chapter bit of report \(number)")
                let count = page.body.components(separatedBy: key).count - 1
                XCTAssertEqual(bits & 3, ReportTerms.frequencyBits(UInt32(count)), "\(key) frequency of report \(number)")
            }
        }
        XCTAssertNil(try reader.entry("不存在的词"))
    }

    func testTopicKeysFindTheReportsFiledUnderTheTopic() throws {
        let site = try searchSite()
        try site.build()
        let reader = try SearchIndexReader(site: site.output)
        let pages = try pages(site, reader)
        let topics = reader.index["topics"] as! [[String: Any]]
        XCTAssertFalse(topics.isEmpty)
        for topic in topics {
            let key = topic["key"] as! String
            let holding = pages.indices.filter { pages[$0].topics.contains(key) }
            let postings = try reader.entry([0x01] + Array("t:\(key)".utf8))?.postings ?? []
            XCTAssertEqual(postings.map(\.number), holding, key)
            XCTAssertTrue(postings.allSatisfy { $0.bits == 0 })
            XCTAssertEqual(topic["count"] as? Int, holding.count, key)
        }
    }

    func testRegionRangesHoldExactlyTheirReports() throws {
        let site = try searchSite()
        try site.build()
        let reader = try SearchIndexReader(site: site.output)
        let pages = try pages(site, reader)
        // A report's region and the regions above it, by code.
        let chains = pages.map { page -> [String] in
            guard let code = page.code, var place = Gazetteer.shared.place(code: code) else { return [""] }
            var chain = [place.code]
            while let parent = Gazetteer.shared.parent(of: place) {
                chain.append(parent.code)
                place = parent
            }
            return chain
        }
        let regions = reader.index["regions"] as! [[String: Any]]
        var covered = 0
        for region in regions {
            for node in [region] + (region["children"] as! [[String: Any]]) {
                let code = node["code"] as! String
                let range = (node["start"] as! Int)..<(node["end"] as! Int)
                XCTAssertEqual(Array(range), chains.indices.filter { chains[$0].contains(code) }, "region \(code)")
            }
            XCTAssertEqual(region["start"] as! Int, covered, "provinces follow one another")
            covered = region["end"] as! Int
        }
        XCTAssertEqual(covered, reader.reports)
        XCTAssertEqual(regions.last?["name"] as? String, "地区未知", "the seeds have reports of no known region, last")
        // In one region: newest year first, unknown year last.
        let years = try reader.attributes().map(\.year)
        for n in 1..<pages.count where chains[n] == chains[n - 1] {
            XCTAssertGreaterThanOrEqual(years[n - 1] ?? Int.max, years[n] ?? Int.min, "order of reports \(n - 1), \(n)")
        }
    }

    func testAttributesAndDocsDescribeEachReport() throws {
        for pretty in [false, true] {
            let site = try searchSite(pretty: pretty)
            try site.build()
            let reader = try SearchIndexReader(site: site.output)
            let pages = try pages(site, reader)
            let attributes = try reader.attributes()
            let docs = try reader.docs()
            XCTAssertEqual(attributes.count, reader.reports)
            let types = Dictionary(uniqueKeysWithValues: (reader.index["types"] as! [[String]]).map { ($0[0], $0[1]) })
            for (number, page) in pages.enumerated() {
                XCTAssertEqual(attributes[number].year, page.year, "year of report \(number)")
                XCTAssertEqual(attributes[number].type, page.docType.replacingOccurrences(of: "+", with: "-"), "type of report \(number)")
                XCTAssertEqual(docs[number][3], page.year.map(String.init) ?? "年份不详")
                XCTAssertEqual(docs[number][4], types[attributes[number].type])
                XCTAssertTrue(site.exists(docs[number][0]), docs[number][0])
                XCTAssertFalse(docs[number][1].isEmpty)
                XCTAssertTrue(page.code != nil || docs[number][2].hasPrefix("地区未知"), docs[number][2])
            }
            let years = reader.index["years"] as! [[Any]]
            XCTAssertEqual(years.map { ($0[1] as! Int) }.reduce(0, +), reader.reports)
            XCTAssertTrue(years.last?[0] is NSNull, "年份不详 last")
        }
    }

    func testEveryShardAndListFileExists() throws {
        let site = try searchSite()
        try site.build()
        let reader = try SearchIndexReader(site: site.output)
        XCTAssertGreaterThanOrEqual(reader.shards, 16)
        XCTAssertEqual(reader.shards & (reader.shards - 1), 0, "a power of two")
        var keys = 0
        for s in 0..<reader.shards {
            let entries = try reader.shard(s)
            keys += entries.count
            XCTAssertEqual(entries.map(\.key), entries.map(\.key).sorted { $0.lexicographicallyPrecedes($1) }, "shard \(s) sorted by key bytes")
            for entry in entries {
                XCTAssertEqual(Int(SearchIndexReader.fnv1a(entry.key) & UInt32(reader.shards - 1)), s)
                XCTAssertEqual(entry.df, entry.postings.count)
            }
        }
        XCTAssertGreaterThan(keys, 1000)
        let files = try FileManager.default.contentsOfDirectory(atPath: site.output.appendingPathComponent("search/terms").path)
        XCTAssertEqual(files.count, reader.shards)
    }

    func testTwoCleanBuildsGiveTheSameIndex() throws {
        let a = try searchSite(), b = try searchSite()
        try a.build()
        try b.build()
        let snapshot = try a.snapshot().filter { $0.key.hasPrefix("search/") }
        XCTAssertFalse(snapshot.isEmpty)
        XCTAssertEqual(snapshot, try b.snapshot().filter { $0.key.hasPrefix("search/") })
    }

    /// One source edited: the incremental build's index equals a clean build's of the edited sources.
    func testAnIncrementalBuildGivesTheCleanBuildsIndex() throws {
        func edit(_ site: SiteFixture) throws {
            let source = site.content.appendingPathComponent(Self.sourceName)
            let text = try String(contentsOf: source, encoding: .utf8)
            try text.replacingOccurrences(of: Self.phrase, with: "开展独一无二检索标记行动").write(to: source, atomically: true, encoding: .utf8)
        }
        let site = try searchSite()
        try site.build()
        XCTAssertNil(try SearchIndexReader(site: site.output).entry("检索"))
        try edit(site)
        let summary = try site.build()
        XCTAssertEqual(summary.sourcesParsed, 1)
        XCTAssertTrue(summary.searchIndexUpdated, "one report changed: the index in place is updated")
        XCTAssertNotNil(try SearchIndexReader(site: site.output).entry("检索"))
        let clean = try searchSite()
        try edit(clean)
        try clean.build()
        XCTAssertEqual(try site.snapshot().filter { $0.key.hasPrefix("search/") }, try clean.snapshot().filter { $0.key.hasPrefix("search/") })
    }

    /// An update reads and writes again the shards of the keys whose postings the edit changed, no
    /// others: the keys a report keeps with the same bits keep their shards.
    func testAnUpdateRewritesOnlyTheShardsOfTheKeysWhosePostingsChanged() throws {
        let site = try searchSite()
        try site.build()
        let previous = try state(site)
        let paths = SitePaths(pretty: false)
        let n = try XCTUnwrap((0..<previous.slugs.count).first { (try? site.text(paths.markdown(previous.slugs.string($0))))?.contains(Self.phrase) == true })
        let old = try site.text(paths.markdown(previous.slugs.string(n)))
        let new = old.replacingOccurrences(of: Self.phrase, with: "开展独一无二检索标记行动")
        let read = PathLog(), put = PathLog()
        var keys = previous.keys
        keys[n] &+= 1
        let update = SearchIndexUpdate(previous: previous, next: previous, renumbering: try XCTUnwrap(SearchRenumbering(previous: previous.keys, next: keys)),
                                       topicKeys: try topicKeys(site), paths: paths,
                                       read: { _ in Array(new.utf8) },
                                       readPrevious: { path in read.add(path); return try? Array(Data(contentsOf: site.output.appendingPathComponent(path))) })
        guard case .updated = update.apply(put: { put.add($0.path) }) else { return XCTFail("the index is updated") }
        func terms(_ markdown: String) -> [[UInt8]: UInt8] {
            var counter = SearchTerms()
            let terms = counter.terms(ofMarkdown: Array(markdown.utf8))
            return Dictionary(uniqueKeysWithValues: (0..<terms.count).map { (terms.key($0), terms.bits[$0]) })
        }
        let before = terms(old), after = terms(new)
        let changed = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }
        let shards = Set(changed.map { update.shardPath(Int(SearchKey.hash($0)) & (previous.shards - 1)) })
        XCTAssertFalse(shards.isEmpty)
        XCTAssertLessThan(shards.count, Set(after.keys.map { Int(SearchKey.hash($0)) & (previous.shards - 1) }).count)
        XCTAssertEqual(put.paths.filter { $0.hasPrefix("search/terms/") }, shards)
        XCTAssertEqual(read.paths.filter { $0.hasPrefix("search/terms/") }, shards)
    }

    /// An update whose inline postings would call for another shard count gives back the files
    /// it put, for the build to take back before it makes the index anew.
    func testAnUpdateThatChangesTheShardCountGivesBackWhatItPut() throws {
        let site = try searchSite()
        try site.build()
        var previous = try state(site)
        // Inline postings at the most the shard count holds: any more need twice the shards.
        previous.inline = previous.shards * SearchShards.shardTarget
        let paths = SitePaths(pretty: false)
        let new = try site.text(paths.markdown(previous.slugs.string(0))) + "\n开展独一无二检索标记行动\n"
        var keys = previous.keys
        keys[0] &+= 1
        let put = PathLog()
        let update = SearchIndexUpdate(previous: previous, next: previous, renumbering: try XCTUnwrap(SearchRenumbering(previous: previous.keys, next: keys)),
                                       topicKeys: try topicKeys(site), paths: paths, read: { _ in Array(new.utf8) },
                                       readPrevious: { try? Array(Data(contentsOf: site.output.appendingPathComponent($0))) })
        guard case let .remake(written) = update.apply(put: { put.add($0.path) }) else { return XCTFail("the index is made anew") }
        XCTAssertFalse(written.isEmpty)
        XCTAssertEqual(Set(written), put.paths)
    }

    /// The build behind it: the index is made anew, and is a clean build's.
    func testAnEditThatNeedsAnotherShardCountMakesTheIndexAnew() throws {
        func edit(_ site: SiteFixture) throws {
            let source = site.content.appendingPathComponent(Self.sourceName)
            try (String(contentsOf: source, encoding: .utf8) + "\n开展独一无二检索标记行动。\n").write(to: source, atomically: true, encoding: .utf8)
        }
        let site = try searchSite()
        try site.build()
        var previous = try state(site)
        previous.inline = previous.shards * SearchShards.shardTarget
        let cache = site.root.appendingPathComponent(".archive-cache")
        try previous.save(token: try XCTUnwrap(BuildManifest.load(from: cache)).manifest.records, to: cache)
        XCTAssertEqual(try state(site).inline, previous.inline, "the next build reads the state")
        try edit(site)
        XCTAssertFalse(try site.build().searchIndexUpdated)
        let clean = try searchSite()
        try edit(clean)
        try clean.build()
        XCTAssertEqual(try site.snapshot().filter { $0.key.hasPrefix("search/") }, try clean.snapshot().filter { $0.key.hasPrefix("search/") })
    }

    /// A report's title edited: the update makes its chunk of result data again, not only its keys.
    func testAnEditedTitleIsInTheUpdatedResults() throws {
        func edit(_ site: SiteFixture) throws {
            let source = site.content.appendingPathComponent(Self.sourceName)
            let text = try String(contentsOf: source, encoding: .utf8)
            try text.replacingOccurrences(of: "2023年工作总结和", with: "2023年工作回顾和").write(to: source, atomically: true, encoding: .utf8)
        }
        let site = try searchSite()
        try site.build()
        try edit(site)
        XCTAssertTrue(try site.build().searchIndexUpdated)
        XCTAssertTrue(try SearchIndexReader(site: site.output).docs().contains { $0[1].contains("工作回顾") })
        let clean = try searchSite()
        try edit(clean)
        try clean.build()
        XCTAssertEqual(try site.snapshot().filter { $0.key.hasPrefix("search/") }, try clean.snapshot().filter { $0.key.hasPrefix("search/") })
    }

    /// An edit taken back: the updated index drops the keys the edit added and is the first one again.
    func testAnEditTakenBackGivesTheFirstIndexAgain() throws {
        let site = try searchSite()
        try site.build()
        let first = try site.snapshot().filter { $0.key.hasPrefix("search/") }
        let source = site.content.appendingPathComponent(Self.sourceName)
        let original = try String(contentsOf: source, encoding: .utf8)
        try original.replacingOccurrences(of: Self.phrase, with: "开展独一无二检索标记行动").write(to: source, atomically: true, encoding: .utf8)
        XCTAssertTrue(try site.build().searchIndexUpdated)
        try original.write(to: source, atomically: true, encoding: .utf8)
        let summary = try site.build()
        XCTAssertTrue(summary.searchIndexUpdated)
        XCTAssertNil(try SearchIndexReader(site: site.output).entry("检索"))
        XCTAssertEqual(try site.snapshot().filter { $0.key.hasPrefix("search/") }, first)
    }

    /// `archive serve`: the fast path rewrites the edited report's Markdown in place; the rebuild after
    /// it must still take the old Markdown's keys out of the index.
    func testTheRebuildAfterTheFastPathGivesTheCleanBuildsIndex() throws {
        let replacement = "开展独一无二检索标记行动"
        let site = try searchSite()
        var options = Pipeline.Options(configPath: site.config.path)
        options.skipWhenUpToDate = false
        let session = BuildSession(options)
        _ = try session.build()
        let source = site.content.appendingPathComponent(Self.sourceName)
        let text = try String(contentsOf: source, encoding: .utf8)
        try text.replacingOccurrences(of: Self.phrase, with: replacement).write(to: source, atomically: true, encoding: .utf8)
        XCTAssertNotNil(session.updateReportPages(changed: [source.path]))
        let summary = try session.build()
        XCTAssertTrue(summary.searchIndexUpdated)
        let clean = try searchSite()
        let cleanSource = clean.content.appendingPathComponent(Self.sourceName)
        try text.replacingOccurrences(of: Self.phrase, with: replacement).write(to: cleanSource, atomically: true, encoding: .utf8)
        try clean.build()
        XCTAssertEqual(try site.snapshot().filter { $0.key.hasPrefix("search/") }, try clean.snapshot().filter { $0.key.hasPrefix("search/") })
    }

    /// Postings renumbered and merged as the writer appends them: a changed report's posting
    /// replaced, dropped or added in number order, the kept ones under their new numbers.
    func testMergedPostingsAreThoseAppendedInOrder() throws {
        func encode(_ postings: [(Int, UInt8)]) -> [UInt8] {
            var out: [UInt8] = [], last = -1
            for (n, bits) in postings {
                Varint.append((n - last) << 4 | Int(bits), to: &out)
                last = n
            }
            return out
        }
        let old = encode([(0, 1), (7, 12), (300, 3), (4000, 0)])
        var inPlace = (0..<5001).map(Int32.init)
        for o in [7, 300, 5000] { inPlace[o] = -1 }
        let keep = SearchRenumbering(new: inPlace, count: 5001)
        let merged = try XCTUnwrap(SearchIndexUpdate.merge(old, df: 4, renumbered: keep, adding: [(number: 300, bits: 5), (number: 5000, bits: 2)]))
        XCTAssertEqual(merged.bytes, encode([(0, 1), (300, 5), (4000, 0), (5000, 2)]))
        XCTAssertEqual(merged.df, 4)
        inPlace[0] = -1
        inPlace[4000] = -1
        XCTAssertEqual(SearchIndexUpdate.merge(old, df: 4, renumbered: SearchRenumbering(new: inPlace, count: 5001), adding: [])?.df, 0)
        // A number the renumbering does not have: the postings are not those of this index.
        XCTAssertNil(SearchIndexUpdate.merge(old, df: 4, renumbered: SearchRenumbering(new: [0, 1], count: 2), adding: []))

        // Long lists; reports dropped, and new ones taking numbers between the kept ones, anywhere:
        // the bytes before the first change and past the last are copied.
        var generator = SystemRandomNumberGenerator()
        for round in 0..<300 {
            let numbers = (0..<2000).filter { _ in Bool.random(using: &generator) }
            let list = numbers.map { ($0, UInt8.random(in: 0...15, using: &generator)) }
            var new: [Int32] = [], next: Int32 = 0
            for _ in 0..<2000 {
                // Every third round shifts only a stretch in the middle, as a report moving within its region does.
                let inStretch = round % 3 != 0 || (800..<900).contains(new.count)
                if inStretch, Int.random(in: 0..<60, using: &generator) == 0 { next += Int32.random(in: 1...3, using: &generator) }
                if inStretch, Int.random(in: 0..<50, using: &generator) == 0 {
                    new.append(-1)
                } else {
                    new.append(next)
                    next += 1
                }
            }
            let renumbering = SearchRenumbering(new: new, count: Int(next) + Int.random(in: 0...2, using: &generator))
            let adding = renumbering.added.filter { _ in Bool.random(using: &generator) }.map { (number: $0, bits: UInt8(3)) }
            let expected = (list.filter { new[$0.0] >= 0 }.map { (Int(new[$0.0]), $0.1) } + adding.map { ($0.number, $0.bits) }).sorted { $0.0 < $1.0 }
            let merged = try XCTUnwrap(SearchIndexUpdate.merge(encode(list), df: list.count, renumbered: renumbering, adding: adding))
            XCTAssertEqual(merged.bytes, encode(expected))
            XCTAssertEqual(merged.df, expected.count)
        }
        XCTAssertEqual(SearchIndexUpdate.postings([(number: 2, bits: 1), (number: 9, bits: 0)]).bytes, encode([(2, 1), (9, 0)]))
    }

    /// The topics' keys, by the topics' order in the config.
    func topicKeys(_ site: SiteFixture) throws -> [[UInt8]] {
        try String(contentsOf: site.config, encoding: .utf8).components(separatedBy: "\n")
            .filter { $0.hasPrefix("slug = \"") }.map { SearchKey.topic(String($0.dropFirst(8).dropLast())) }
    }

    /// The search state of the site in place.
    func state(_ site: SiteFixture) throws -> SearchState {
        let cache = site.root.appendingPathComponent(".archive-cache")
        return try XCTUnwrap(SearchState.load(from: cache, token: try XCTUnwrap(BuildManifest.load(from: cache)).manifest.records))
    }

    /// A source added or removed, or a report whose year moves it in its region, shifts the numbers
    /// after it: the index in place is renumbered rather than made anew, and is a clean build's.
    func testAddedRemovedAndMovedReportsRenumberTheIndexInPlace() throws {
        let fm = FileManager.default
        let edits: [(name: String, edit: (URL) throws -> Void)] = [
            ("added", { try fm.copyItem(at: $0.appendingPathComponent(Self.sourceName), to: $0.appendingPathComponent("002b_copy.txt")) }),
            ("removed", { try fm.removeItem(at: $0.appendingPathComponent("000_155cf9d07f7bc588.txt")) }),
            // Its report of no known region goes from first to past the one of 2021.
            ("moved", { content in
                let source = content.appendingPathComponent("004_19cf16a0cc95029b.txt")
                try String(contentsOf: source, encoding: .utf8).replacingOccurrences(of: "2023年", with: "2009年")
                    .write(to: source, atomically: true, encoding: .utf8)
            }),
        ]
        for (name, edit) in edits {
            let site = try searchSite()
            try site.build()
            let before = try state(site)
            try edit(site.content)
            XCTAssertTrue(try site.build().searchIndexUpdated, name)
            let after = try state(site)
            let oldNumbers = Dictionary(uniqueKeysWithValues: (0..<before.slugs.count).map { (before.slugs.string($0), $0) })
            XCTAssertTrue((0..<after.slugs.count).contains { n in oldNumbers[after.slugs.string(n)].map { $0 != n } ?? false },
                          "\(name): a report kept in the index has another number")
            let clean = try searchSite()
            try edit(clean.content)
            try clean.build()
            XCTAssertEqual(try site.snapshot().filter { $0.key.hasPrefix("search/") }, try clean.snapshot().filter { $0.key.hasPrefix("search/") }, name)
        }
    }

    /// Each number's topics come back distinct and ascending, empty lists included, and the saved
    /// state reads back equal, only with its token.
    func testNumberedTopicsReadBackPerNumber() throws {
        let topics = NumberedTopics([[3, 1, 3], [], [0], [7, 2]])
        XCTAssertEqual(topics.count, 4)
        XCTAssertEqual(Array(topics[0]), [1, 3])
        XCTAssertEqual(Array(topics[1]), [])
        XCTAssertEqual(Array(topics[2]), [0])
        XCTAssertEqual(Array(topics[3]), [2, 7])
        // Under new numbers: old 0 is 1 now, 1 is gone, 0 and 4 are new reports.
        XCTAssertEqual(topics.renumbered(SearchRenumbering(new: [1, -1, 2, 3], count: 5)) { $0.append(topics: [9, $1, 9]) },
                       NumberedTopics([[0, 9], [1, 3], [0], [2, 7], [4, 9]]))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("state-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var slugs = NumberedSlugs()
        for slug in ["a", "bb", "", "东"] { slugs.append(Array(slug.utf8)) }
        let state = SearchState(inputs: 0xABC, shards: 16, inline: 99, keys: [1, 2, 3, .max], slugs: slugs, topics: topics,
                                lists: ["search/lists/01.bin", "search/lists/ff.bin"])
        try state.save(token: "t", to: folder)
        XCTAssertEqual(SearchState.load(from: folder, token: "t"), state)
        XCTAssertEqual(SearchState.load(from: folder, token: "t")?.slugs.string(3), "东")
        XCTAssertNil(SearchState.load(from: folder, token: "other"))
        // A file cut short is no state.
        let url = folder.appendingPathComponent(SearchState.fileName)
        let bytes = try Data(contentsOf: url)
        try bytes.dropLast(3).write(to: url)
        XCTAssertNil(SearchState.load(from: folder, token: "t"))
    }

    func testSearchOffWritesNoIndex() throws {
        let site = try SiteFixture(self)
        try site.build()
        XCTAssertFalse(site.exists("search/index.json"))
        XCTAssertFalse(site.exists("search.html"))
    }
}

/// Paths handed to a closure that may be called from several threads.
final class PathLog: @unchecked Sendable {
    private let lock = NSLock()
    private var logged: Set<String> = []

    func add(_ path: String) { lock.withLock { _ = logged.insert(path) } }

    var paths: Set<String> { lock.withLock { logged } }
}
