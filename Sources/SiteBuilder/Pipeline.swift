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
        public var liveReload: String = ""
        public var searchEnabled = false

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
    }

    /// Builds the site. Throws only when no site can be built (bad config or templates); a source
    /// that fails is reported in `errors` and the others still make the site.
    public static func build(_ options: Options, progress: (@Sendable (String, Int, Int) -> Void)? = nil) throws -> Summary {
        var summary = Summary()
        let clock = ContinuousClock()
        func step<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
            var result: T?
            let elapsed = try clock.measure { result = try body() }
            summary.steps.append((name, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18))
            return result!
        }

        var config = try step("config") { try SiteConfig.load(options.configPath) }
        if let base = options.baseURL { config.baseURL = base.hasSuffix("/") ? base : base + "/" }
        summary.output = config.outputDirectory
        let templates = try step("templates") { try TemplateSet(directory: config.templatesDirectory) }

        let sources = try step("parse") { try parseSources(in: config.contentDirectory, progress: progress) }
        summary.sources = sources.count
        summary.errors = sources.compactMap(\.error)
        let content = step("index") { ArchiveContent(sources: sources.map(\.file), config: config, gazetteer: .shared) }
        summary.reports = content.reports.count
        summary.warnings += unmatchedOverrides(config, content)

        let paths = SitePaths(pretty: config.prettyURLs)
        let page = PageContext(config: config, paths: paths, reportCount: content.reports.count,
                               searchEnabled: options.searchEnabled, liveReload: options.liveReload)
        let files = step("render") { render(content, page: page, templates: templates, progress: progress) }
        summary.files = files.count
        summary.pages = files.filter { $0.path.hasSuffix(".html") }.count

        try step("write") {
            let writer = SiteWriter(output: URL(fileURLWithPath: config.outputDirectory))
            let staging = try writer.stage()
            do {
                try SiteWriter.write(files, into: staging)
                try writer.commit(staging)
            } catch {
                writer.discard(staging)
                throw error
            }
        }
        return summary
    }

    struct ParsedSource {
        var file: ArchiveContent.SourceFile
        var error: String?
    }

    /// Every `.txt` in the content folder, parsed on all cores; results in file-name order.
    static func parseSources(in folder: String, progress: (@Sendable (String, Int, Int) -> Void)?) throws -> [ParsedSource] {
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
        let results = ResultSlots<ParsedSource>(count: names.count)
        let parser = ReportParser()
        let done = Counter()
        DispatchQueue.concurrentPerform(iterations: names.count) { i in
            let path = (folder as NSString).appendingPathComponent(names[i])
            var file = ArchiveContent.SourceFile(name: names[i], slug: sourceSlugs[i], text: Data(), source: nil)
            do {
                guard let data = FileManager.default.contents(atPath: path) else { throw DecodeError(path: path, reason: "cannot be read") }
                let decoded = try TextDecoder.decode([UInt8](data), path: names[i])
                file.text = Data(decoded.text.utf8)
                file.source = parser.parse(text: decoded.text, source: names[i], encoding: decoded.encoding)
            } catch {
                let message = "\(error)"
                results.set(i, ParsedSource(file: file, error: message.hasPrefix(names[i]) ? message : "\(names[i]): \(message)"))
                return
            }
            results.set(i, ParsedSource(file: file, error: nil))
            progress?("parse", done.increment(), names.count)
        }
        return results.values
    }

    static func render(_ content: ArchiveContent, page: PageContext, templates: TemplateSet,
                       progress: (@Sendable (String, Int, Int) -> Void)?) -> [OutputFile] {
        let reportPage = ReportPage(page: page, content: content, templates: templates)
        let slots = ResultSlots<[OutputFile]>(count: content.reports.count)
        let done = Counter()
        DispatchQueue.concurrentPerform(iterations: content.reports.count) { i in
            slots.set(i, reportPage.files(for: content.reports[i]))
            progress?("render", done.increment(), content.reports.count)
        }
        var files = slots.values.flatMap { $0 }
        files += IndexPages(page: page, content: content, templates: templates).files()
        files.append(Feeds.atom(content, config: page.config, paths: page.paths))
        files.append(Feeds.sitemap(pages: files.map(\.path), config: page.config))
        files.append(Feeds.robots(config: page.config))
        for file in content.sources where file.source != nil {
            // The text as decoded, in UTF-8 with a byte-order mark so browsers opening it from disk read it right.
            files.append(OutputFile(path: page.paths.source(file.slug), bytes: [0xEF, 0xBB, 0xBF] + [UInt8](file.text)))
        }
        for (path, data) in templates.staticFiles() {
            files.append(OutputFile(path: path, bytes: [UInt8](data)))
        }
        return files
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
    private var value = 0
    private let lock = NSLock()

    func increment() -> Int { lock.withLock { value += 1; return value } }
}
