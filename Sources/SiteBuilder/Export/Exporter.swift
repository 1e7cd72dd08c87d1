import Foundation
import ReportParser

/// `archive export`: one of the data files a build writes into `data/`, made straight from the
/// sources without building the site. Sources are parsed as the build parses them (same folder
/// scan, parser, overrides and classifier) and listed in the same order, so the file is the one
/// the build would write.
public enum Exporter {
    public enum Format: String, CaseIterable, Sendable {
        case json, csv, sqlite
    }

    public struct Summary: Sendable {
        public var sources = 0
        public var reports = 0
        /// Sources that could not be read, each message naming the file.
        public var errors: [String] = []
        public var warnings: [String] = []
    }

    /// What the export keeps of one parsed source.
    private struct Listing: Sendable {
        var error: String?
        var warnings: [String]
        var reports: [ListedReport]
        /// Its database rows, for the SQLite export only.
        var rows: ArchiveDatabase.SourceRows?
    }

    /// Writes `format` to `output`, replacing any file there only once the new one is whole.
    /// - Parameter baseURL: overrides `[site].base_url`, which the files give as the site's address.
    public static func export(_ format: Format, configPath: String, baseURL: String? = nil, to output: String) throws -> Summary {
        var config = try SiteConfig.load(configPath)
        if let baseURL { config.baseURL = try SiteConfig.validateBaseURL(baseURL) }
        let folder = try ContentFolder.scan(config.contentDirectory, followSymlinks: config.followSymlinks)
        let classifier = TopicClassifier(topics: config.topics)
        let stream = SourceStream(files: folder.sources, folder: config.contentDirectory, config: config, classifier: classifier)
        let paths = SitePaths(pretty: config.prettyURLs)
        let target = URL(fileURLWithPath: output)
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).part").path
        defer { unlink(temporary) }

        var summary = Summary(sources: folder.sources.count, errors: folder.errors, warnings: folder.warnings)
        var listed: [ListedReport] = []
        let database = format == .sqlite ? try ArchiveDatabase(creating: temporary) : nil
        try stream.forEach({ parsed in
            Listing(error: parsed.error,
                    warnings: parsed.reports.flatMap { r in r.report.warnings.map { "\(r.sourceFile): \(r.report.id): \($0)" } },
                    reports: parsed.reports.map(\.listed),
                    rows: format == .sqlite ? ArchiveDatabase.rows(for: parsed.reports) : nil)
        }) { listing in
            if let error = listing.error { summary.errors.append(error) }
            summary.warnings += listing.warnings
            listed += listing.reports
            if let rows = listing.rows { try database?.add(rows) }
        }
        var content = ArchiveContent(reports: listed, sourceCount: folder.sources.count, classifier: classifier, gazetteer: .shared)
        content.nearDuplicates = NearDuplicateFinder.pairs(content.reports.map(\.minhash))
        switch format {
        case .json: try ReportsJSON.write(content, config: config, paths: paths, to: ByteSink(path: temporary))
        case .csv: try ReportsCSV.write(content, config: config, paths: paths, to: ByteSink(path: temporary))
        case .sqlite: try database?.finish(content, config: config, paths: paths)
        }
        guard rename(temporary, target.path) == 0 else {
            throw SiteWriter.WriteError(message: "cannot write \(target.path): \(String(cString: strerror(errno)))")
        }
        summary.reports = content.reports.count
        return summary
    }
}
