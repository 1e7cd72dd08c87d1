import Foundation
import ReportModel
import ReportParser

/// Builds a site, and rebuilds it cheaply: a source is parsed and its pages rendered only when
/// its bytes (or the config, templates or options) changed; otherwise its pages are hard-linked
/// from the previous site and its listing taken from the build cache, also in a new process.
/// Index files whose bytes are unchanged are linked too. The preview server keeps one session for
/// its whole run.
public final class BuildSession: @unchecked Sendable {
    public let options: Pipeline.Options
    private let lock = NSLock()
    /// Per source file name: what the last build made of it.
    private var records: [String: SourceRecord] = [:]
    /// The token `records` were saved with: their passages and outlines are in that build's `ListingStore`.
    private var recordsToken: String?
    /// The records as `sources.tsv` holds them: a build saves what differs from them.
    private var cacheBase: SourceCache.Base?
    /// The search index in the site now in place, saved with `records`: a build updates it.
    private var searchState: SearchState?
    /// The near duplicates of the site now in place: a build updates them.
    private var nearDuplicates: NearDuplicateState?
    /// Content hashes of the files in the site now in place.
    private var previous = SiteFiles()
    /// The manifest as `manifest.tsv` holds it: a build saves what differs from it.
    private var manifestBase: BuildManifest.Base?
    /// The site the last swap put aside, which the next build starts from.
    private var spare: SiteWriter.Spare?
    /// Size and modification time of each source when its record was made.
    private var recordedStamps: [String: String] = [:]
    /// The keys the list pages now in place were rendered with.
    private var pageKeys: [String: UInt64] = [:]
    /// The id of the site this session's state describes (`SiteMarker`); nil: nothing known yet.
    /// When the site in place has another id (another process built it), the state is read anew.
    private var siteID: String?
    /// What the last build rendered with, for `updateReportPages`.
    private var last: (content: ArchiveContent, rendering: Pipeline.ReportRendering, links: ReportLinks)?

    public init(_ options: Pipeline.Options) {
        self.options = options
    }

    /// The running executable's size and modification time: a new version of the tool may render
    /// pages differently, so nothing an older one made is reused.
    static let toolStamp: UInt64 = {
        var st = stat()
        guard stat("/proc/self/exe", &st) == 0 else { return 0 }
        return ContentHash.of(Array("\(st.st_size):\(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)".utf8))
    }()

    /// `.archive-cache/` beside the config: the build's memory between runs, and its lock.
    var cacheFolder: URL { Self.cacheFolder(forConfig: options.configPath) }

    static func cacheFolder(forConfig configPath: String) -> URL {
        URL(fileURLWithPath: configPath).deletingLastPathComponent().appendingPathComponent(".archive-cache")
    }

    public func build(progress: (@Sendable (String, Int, Int) -> Void)? = nil) throws -> Pipeline.Summary {
        try lock.withLock { try buildLocked(progress: progress) }
    }

    /// Forgets what the last build left, so the next one trusts nothing of the site in place.
    private func forget() {
        records = [:]
        recordsToken = nil
        cacheBase = nil
        searchState = nil
        nearDuplicates = nil
        previous = SiteFiles()
        manifestBase = nil
        spare = nil
        recordedStamps = [:]
        pageKeys = [:]
        siteID = nil
        last = nil
    }

    private func buildLocked(progress: (@Sendable (String, Int, Int) -> Void)?) throws -> Pipeline.Summary {
        var summary = Pipeline.Summary()
        let clock = ContinuousClock()
        func step<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
            var result: T?
            let elapsed = try clock.measure { result = try body() }
            summary.steps.append((name, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18))
            TestHooks.pause(after: name)
            return result!
        }

        let configText = (try? Data(contentsOf: URL(fileURLWithPath: options.configPath))) ?? Data()
        var config = try step("config") { try SiteConfig.load(options.configPath) }
        if let base = options.baseURL { config.baseURL = try SiteConfig.validateBaseURL(base) }
        summary.output = config.outputDirectory
        try OutputGuard.check(config, configPath: options.configPath, force: options.force)
        let held = try BuildLock(folder: cacheFolder, waiting: { [options] in options.waiting?($0) })
        defer { withExtendedLifetime(held) {} }
        let output = URL(fileURLWithPath: config.outputDirectory)
        let writer = SiteWriter(output: output)
        writer.removeLeftovers()
        let templates = try step("templates") { try TemplateSet(directory: config.templatesDirectory) }
        let search = options.search ?? config.searchEnabled

        // Inputs that shape every page; a change re-renders everything. The tool's stamp is kept
        // apart for the report pages' links keys (`ReportLinks.key`), which name pages in the
        // manifest and so the site's id: two builds of the tool give the same site the same id.
        let pageInputs = ContentHash.combine([ContentHash.of([UInt8](configText)), templates.fingerprint,
                                              ContentHash.of(Array((options.baseURL ?? "").utf8)), search ? 1 : 0])
        let inputs = ContentHash.combine([pageInputs, Self.toolStamp])
        // Work that needs nothing but its own files runs beside the rest: the content folder is
        // scanned and the source records read while the manifest is read, and the staging folder
        // made ready while the records are checked.
        let scanning = Background { [config, cacheFolder] in
            let slugs = SlugCache(folder: cacheFolder, tool: Self.toolStamp)
            let folder = try ContentFolder.scan(config.contentDirectory, followSymlinks: config.followSymlinks, slugs: slugs)
            slugs.save(keeping: folder.sources.map(\.name))
            return folder
        }
        // The site in place decides what can be trusted: this session's state when it built that
        // site, else the cache saved with it, else nothing.
        let inPlace = SiteMarker.read(in: output)
        let reload = inPlace == nil || inPlace != siteID
        if reload { forget() }
        // Read before the manifest names their token, which is checked once it does.
        var readingRecords = inPlace != nil && reload ? Background { [cacheFolder] in SourceCache.read(from: cacheFolder, token: nil) } : nil
        let saved = inPlace.flatMap { site in
            reload ? step("manifest", { BuildManifest.load(from: cacheFolder) }).flatMap { $0.manifest.site == site ? $0 : nil } : nil
        }
        let folder = try step("scan") { try scanning.value() }
        summary.warnings += folder.warnings
        summary.errors += folder.errors
        let stamps = folder.stamps
        if let (manifest, base) = saved {
            if options.skipWhenUpToDate, manifest.inputs == inputs, manifest.sources == stamps {
                summary.upToDate = true
                summary.sources = stamps.count
                summary.warnings += manifest.warnings
                return summary
            }
            previous = manifest.outputs
            manifestBase = base
            spare = manifest.spare
            pageKeys = manifest.pages
            recordedStamps = manifest.sources
            // Every record's key holds the inputs: with other inputs none could be reused.
            if manifest.inputs == inputs {
                searchState = SearchState.load(from: cacheFolder, token: manifest.records)
                recordsToken = manifest.records
            }
        }
        let staged = Background { [previous, spare] in try writer.stage(from: previous.isEmpty ? nil : spare) }
        // While the records are read, a core is free for the tables the sources step's first parse
        // needs, and for the gazetteer (a table of all of China's places, read once a process).
        DispatchQueue.global().async { ReportParser.prepare() }
        let gazetteer = Background { Gazetteer.shared }
        spare = nil  // claimed, or gone
        if let reading = readingRecords, let token = recordsToken {
            try step("load cache") {
                var read = try reading.value()
                // Files another build left beside those the manifest names: read the ones it names.
                if read.token != token { read = SourceCache.read(from: cacheFolder, token: token) }
                (records, cacheBase) = (read.records, read.base)
            }
        }
        readingRecords = nil  // records of other inputs are dropped, not held through the build
        let files = folder.sources
        let page = PageContext(config: config, paths: SitePaths(pretty: config.prettyURLs), searchEnabled: search)
        let rendering = Pipeline.ReportRendering(
            pages: ReportPage(page: page, classifier: TopicClassifier(topics: config.topics), templates: templates),
            inputs: inputs)
        let token = UUID().uuidString
        let (staging, claimed) = try step("stage") { try staged.value() }
        let cachedStore = recordsToken.flatMap { ListingStore(in: cacheFolder, token: $0) }
        let live = records.values.reduce(0) { sum, record in sum + record.reports.reduce(0) { $0 + $1.storedBytes } }
        let store: ListingStore
        do {
            store = try cachedStore.flatMap { ListingStore(extending: $0, token: token, live: live) }
                ?? ListingStore(creatingIn: cacheFolder, token: token)
        } catch {
            writer.discard(staging)
            throw error
        }
        let site = StagedSite(folder: staging, previousFolder: output, previous: previous, kept: claimed?.files ?? SiteFiles())
        let keys = PageKeys(inputs: inputs, previous: pageKeys, spare: claimed?.pages ?? [:], site: site)
        var built: (records: [SourceRecord], parsed: Int, rendered: Int)
        var content: ArchiveContent
        let links: ReportLinks
        // The source records are saved on a core of their own while the index pages are built, once
        // the report links step has set the hashes of the report pages.
        let savingRecords = DispatchGroup(), writingData = DispatchGroup()
        // This build's site linked as the spare, when its swap puts no site aside; true once whole.
        var linkingSpare: Background<Bool>?
        let saveError = LockedError()
        // The records' file as it stands once they are saved, failed or not.
        let savedBase = ResultSlots<SourceCache.Base?>(count: 1)
        savedBase.set(0, cacheBase)
        var searching: Background<(state: SearchState, updated: Bool)>?
        var searched: (state: SearchState, updated: Bool)?
        var savingManifest: Background<BuildManifest.Base>?
        let cacheError: @Sendable (any Error) -> SiteWriter.WriteError = { [cacheFolder] error in
            SiteWriter.WriteError(message: "cannot save the build cache in \(cacheFolder.path), so the site in place was kept: \(error)")
        }
        // The search index, and its state saved for the next build (named by this build's token, so
        // nothing reads it unless this build's cache is saved too).
        let buildSearch: @Sendable (ArchiveContent, [SourceRecord], SitePaths) throws -> (state: SearchState, updated: Bool) = {
            [cacheFolder, searchState] content, records, paths in
            let result = try Pipeline.buildSearch(content, records: records, paths: paths, inputs: inputs, previous: searchState,
                                                  scratch: staging, into: site)
            do { try result.state.save(token: token, to: cacheFolder) } catch { throw cacheError(error) }
            return result
        }
        do {
            built = step("sources") {
                Pipeline.buildSources(files, folder: config.contentDirectory, cache: records,
                                      recorded: recordedStamps,
                                      rendering: rendering, into: site, store: store,
                                      cachedStore: cachedStore, progress: progress)
            }
            if let failure = store.failure {
                throw SiteWriter.WriteError(message: "cannot save the build cache in \(cacheFolder.path), so the site in place was kept: \(failure)")
            }
            // Near duplicates are found beside the index, among the reports in source order, and
            // saved for the next build like the search state.
            let reports = built.records.flatMap(\.reports)
            let findingPairs = Background { [signatures = reports.map(\.minhash), nearDuplicates, cacheFolder, savedToken = saved?.manifest.records] in
                let state = NearDuplicateState(finding: signatures,
                                               previous: nearDuplicates ?? savedToken.flatMap { NearDuplicateState.load(from: cacheFolder, token: $0) })
                do { try state.save(token: token, to: cacheFolder) } catch { throw cacheError(error) }
                return state
            }
            content = try step("index") {
                ArchiveContent(reports: reports, sourceCount: files.count, classifier: rendering.pages.classifier, gazetteer: try gazetteer.value())
            }
            content.store = store
            // After an edit the steps that follow are light, each leaving a core idle part of the time,
            // so the search index and the list pages, which need nothing they make, are made beside
            // them. In a full build each step fills both cores: side by side they only contend.
            let light = built.parsed <= max(64, files.count / 8)
            // The search index needs the reports in list order and their Markdown, nothing later.
            if search, light {
                searching = Background { [content, records = built.records, paths = page.paths] in
                    try buildSearch(content, records, paths)
                }
            }
            let foundPairs = try step("near duplicates") {
                let found = try findingPairs.value()
                content.nearDuplicates = content.inListOrder(found.pairs)
                return found
            }
            // The data files are written beside the report links and index pages: JSON and CSV are one
            // core's work, and those steps leave room for it. Step "data" is the wait for them after the pages.
            writingData.onThread { [content, files, cacheFolder, sourcesKey = ContentHash.combine(built.records.map(\.key))] in
                Pipeline.buildData(content, sources: files, sourcesKey: sourcesKey,
                                   rendering: rendering, keys: keys, cache: cacheFolder, into: site)
            }
            // Home, taxonomy and list pages need the content and its near duplicates; the sitemap,
            // which lists the compare pages too, waits for them (step "index pages").
            let indexing = light ? Background { [content] in
                Pipeline.buildIndexPages(content, page: page, templates: templates, keys: keys, into: site)
            } : nil
            links = step("report links") {
                let links = ReportLinks(page: page, content: content, relations: ReportRelations(content, neighbours: config.compareNeighbours),
                                        inputs: pageInputs)
                Pipeline.linkReports(links, slot: rendering.slot, records: &built.records, into: site)
                return links
            }
            savingRecords.onThread { [cacheFolder, cacheBase, records = built.records] in
                do {
                    savedBase.set(0, try SourceCache.save(records, token: token, to: cacheFolder, over: cacheBase))
                } catch {
                    savedBase.set(0, nil)  // what is on disk is not known: the next save writes the whole file
                    saveError.set("\(error)")
                }
            }
            let related = step("compare pages") {
                Pipeline.buildComparePages(links, sourceHashes: Dictionary(uniqueKeysWithValues: built.records.map { ($0.name, $0.hash) }),
                                           folder: config.contentDirectory, rendering: rendering, keys: keys, into: site)
            }
            try step("index pages") {
                let indexPaths = try indexing?.value() ?? Pipeline.buildIndexPages(content, page: page, templates: templates, keys: keys, into: site)
                Pipeline.buildSitemap(content, page: page, keys: keys, pages: indexPaths + related, into: site)
            }
            step("data") { writingData.wait() }
            // Pages made without the outlines and passages they list would be wrong.
            if let failure = store.failure {
                throw SiteWriter.WriteError(message: "the site in place was kept: \(failure)")
            }
            if search {
                searched = try step("search") {
                    try searching?.value() ?? buildSearch(content, built.records, page.paths)
                }
            }
            site.sweep()
            try site.check()
            // The cache is saved before the swap, naming the new site: whatever stops the build from
            // here on, the cache and the site in place either agree or are seen not to.
            let failed = Set(built.records.filter { $0.error != nil }.map(\.name))
            let outputs = site.manifest
            let manifest = BuildManifest(site: SiteMarker.id(of: outputs), records: token, inputs: inputs,
                                         sources: failed.isEmpty ? stamps : stamps.filter { !failed.contains($0.key) }, outputs: outputs, pages: keys.all,
                                         warnings: built.records.flatMap(\.warnings))
            // The site in place, once swapped out, is the next build's spare when its files are known
            // and this build wrote few (else the spare would hold a second copy of the site's bytes).
            let oldSite = inPlace.flatMap { previous.isEmpty || site.written > previous.count / 8 ? nil : SiteWriter.Spare(id: $0, files: previous, pages: pageKeys) }
            // Else the spare is this site itself, linked on a core of its own while the cache is saved.
            let nextSpare = oldSite ?? SiteWriter.Spare(id: manifest.site, files: outputs, pages: manifest.pages)
            // Saved on a core of its own while the marker is written and the records' save awaited.
            savingManifest = Background { [manifestBase, cacheFolder] in
                var manifest = manifest
                manifest.setSpare(nextSpare)
                do { return try manifest.save(to: cacheFolder, over: manifestBase) } catch { throw cacheError(error) }
            }
            try SiteMarker.write(id: manifest.site, in: staging)
            if oldSite == nil {
                let data = Pipeline.rowExports(page.paths).filter { outputs[$0] != nil }
                linkingSpare = Background { writer.linkSpare(of: staging, id: nextSpare.id, ownCopies: data) }
            }
            try step("save cache") {
                savingRecords.wait()
                cacheBase = savedBase.values[0]
                if let message = saveError.message { throw cacheError(SiteWriter.WriteError(message: message)) }
                manifestBase = try savingManifest?.value()
            }
            let linked = step("spare") { (try? linkingSpare?.value()) == true }
            try step("swap") { try writer.commit(staging, keepingOld: oldSite != nil) }
            spare = oldSite != nil || linked ? nextSpare : nil
            store.removeOthers()
            searchState = searched?.state
            nearDuplicates = foundPairs
            previous = manifest.outputs
            pageKeys = manifest.pages
            recordedStamps = manifest.sources
            siteID = manifest.site
        } catch {
            savingRecords.wait()
            cacheBase = savedBase.values[0]
            writingData.wait()
            _ = try? searching?.value()
            if let saved = try? savingManifest?.value() { manifestBase = saved }
            if (try? linkingSpare?.value()) == true { writer.removeSpare() }
            writer.discard(staging)
            store.remove()
            throw error
        }
        if options.buildsAgain {
            records = Dictionary(uniqueKeysWithValues: built.records.map { ($0.name, $0) })
            recordsToken = token
            last = (content, rendering, links)
        } else {
            siteID = nil  // what the session holds is not this site's: a next build reads the cache
        }
        summary.sources = files.count
        summary.reports = content.reports.count
        summary.errors += built.records.compactMap(\.error)
        summary.warnings += built.records.flatMap(\.warnings)
        summary.warnings += Pipeline.unmatchedOverrides(config, content)
        summary.sourcesParsed = built.parsed
        summary.reportPagesRendered = built.rendered
        summary.files = previous.count
        summary.pages = previous.paths.count(previous.numbers, hasSuffix: ".html")
        summary.filesWritten = site.written
        summary.filesLinked = site.linked
        summary.listPagesReused = keys.reused
        summary.searchIndexUpdated = searched?.updated ?? false
        return summary
    }

    /// The preview server's fast path: rewrites, in place, the pages of the reports in the changed
    /// sources, before the full rebuild that follows updates the index pages. Returns the paths
    /// written, or nil when the edit needs the full rebuild to show (config or templates changed, a
    /// source gained or lost reports, a new source, a region the indexes do not know yet, another
    /// build running or done since this session's last).
    public func updateReportPages(changed: [String]) -> [String]? {
        lock.withLock {
            guard let last, !changed.isEmpty else { return nil }
            let rendering = last.rendering
            let config = rendering.config
            let output = URL(fileURLWithPath: config.outputDirectory)
            guard let held = BuildLock.ifFree(folder: cacheFolder), SiteMarker.read(in: output) == siteID else { return nil }
            defer { withExtendedLifetime(held) {} }
            let folder = URL(fileURLWithPath: config.contentDirectory).resolvingSymlinksInPath().path
            var outputs: [(file: OutputFile, hash: UInt64)] = []
            for path in changed {
                let url = URL(fileURLWithPath: path).resolvingSymlinksInPath()
                guard url.path.hasPrefix(folder + "/"), SourceFormat(fileName: url.lastPathComponent) != nil else { return nil }
                let name = String(url.path.dropFirst(folder.count + 1))
                guard
                      let record = records[name], record.error == nil,
                      let bytes = FileManager.default.contents(atPath: url.path),
                      let source = try? ReportParser().parse(bytes: [UInt8](bytes), source: name, slug: record.slug),
                      source.reports.count == record.reports.count else { return nil }
                let reports = ArchivedReport.all(in: source, file: name, slug: record.slug, config: config,
                                                 classifier: rendering.pages.classifier, gazetteer: rendering.pages.gazetteer)
                guard reports.allSatisfy({ $0.report.region.code.map { last.content.regions.nodes[$0] != nil } ?? true }) else { return nil }
                outputs += reports.flatMap { last.links.finished(rendering.pages.files(for: $0, in: reports), of: $0.slug, slot: rendering.slot) }
            }
            outputs.removeAll { previous[$0.file.path] == $0.hash }  // pages the edit left as they were
            guard !outputs.isEmpty else { return [] }

            // The marker changes first: a site edited in place is not the one the saved cache describes,
            // so if this process dies before its rebuild, the next build trusts none of it. Its id is
            // the edit's, not a hash of the whole site (a second at 100,000 reports): the full rebuild
            // that follows writes the site's own.
            let id = SiteMarker.editedID(from: siteID ?? "", outputs.map { ($0.file.path, $0.hash) })
            guard (try? SiteMarker.write(id: id, in: output)) != nil else { return nil }
            siteID = id
            var written: [String] = []
            for (file, hash) in outputs {
                // Each file replaced whole by a rename: a reader sees the old page or the new one.
                let target = output.appendingPathComponent(file.path)
                let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).new")
                // The search index in place was made from the Markdown being replaced: the rebuild needs it to update the index.
                if file.path.hasSuffix(".md"), searchState?.editedInPlace[file.path] == nil {
                    if let old = FileManager.default.contents(atPath: target.path) {
                        searchState?.editedInPlace[file.path] = [UInt8](old)
                    } else {
                        searchState = nil
                    }
                }
                guard StagedSite.write(file.bytes, to: temporary.path), rename(temporary.path, target.path) == 0 else { return nil }
                previous[file.path] = hash  // the full rebuild will find it current
                written.append(file.path)
            }
            return written
        }
    }
}
