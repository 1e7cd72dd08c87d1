import Decode
import Foundation
import ReportModel
import ReportParser

/// The "sources" step: every source parsed, and its report pages, Markdown and copy written.
extension Pipeline {
    /// What every report page is rendered with.
    struct ReportRendering {
        var pages: ReportPage
        var config: SiteConfig { pages.page.config }
        /// Hash of everything that shapes every page (config, templates, options).
        var inputs: UInt64
        /// Where a report page's links to the rest of the archive go, filled in the index step.
        var slot: ReportPageSlot

        init(pages: ReportPage, inputs: UInt64) {
            self.pages = pages
            self.inputs = inputs
            slot = ReportPageSlot(pages: pages)
        }
    }

    /// Every source on all cores, streamed: a source is read, parsed, and its report pages and
    /// source copy written before the next is taken, so only its listing stays in memory. A source
    /// whose record in `cache` is current has its files linked from the last site, unparsed; one whose
    /// size and modification time are those in `recorded` (as when its record was made) is not even read.
    /// - Returns: one record per source in name order, how many were parsed, and how many report
    ///   pages were rendered.
    /// - Parameter store: where each report's topic passages and outline go; a reused record's are
    ///   copied there from `cachedStore`, the store of `cache`.
    static func buildSources(_ files: [ContentFolder.Source], folder: String, cache: [String: SourceRecord],
                             recorded: [String: String], rendering: ReportRendering, into site: StagedSite,
                             store: ListingStore, cachedStore: ListingStore?,
                             progress: (@Sendable (String, Int, Int) -> Void)?) -> (records: [SourceRecord], parsed: Int, rendered: Int) {
        // Sources are taken in runs, a run's records kept together: after an edit nearly all are
        // reused, and a lock or two a source was most of their cost.
        let runs = min(files.count, ProcessInfo.processInfo.activeProcessorCount * 256)
        let results = ResultSlots<[SourceRecord]>(count: runs)
        let parsed = Counter(), rendered = Counter(), done = Counter()
        let parser = ReportParser()
        let rendering = UncheckedBox(rendering)  // read only
        @Sendable func key(_ hash: UInt64, _ slug: String) -> UInt64 {
            var slug = slug
            return ContentHash.combine([rendering.value.inputs, hash, slug.withUTF8 { ContentHash.of(UnsafeRawBufferPointer($0)) }])
        }
        // The cached record, when it was made from bytes with this hash and all its files are
        // there (report pages are linked or rewritten once their links are known, in the links step).
        @Sendable func reused(_ cached: SourceRecord, ifHash hash: UInt64, slug: String) -> SourceRecord? {
            guard cached.key == key(hash, slug), site.reuse(cached.files) else { return nil }
            return store.carry(cached, from: cachedStore)
        }
        @Sendable func record(_ i: Int) -> (record: SourceRecord, parsed: Bool) {
            let (name, slug) = (files[i].name, files[i].slug)
            let cached = cache[name]
            if let cached, recorded[name] == files[i].stamp, let record = reused(cached, ifHash: cached.hash, slug: slug) {
                return (record, false)
            }
            let bytes = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(name)).map { [UInt8]($0) }
            let hash = bytes.map { ContentHash.of($0) } ?? 0
            if bytes != nil, let cached, let record = reused(cached, ifHash: hash, slug: slug) {
                return (record, false)
            }
            return (build(name: name, slug: slug, hash: hash, key: key(hash, slug), bytes: bytes, parser: parser,
                          rendering: rendering.value, folder: folder, into: site, store: store), true)
        }
        DispatchQueue.concurrentPerform(iterations: runs) { r in
            let run = (files.count * r / runs)..<(files.count * (r + 1) / runs)
            var records: [SourceRecord] = []
            records.reserveCapacity(run.count)
            var parsedHere = 0, renderedHere = 0
            for i in run {
                let (record, wasParsed) = record(i)
                if wasParsed {
                    parsedHere += 1
                    renderedHere += record.reports.count
                }
                records.append(record)
            }
            results.set(r, records)
            parsed.add(parsedHere)
            rendered.add(renderedHere)
            done.add(run.count)
            progress?("sources", done.value, files.count)
        }
        return (results.values.flatMap { $0 }, parsed.value, rendered.value)
    }

    /// One source: parsed, its pages and text put into the site, and the file it came as when that
    /// is not text (linked from the content folder where the file system allows, else copied).
    static func build(name: String, slug: String, hash: UInt64, key: UInt64, bytes: [UInt8]?, parser: ReportParser,
                      rendering: ReportRendering, folder: String, into site: StagedSite, store: ListingStore) -> SourceRecord {
        var record = SourceRecord(name: name, slug: slug, hash: hash, key: key, error: nil, reports: [], files: [])
        let source: Source
        var text: [UInt8]
        do {
            guard let bytes else { throw DecodeError(path: name, reason: "cannot be read") }
            if SourceFormat(fileName: name) ?? .text != .text {
                let extracted = try SourceExtractor.extract(bytes, name: name)
                source = parser.parse(extracted, source: name, slug: slug)
                text = Array(extracted.text.utf8)
            } else {
                source = try parser.parse(bytes: bytes, source: name, slug: slug)
                // Plain UTF-8 (no byte-order mark, no CR) is its own text; anything else is decoded again
                // for the copy, which is rare and cheaper than always keeping a decoded copy.
                text = TextDecoder.isPlainUTF8Candidate(bytes) && source.encoding == "utf-8"
                    ? bytes : Array(try TextDecoder.decode(bytes, path: name).text.utf8)
            }
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
        let textPath = pages.page.paths.source(slug)
        // A source that already is that text (UTF-8 with a byte-order mark, LF lines) is linked, not copied.
        let textIsSource = bytes.map { $0.count == text.count && $0 == text } ?? false
        if !textIsSource { outputs.append(OutputFile(path: textPath, bytes: text)) }
        let reportPages = Set(reports.map { pages.page.paths.report($0.slug) })
        record.files = outputs.map { reportPages.contains($0.path) ? rendering.slot.stage($0, into: site) : SourceRecord.File(path: $0.path, hash: site.put($0)) }
        if textIsSource {
            record.files.append(SourceRecord.File(path: textPath, hash: site.putOriginal(textPath, from: (folder as NSString).appendingPathComponent(name), bytes: text)))
        }
        if let original = reports.first?.original, let bytes {
            let path = pages.page.paths.original(slug, extension: original.extension)
            let hash = site.putOriginal(path, from: (folder as NSString).appendingPathComponent(name), bytes: bytes)
            record.files.append(SourceRecord.File(path: path, hash: hash))
        }
        record.reports = reports.map { report in
            var listed = report.listed
            let quoted = TopicPassage.encode(report.sections.map { ($0.anchor, $0.passages) })
            store.put(&listed, passages: quoted)
            // A topic page shows the passages: a list page's key covers them through the fingerprint.
            if !quoted.isEmpty { listed.fingerprint = ContentHash.combine([listed.fingerprint, ContentHash.of(quoted)]) }
            return listed
        }
        record.warnings = source.reports.flatMap { r in r.warnings.map { "\(name): \(r.id): \($0)" } }
        return record
    }
}
