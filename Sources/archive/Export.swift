import ArgumentParser
import Foundation
import SiteBuilder

struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the archive as data (JSON, CSV or SQLite) without building the site.",
        discussion: """
        Parses every source in `build.content` (default \(SiteConfig.defaultContent)/) as `archive build` does and writes \
        the file the build puts in the data/ folder of `build.output`: reports.json (every \
        report's metadata, sections as a tree, topics, figures), reports.csv (one row a report, UTF-8 with a BOM) or \
        archive.sqlite (tables with the sections' text and full-text indexes; the build writes it only with `export.sqlite`). \
        Each report is named by its id, as in `archive parse` and the site's URLs.
        """
    )

    @Option(help: "What to write: \(Exporter.Format.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: Exporter.Format

    @Option(name: .customLong("config"), help: "The site configuration.")
    var configPath = "archive.toml"

    @Option(help: "The site's public address, overriding `site.base_url` (the files give it with each report's paths).")
    var baseURL: String?

    @Argument(help: "The file to write (replaced once the new one is whole).")
    var output: String

    func run() async throws {
        let summary: Exporter.Summary
        do {
            summary = try Exporter.export(format, configPath: configPath, baseURL: baseURL, to: output)
        } catch {
            Diagnostics.error(error)
            throw ExitCode(2)
        }
        for warning in summary.warnings { Diagnostics.warning(warning) }
        for error in summary.errors { Diagnostics.error(error) }
        print("wrote \(output): \(summary.reports) reports from \(summary.sources) sources; \(summary.warnings.count) warnings, \(summary.errors.count) failed sources")
        if !summary.errors.isEmpty { throw ExitCode(1) }
    }
}

extension Exporter.Format: ExpressibleByArgument {}
