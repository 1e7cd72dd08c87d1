import Foundation
import ReportModel
import ReportParser

/// The whole build, one named step after another:
/// config → templates → parse sources → index → render pages → write atomically.
public enum Pipeline {
    public struct Options: Sendable {
        public var configPath: String
        /// Overrides `[site].base_url` (for a production build).
        public var baseURL: String?
        /// A script put at the end of every page (the preview server's live reload).
        /// Overrides `[search].enabled` (the benchmark builds without search).
        public var search: Bool?
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
        public var seconds: Double { steps.reduce(0) { $0 + $1.seconds } }
        public var output = ""
        /// Report pages rendered anew (the rest were unchanged since the last build in this session).
        public var reportPagesRendered = 0
        /// Files whose bytes changed and were written; the others were linked from the previous site.
        public var filesWritten = 0
        /// Nothing the build reads has changed since the last build: nothing was done.
        public var upToDate = false
    }

    /// Builds the site once. Throws only when no site can be built (bad config or templates); a
    /// source that fails is reported in `errors` and the others still make the site.
    public static func build(_ options: Options, progress: (@Sendable (String, Int, Int) -> Void)? = nil) throws -> Summary {
        try BuildSession(options).build(progress: progress)
    }

    /// A parsed source and the hash of the bytes it was parsed from.
    struct CachedSource: Sendable {
        var hash: UInt64
        var file: ArchiveContent.SourceFile
        var error: String?
    }

    /// Every `.txt` in the content folder, parsed on all cores; results in file-name order.
    /// A source whose bytes match `cache` is taken from it, not parsed again.
    static func parseSources(in folder: String, cache: [String: CachedSource] = [:],
                             progress: (@Sendable (String, Int, Int) -> Void)?) throws -> [CachedSource] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".txt") && !$0.hasPrefix(".") }.sorted()
        } catch {
            throw SiteConfig.Error(file: folder, message: "cannot list the content folder")
        }
        var slugs = Set<String>()
        let sourceSlugs = names.map { name -> String in
            var slug = Slug.make(String(name.dropLast(4)))
            while !slugs.insert(slug).inserted { slug += "-2" }
            return slug
        }
        let results = ResultSlots<CachedSource>(count: names.count)
        let parser = ReportParser()
        let done = Counter()
        DispatchQueue.concurrentPerform(iterations: names.count) { i in
            let path = (folder as NSString).appendingPathComponent(names[i])
            let bytes = FileManager.default.contents(atPath: path).map { [UInt8]($0) }
            let hash = bytes.map { ContentHash.of($0) } ?? 0
            if let cached = cache[names[i]], cached.hash == hash, bytes != nil, cached.file.slug == sourceSlugs[i] {
                results.set(i, cached)
                return
            }
            var file = ArchiveContent.SourceFile(name: names[i], slug: sourceSlugs[i], source: nil)
            do {
                guard let bytes else { throw DecodeError(path: names[i], reason: "cannot be read") }
                file.source = try parser.parse(bytes: bytes, source: names[i])
                results.set(i, CachedSource(hash: hash, file: file, error: nil))
            } catch {
                let message = "\(error)"
                results.set(i, CachedSource(hash: hash, file: file, error: message.hasPrefix(names[i]) ? message : "\(names[i]): \(message)"))
            }
            progress?("parse", done.increment(), names.count)
        }
        return results.values
    }

    /// Every file of the site but the report pages: indexes, feeds, source copies, static files.
    /// - Parameter reportPaths: the report pages' paths, for the sitemap.
    static func renderIndexes(_ content: ArchiveContent, page: PageContext, templates: TemplateSet, reportPaths: [String]) -> [OutputFile] {
        var files = IndexPages(page: page, content: content, templates: templates).files()
        files.append(Feeds.atom(content, config: page.config, paths: page.paths))
        files.append(Feeds.sitemap(pages: reportPaths + files.map(\.path), config: page.config))
        files.append(Feeds.robots(config: page.config))
        for (path, data) in templates.staticFiles() {
            files.append(OutputFile(path: path, bytes: [UInt8](data)))
        }
        return files
    }

    /// The text of every source that parsed, as decoded, in UTF-8 with a byte-order mark so browsers
    /// opening it from disk read it right. Read again here rather than kept from parsing: holding every
    /// source's text for the whole build would double the memory a large archive needs.
    static func sourceCopy(_ file: ArchiveContent.SourceFile, folder: String, paths: SitePaths) -> OutputFile? {
        guard file.source != nil, let data = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(file.name)),
              let decoded = try? TextDecoder.decode([UInt8](data), path: file.name) else { return nil }
        return OutputFile(path: paths.source(file.slug), bytes: [0xEF, 0xBB, 0xBF] + Array(decoded.text.utf8))
    }

    static func unmatchedOverrides(_ config: SiteConfig, _ content: ArchiveContent) -> [String] {
        config.overrides.compactMap { o in
            content.reports.contains { $0.sourceFile == o.source && $0.position == o.report } ? nil
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

    var value: Int { lock.withLock { count } }
}
