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
    /// Per report slug: the key its pages were rendered with, and their paths and hashes.
    private var reportPages: [String: ReportPages] = [:]

    struct ReportPages: Sendable {
        var key: UInt64
        var files: [(path: String, hash: UInt64)]
    }
    /// Content hashes of the files in the site now in place.
    private var previous: [String: UInt64] = [:]
    private var manifestLoaded = false
    /// What the last build rendered with, for `updateReportPages`.
    private var last: (content: ArchiveContent, page: PageContext, templates: TemplateSet, inputs: UInt64)?

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
                for (slug, r) in manifest.reports {
                    let files = r.paths.compactMap { path in manifest.outputs[path].map { (path: path, hash: $0) } }
                    if files.count == r.paths.count { reportPages[slug] = ReportPages(key: r.key, files: files) }
                }
                // Nothing read has changed and the site is in place: the build is done.
                if options.skipWhenUpToDate, manifest.inputs == inputs, manifest.sources == stamps,
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
        let page = PageContext(config: config, paths: paths, searchEnabled: search)
        let output = URL(fileURLWithPath: config.outputDirectory)
        let writer = SiteWriter(output: output)
        let staging = try writer.stage()
        let site = StagedSite(folder: staging, previousFolder: output, previous: previous)
        var newPages: [String: ReportPages] = [:]
        do {
            // Report pages stream to disk as they are rendered; unchanged ones are linked, not rendered.
            let rendered = Counter()
            newPages = step("render reports") {
                let reportPage = ReportPage(page: page, content: content, templates: templates)
                let slots = ResultSlots<ReportPages>(count: content.reports.count)
                let done = Counter()
                DispatchQueue.concurrentPerform(iterations: content.reports.count) { i in
                    let slug = content.reports[i].slug
                    if let cached = reportPages[slug], cached.key == keys[i],
                       cached.files.allSatisfy({ site.linkFromPrevious($0.path, hash: $0.hash) }) {
                        slots.set(i, cached)
                    } else {
                        let files = reportPage.files(for: content.reports[i])
                        slots.set(i, ReportPages(key: keys[i], files: files.map { ($0.path, site.put($0)) }))
                        _ = rendered.increment()
                    }
                    progress?("render", done.increment(), content.reports.count)
                }
                return Dictionary(uniqueKeysWithValues: zip(content.reports.map(\.slug), slots.values))
            }
            summary.reportPagesRendered = rendered.value
            let others = step("render indexes") {
                Pipeline.renderIndexes(content, page: page, templates: templates, reportPaths: content.reports.map { paths.report($0.slug) })
            }
            step("write indexes") {
                DispatchQueue.concurrentPerform(iterations: others.count) { site.put(others[$0]) }
            }
            step("copy sources") {
                let sources = content.sources, folder = config.contentDirectory
                DispatchQueue.concurrentPerform(iterations: sources.count) { i in
                    if let copy = Pipeline.sourceCopy(sources[i], folder: folder, paths: paths) { site.put(copy) }
                }
            }
            try site.check()
            if search {
                // Timed on its own line: indexing is a cost of its own, not of the build.
                try step("search") {
                    do { try SearchIndexer.index(site: staging) } catch { summary.warnings.append("\(error)") }
                }
            }
            try step("swap") { try writer.commit(staging) }
        } catch {
            writer.discard(staging)
            throw error
        }
        let manifest = site.manifest
        summary.files = manifest.count
        summary.pages = manifest.keys.filter { $0.hasSuffix(".html") }.count
        summary.filesWritten = site.written
        reportPages = newPages
        last = (content, page, templates, inputs)
        previous = manifest
        // Sources that failed are not stamped, so the next build tries them again.
        let failed = Set(parsed.filter { $0.error != nil }.map(\.file.name))
        do {
            try BuildManifest(inputs: inputs, sources: stamps.filter { !failed.contains($0.key) }, outputs: previous,
                              reports: newPages.mapValues { ($0.key, $0.files.map(\.path)) }).save(to: cacheFolder)
        } catch {
            summary.warnings.append("cannot save the build cache in \(cacheFolder.path): \(error)")
        }
        return summary
    }

    /// The preview server's fast path: rewrites, in place, the pages of the reports in the changed
    /// sources, before the full rebuild that follows updates the index pages. Returns the paths
    /// written, or nil when the edit needs the full rebuild to show (config or templates changed, a
    /// source gained or lost reports, a new source, a region the indexes do not know yet).
    public func updateReportPages(changed: [String]) -> [String]? {
        lock.withLock {
            guard let last, !changed.isEmpty else { return nil }
            let config = last.page.config
            let folder = URL(fileURLWithPath: config.contentDirectory).resolvingSymlinksInPath().path
            var content = last.content
            var touched: [Int] = []
            for path in changed {
                let url = URL(fileURLWithPath: path).resolvingSymlinksInPath()
                guard url.deletingLastPathComponent().path == folder, url.pathExtension == "txt",
                      let bytes = FileManager.default.contents(atPath: url.path),
                      let source = try? ReportParser().parse(bytes: [UInt8](bytes), source: url.lastPathComponent) else { return nil }
                let name = url.lastPathComponent
                let indices = content.reports.indices.filter { content.reports[$0].sourceFile == name }.sorted { content.reports[$0].position < content.reports[$1].position }
                guard !indices.isEmpty, indices.count == source.reports.count else { return nil }
                for (i, report) in zip(indices, source.reports) {
                    var archived = content.reports[i]
                    archived.report = report
                    archived.setByHand = []
                    for o in config.overrides where o.source == name && o.report == archived.position { archived.apply(o, gazetteer: .shared) }
                    guard archived.report.region.code.map({ content.regions.nodes[$0] != nil }) ?? true else { return nil }
                    archived.classify(with: content.classifier)
                    content.reports[i] = archived
                    touched.append(i)
                }
            }
            let output = URL(fileURLWithPath: config.outputDirectory)
            let reportPage = ReportPage(page: last.page, content: content, templates: last.templates)
            var written: [String] = []
            for i in touched {
                for file in reportPage.files(for: content.reports[i]) {
                    // Each file replaced whole by a rename: a reader sees the old page or the new one.
                    let target = output.appendingPathComponent(file.path)
                    let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).new")
                    guard (try? Data(file.bytes).write(to: temporary)) != nil, rename(temporary.path, target.path) == 0 else { return nil }
                    previous[file.path] = ContentHash.of(file.bytes)  // the full rebuild will find it current
                    written.append(file.path)
                }
            }
            return written
        }
    }
}
