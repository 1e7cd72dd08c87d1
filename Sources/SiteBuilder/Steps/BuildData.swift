import Foundation

/// The "data" step: the archive as data beside the pages (`data/reports.json`, `data/reports.csv`,
/// and with `[export] sqlite` `data/archive.sqlite`).
extension Pipeline {
    static let dataFiles = (json: "reports.json", csv: "reports.csv", sqlite: "archive.sqlite")

    /// The data files written a row a report (`RowExport`), which an edit rewrites in place where
    /// the staging folder holds copies of its own: the spare keeps such copies of them.
    static func rowExports(_ paths: SitePaths) -> [String] {
        [dataFiles.json, dataFiles.csv].map(paths.data)
    }

    /// JSON and CSV are written from the index, and linked from the site in place instead while no
    /// row's key (`ExportKeys`) nor any build input changed; else only the rows whose key changed
    /// are rendered, the others copied from the file in place (`ExportPlan`). The database also
    /// holds the sections' text, which the build does not keep, so it parses every source again
    /// (on all cores), and is linked only while no source changed (`sourcesKey`).
    static func buildData(_ content: ArchiveContent, sources: [ContentFolder.Source], sourcesKey: UInt64,
                          rendering: ReportRendering, keys: PageKeys, cache: URL, into site: StagedSite) {
        let config = rendering.config
        let paths = rendering.pages.page.paths
        let json = paths.data(dataFiles.json), csv = paths.data(dataFiles.csv), sqlite = paths.data(dataFiles.sqlite)
        let rows = ExportKeys(content)
        let export = RowExport(inputs: rendering.inputs, siteInPlace: config.outputDirectory, cache: cache, site: site)
        if !keys.reuse(json, key: ExportKeys.file(rows.json)) {
            export.put(json, keys: rows.json) { try ReportsJSON.write(content, config: config, paths: paths, to: $0, plan: $1) }
        }
        if !keys.reuse(csv, key: ExportKeys.file(rows.csv)) {
            export.put(csv, keys: rows.csv) { try ReportsCSV.write(content, config: config, paths: paths, to: $0, plan: $1) }
        }
        if config.exportSQLite, !keys.reuse(sqlite, key: sourcesKey) {
            let stream = SourceStream(files: sources, folder: config.contentDirectory, config: config,
                                      classifier: rendering.pages.classifier, gazetteer: rendering.pages.gazetteer)
            site.putMade(sqlite) { path in
                let database = try ArchiveDatabase(creating: path)
                try stream.forEach({ ArchiveDatabase.rows(for: $0.reports) }, database.add)
                try database.finish(content, config: config, paths: paths)
            }
        }
    }
}
