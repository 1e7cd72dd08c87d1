import Foundation
import ReportModel
import ReportParser

/// The whole build, one named step after another:
/// config → templates → sources (parse, render and write each report) → index → index pages → swap in.
public enum Pipeline {
    public struct Options: Sendable {
        public var configPath: String
        /// Overrides `[site].base_url` (for a production build).
        public var baseURL: String?
        /// A script put at the end of every page (the preview server's live reload).
        /// Overrides `[search].enabled` (the benchmark builds without search).
        public var search: Bool?
        /// Leave search indexing to `BuildSession.refreshSearch()` (the preview server runs it in the
        /// background, once for a burst of edits); the build carries the last index over meanwhile.
        public var searchInBackground = false
        /// Skip the build when the cache says nothing changed. The preview server turns this off:
        /// its fast path needs the pages' inputs in memory, which only a build provides.
        public var skipWhenUpToDate = true

        public init(configPath: String, baseURL: String? = nil) {
            self.configPath = configPath
            self.baseURL = baseURL
        }
    }

    public struct Summary: Sendable {
        public var sources = 0
        public var reports = 0
        public var pages = 0
        public var files = 0
        /// Sources that could not be read, each message naming the file.
        public var errors: [String] = []
        public var warnings: [String] = []
        public var steps: [(name: String, seconds: Double)] = []
        /// The build's time; search indexing (step "search") is Pagefind's and counted apart.
        public var seconds: Double { steps.filter { $0.name != "search" }.reduce(0) { $0 + $1.seconds } }
        public var output = ""
        /// Sources parsed and their pages rendered anew (the rest were unchanged since the last build).
        public var sourcesParsed = 0
        /// Report pages rendered anew.
        public var reportPagesRendered = 0
        /// Files whose bytes changed and were written; the others were linked from the previous site.
        public var filesWritten = 0
        /// Search is on but was left to `refreshSearch()`: the site carries the last index.
        public var searchStale = false
        /// Nothing the build reads has changed since the last build: nothing was done.
        public var upToDate = false
    }

    /// Builds the site once. Throws only when no site can be built (bad config or templates); a
    /// source that fails is reported in `errors` and the others still make the site.
    public static func build(_ options: Options, progress: (@Sendable (String, Int, Int) -> Void)? = nil) throws -> Summary {
        try BuildSession(options).build(progress: progress)
    }

    /// What every report page is rendered with.
    struct ReportRendering {
        var pages: ReportPage
        var config: SiteConfig
        /// Hash of everything that shapes every page (config, templates, options).
        var inputs: UInt64
    }

    /// The source files of the content folder, in name order, each with its unique ASCII slug.
    static func sourceFiles(in folder: String) throws -> [(name: String, slug: String)] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".txt") && !$0.hasPrefix(".") }.sorted()
        } catch {
            throw SiteConfig.Error(file: folder, message: "cannot list the content folder")
        }
        var slugs = Set<String>()
        return names.map { name in
            var slug = Slug.make(String(name.dropLast(4)))
            while !slugs.insert(slug).inserted { slug += "-2" }
            return (name, slug)
        }
    }

    /// Every source on all cores, streamed: a source is read, parsed, and its report pages and
    /// source copy written before the next is taken, so only its listing stays in memory. A source
    /// whose record in `cache` is current has its files linked from the last site, unparsed.
    /// - Returns: one record per source in name order, how many were parsed, and how many report
    ///   pages were rendered.
    static func buildSources(_ files: [(name: String, slug: String)], folder: String, cache: [String: SourceRecord],
                             rendering: ReportRendering, into site: StagedSite,
                             progress: (@Sendable (String, Int, Int) -> Void)?) -> (records: [SourceRecord], parsed: Int, rendered: Int) {
        let results = ResultSlots<SourceRecord>(count: files.count)
        let parsed = Counter(), rendered = Counter(), done = Counter()
        let parser = ReportParser()
        let rendering = UncheckedBox(rendering)  // read only
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            let (name, slug) = files[i]
            let bytes = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(name)).map { [UInt8]($0) }
            let key = ContentHash.combine([rendering.value.inputs, bytes.map { ContentHash.of($0) } ?? 0, ContentHash.of(Array(slug.utf8))])
            if bytes != nil, let cached = cache[name], cached.key == key,
               cached.files.allSatisfy({ site.linkFromPrevious($0.path, hash: $0.hash) }) {
                results.set(i, cached)
            } else {
                let record = build(name: name, slug: slug, key: key, bytes: bytes, parser: parser, rendering: rendering.value, into: site)
                results.set(i, record)
                _ = parsed.increment()
                rendered.add(record.reports.count)
            }
            progress?("sources", done.increment(), files.count)
        }
        return (results.values, parsed.value, rendered.value)
    }

    /// One source: parsed, its pages and source copy put into the site.
    static func build(name: String, slug: String, key: UInt64, bytes: [UInt8]?, parser: ReportParser,
                      rendering: ReportRendering, into site: StagedSite) -> SourceRecord {
        var record = SourceRecord(name: name, slug: slug, key: key, error: nil, reports: [], files: [])
        let source: Source
        var text: [UInt8]
        do {
            guard let bytes else { throw DecodeError(path: name, reason: "cannot be read") }
            source = try parser.parse(bytes: bytes, source: name)
            // Plain UTF-8 (no byte-order mark, no CR) is its own text; anything else is decoded again
            // for the copy, which is rare and cheaper than always keeping a decoded copy.
            text = TextDecoder.isPlainUTF8Candidate(bytes) && source.encoding == "utf-8"
                ? bytes : Array(try TextDecoder.decode(bytes, path: name).text.utf8)
        } catch {
            let message = "\(error)"
            record.error = message.hasPrefix(name) ? message : "\(name): \(message)"
            return record
        }
        let pages = rendering.pages
        let reports = ArchivedReport.all(in: source, file: name, slug: slug, config: rendering.config,
                                         classifier: pages.classifier, gazetteer: pages.gazetteer)
        var outputs = reports.flatMap { pages.files(for: $0, in: reports) }
        // The text as decoded, in UTF-8 with a byte-order mark so a browser opening it from disk reads it right.
        text.insert(contentsOf: [0xEF, 0xBB, 0xBF], at: 0)
        outputs.append(OutputFile(path: pages.page.paths.source(slug), bytes: text))
        record.files = outputs.map { SourceRecord.File(path: $0.path, hash: site.put($0)) }
        record.reports = reports.map(\.listed)
        return record
    }

    /// Every file of the site but the report pages: indexes, feeds, static files, put into the site
    /// as they are rendered.
    static func buildIndexes(_ content: ArchiveContent, page: PageContext, templates: TemplateSet, into site: StagedSite) {
        let indexPaths = IndexPages(page: page, content: content, templates: templates, put: { site.put($0) }).render()
        let reportPaths = content.reports.map { page.paths.report($0.slug) }
        var files = [Feeds.atom(content, config: page.config, paths: page.paths),
                     Feeds.sitemap(pages: reportPaths + indexPaths, config: page.config),
                     Feeds.robots(config: page.config)]
        for (path, data) in templates.staticFiles() {
            files.append(OutputFile(path: path, bytes: [UInt8](data)))
        }
        for file in files { site.put(file) }
    }

    static func unmatchedOverrides(_ config: SiteConfig, _ content: ArchiveContent) -> [String] {
        let present = Set(content.reports.map { "\($0.sourceFile)\u{0}\($0.position)" })
        return config.overrides.compactMap { o in
            present.contains("\(o.source)\u{0}\(o.report)") ? nil
                : "archive.toml: override for \(o.source) report \(o.report) matches no report"
        }
    }
}

/// Slots filled by concurrent workers, read once all are done.
final class ResultSlots<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ value: T) { lock.withLock { slots[i] = value } }

    var values: [T] { lock.withLock { slots.map { $0! } } }
}

final class Counter: @unchecked Sendable {
    private var count = 0
    private let lock = NSLock()

    func increment() -> Int { lock.withLock { count += 1; return count } }

    func add(_ n: Int) { lock.withLock { count += n } }

    var value: Int { lock.withLock { count } }
}
