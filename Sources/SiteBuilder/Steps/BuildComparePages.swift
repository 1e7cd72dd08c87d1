import Foundation
import ReportParser

/// The "compare pages" step: a page for each pair of reports `ReportRelations.compared` names, and
/// the clusters page.
extension Pipeline {
    /// Puts every compare page and the clusters pages into the site; returns their paths, for the
    /// sitemap. A page whose two reports come from unchanged sources (and the same similarity) is
    /// linked from the site in place. A near-duplicate pair's page also shows the names and numbers
    /// that differ, from the texts of the two reports: their sources, and only theirs, are parsed
    /// again, once for each cluster they are in.
    static func buildComparePages(_ links: ReportLinks, sourceHashes: [String: UInt64], folder: String, rendering: ReportRendering,
                                  keys: PageKeys, into site: StagedSite) -> [String] {
        let content = links.content, relations = links.relations, paths = links.page.paths
        let pages = ComparePage(page: links.page, classifier: rendering.pages.classifier, templates: rendering.pages.templates,
                                store: content.store)
        // Jobs: the near-duplicate pairs of one cluster (whose sources are parsed together), or a
        // run of neighbours without differences to find.
        var byCluster: [Int: [Int]] = [:]
        var plain: [Int] = []
        for (i, pair) in relations.compared.enumerated() {
            if pair.similarity != nil, let c = relations.clusters.clusterOf[pair.a] {
                byCluster[c, default: []].append(i)
            } else {
                plain.append(i)
            }
        }
        var jobs = byCluster.keys.sorted().map { byCluster[$0]! }
        jobs += stride(from: 0, to: plain.count, by: 64).map { Array(plain[$0..<Swift.min(plain.count, $0 + 64)]) }
        let done = ResultSlots<[String]>(count: jobs.count)
        let shared = UncheckedBox((jobs, pages, rendering))  // only read
        DispatchQueue.concurrentPerform(iterations: jobs.count) { j in
            let (jobs, pages, rendering) = shared.value
            let parser = ReportParser()
            var texts: [String: [String]] = [:]  // source file → its reports' texts, parsed once a job
            func text(_ r: ListedReport) -> String? {
                if texts[r.sourceFile] == nil {
                    let bytes = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(r.sourceFile)).map { [UInt8]($0) }
                    let source = bytes.flatMap { try? parser.parse(bytes: $0, source: r.sourceFile) }
                    // The text as `archive compare` reads it.
                    texts[r.sourceFile] = source.map {
                        ArchivedReport.all(in: $0, file: r.sourceFile, slug: "", config: rendering.config,
                                           classifier: rendering.pages.classifier, gazetteer: rendering.pages.gazetteer).map(\.plainText)
                    } ?? []
                }
                let all = texts[r.sourceFile]!
                return r.position <= all.count ? all[r.position - 1] : nil
            }
            var written: [String] = []
            for i in jobs[j] {
                let pair = relations.compared[i]
                let a = content.reports[pair.a], b = content.reports[pair.b]
                let path = paths.compare(a.slug, b.slug)
                written.append(path)
                if keys.reuse(path, key: comparePageKey(a, b, similarity: pair.similarity, sourceHashes: sourceHashes)) { continue }
                var differences: TextDifferences?
                if pair.similarity != nil, let ta = text(a), let tb = text(b) { differences = TextDifferences.between(ta, tb) }
                site.put(pages.file(a, b, differences: differences, similarity: pair.similarity))
            }
            done.set(j, written)
        }
        var out = done.values.flatMap { $0 }
        for file in DuplicatesPage(links: links, templates: rendering.pages.templates).files() {
            site.put(file)
            out.append(file.path)
        }
        return out
    }

    /// What a compare page is made from: the two reports' sources (by their hashes) and places in
    /// them, and their similarity; the config and templates are the build's inputs (`PageKeys`).
    static func comparePageKey(_ a: ListedReport, _ b: ListedReport, similarity: Double?, sourceHashes: [String: UInt64]) -> UInt64 {
        var parts: [UInt64] = [similarity.map { $0.bitPattern } ?? 0]
        for r in [a, b] {
            parts += [sourceHashes[r.sourceFile] ?? 0, UInt64(r.position), ContentHash.of(Array(r.slug.utf8))]
        }
        return ContentHash.combine(parts)
    }
}
