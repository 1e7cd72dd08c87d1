import Foundation
import ReportModel
import ReportParser

/// Builds a site, and rebuilds it cheaply: sources are re-parsed only when their bytes change,
/// report pages re-rendered only for changed sources (unless config or templates changed), and
/// files whose bytes are unchanged are hard-linked from the previous site instead of rewritten.
/// The preview server keeps one session for its whole run.
public final class BuildSession: @unchecked Sendable {
    public let options: Pipeline.Options
    private let lock = NSLock()
    private var sources: [String: Pipeline.CachedSource] = [:]
    private var reportPages: [String: (key: UInt64, files: [OutputFile])] = [:]
    /// Content hashes of the files in the site now in place.
    private var previous: [String: UInt64] = [:]
    private var manifestLoaded = false

    public init(_ options: Pipeline.Options) {
        self.options = options
    }

    /// `.archive-cache/` beside the config: the build's memory between runs.
    var cacheFolder: URL {
        URL(fileURLWithPath: options.configPath).deletingLastPathComponent().appendingPathComponent(".archive-cache")
    }

    public func build(progress: (@Sendable (String, Int, Int) -> Void)? = nil) throws -> Pipeline.Summary {
        try lock.withLock { try buildLocked(progress: progress) }
    }

    private func buildLocked(progress: (@Sendable (String, Int, Int) -> Void)?) throws -> Pipeline.Summary {
        var summary = Pipeline.Summary()
        let clock = ContinuousClock()
        func step<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
            var result: T?
            let elapsed = try clock.measure { result = try body() }
            summary.steps.append((name, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18))
            return result!
        }

        let configText = (try? Data(contentsOf: URL(fileURLWithPath: options.configPath))) ?? Data()
        var config = try step("config") { try SiteConfig.load(options.configPath) }
        if let base = options.baseURL { config.baseURL = base.hasSuffix("/") ? base : base + "/" }
        summary.output = config.outputDirectory
        let templates = try step("templates") { try TemplateSet(directory: config.templatesDirectory) }
        var search = options.search ?? config.searchEnabled
        if search && SearchIndexer.version == nil {
            summary.warnings.append("search: Pagefind is not installed (pip install 'pagefind[extended]'); the site is built without search")
            search = false
        }

        // Inputs that shape every page; a change re-renders everything.
        let inputs = ContentHash.combine([ContentHash.of([UInt8](configText)), templates.fingerprint,
                                          ContentHash.of(Array((options.baseURL ?? "").utf8)), search ? 1 : 0])
        let stamps = BuildManifest.stamps(in: config.contentDirectory)
        if !manifestLoaded {
            manifestLoaded = true
            if let manifest = BuildManifest.load(from: cacheFolder) {
                previous = manifest.outputs
                // Nothing read has changed and the site is in place: the build is done.
                if manifest.inputs == inputs, manifest.sources == stamps,
                   FileManager.default.fileExists(atPath: (config.outputDirectory as NSString).appendingPathComponent("index.html")) {
                    summary.upToDate = true
                    summary.sources = stamps.count
                    return summary
                }
            }
        }
        let parsed = try step("parse") { try Pipeline.parseSources(in: config.contentDirectory, cache: sources, progress: progress) }
        sources = Dictionary(uniqueKeysWithValues: parsed.map { ($0.file.name, $0) })
        summary.sources = parsed.count
        summary.errors = parsed.compactMap(\.error)
        let content = step("index") { ArchiveContent(sources: parsed.map(\.file), config: config, gazetteer: .shared) }
        summary.reports = content.reports.count
        summary.warnings += Pipeline.unmatchedOverrides(config, content)

        // A report page depends on its source, its place in it, and everything that shapes every page.
        let renderKey = inputs
        let sourceHash = Dictionary(uniqueKeysWithValues: parsed.map { ($0.file.name, $0.hash) })
        let keys = content.reports.map { r in
            ContentHash.combine([renderKey, sourceHash[r.sourceFile] ?? 0, UInt64(r.position), ContentHash.of(Array(r.slug.utf8))])
        }
        let paths = SitePaths(pretty: config.prettyURLs)
        let page = PageContext(config: config, paths: paths, reportCount: content.reports.count, searchEnabled: search)
        let rendered = step("render") {
            Pipeline.render(content, page: page, templates: templates, keys: keys, reuse: reportPages, progress: progress)
        }
        summary.reportPagesRendered = rendered.rendered
        summary.files = rendered.files.count
        summary.pages = rendered.files.filter { $0.path.hasSuffix(".html") }.count

        let hashes = step("compare") { Self.hashes(of: rendered.files) }
        let output = URL(fileURLWithPath: config.outputDirectory)
        let unchanged = Set(rendered.files.indices.filter { previous[rendered.files[$0].path] == hashes[$0] }.map { rendered.files[$0].path })
        summary.filesWritten = rendered.files.count - unchanged.count
        try step("write") {
            let writer = SiteWriter(output: output)
            let staging = try writer.stage()
            do {
                try SiteWriter.write(rendered.files, into: staging, linking: unchanged, from: output)
                if search {
                    // Timed on its own line: indexing is a cost of its own, not of the build.
                    let start = ContinuousClock.now
                    do { try SearchIndexer.index(site: staging) } catch { summary.warnings.append("\(error)") }
                    let elapsed = ContinuousClock.now - start
                    summary.steps.append(("search", Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18))
                }
                try writer.commit(staging)
            } catch {
                writer.discard(staging)
                throw error
            }
        }
        reportPages = rendered.reportPages
        previous = Dictionary(uniqueKeysWithValues: zip(rendered.files.map(\.path), hashes))
        // Sources that failed are not stamped, so the next build tries them again.
        let failed = Set(parsed.filter { $0.error != nil }.map(\.file.name))
        do {
            try BuildManifest(inputs: inputs, sources: stamps.filter { !failed.contains($0.key) }, outputs: previous).save(to: cacheFolder)
        } catch {
            summary.warnings.append("cannot save the build cache in \(cacheFolder.path): \(error)")
        }
        return summary
    }

    private static func hashes(of files: [OutputFile]) -> [UInt64] {
        let slots = ResultSlots<UInt64>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { slots.set($0, ContentHash.of(files[$0].bytes)) }
        return slots.values
    }
}
