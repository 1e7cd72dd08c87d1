import ArgumentParser
import Foundation
import SiteBuilder

struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site from the sources in `build.content` into `build.output`.",
        discussion: """
            Reads the sources in `build.content` (default \(SiteConfig.defaultContent)/) and the templates in \
            `build.templates` (default \(SiteConfig.defaultTemplates)/), and writes the site to `build.output` (default \
            \(SiteConfig.defaultOutput)/); folders are taken from the configuration file's folder. Builds into a folder \
            beside the output and swaps it in, so a failed build leaves the last good site untouched.
            """
    )

    @Option(name: .customLong("config"), help: "The site configuration.")
    var configPath = "archive.toml"

    @Option(help: "The site's public address, overriding `site.base_url` (used in the feed, sitemap and canonical links).")
    var baseURL: String?

    @Flag(help: "Replace the output folder even though no build made it (never the project, content or templates folder).")
    var force = false

    func run() async throws {
        let bar = ProgressBar()
        let summary: Pipeline.Summary
        var options = Pipeline.Options(configPath: configPath, baseURL: baseURL)
        options.force = force
        options.buildsAgain = false
        options.waiting = { Diagnostics.note($0) }
        // The session is never freed: what it holds (every record and output hash of the archive) is
        // the process's to reclaim at exit, at once, where freeing it object by object took a fifth of
        // a second at 100,000 reports.
        let session = BuildSession(options)
        _ = Unmanaged.passRetained(session)
        do {
            summary = try session.build(progress: bar.update)
        } catch {
            bar.clear()
            Diagnostics.error(error)
            throw ExitCode(2)
        }
        bar.clear()
        for warning in summary.warnings { Diagnostics.warning(warning) }
        for error in summary.errors { Diagnostics.error(error) }
        if summary.upToDate {
            print("up to date: nothing in \(summary.sources) sources, the templates or the config changed since the last build")
            if !summary.errors.isEmpty { throw ExitCode(1) }
            return
        }
        let steps = summary.steps.map { String(format: "%@ %.2fs", $0.name, $0.seconds) }.joined(separator: ", ")
        print(String(format: "built %d reports from %d sources (%d parsed): %d pages, %d files (%d written, %d linked) in %@ (%.2fs: %@); %d warnings, %d failed sources",
                     summary.reports, summary.sources, summary.sourcesParsed, summary.pages, summary.files, summary.filesWritten, summary.filesLinked, summary.output, summary.seconds, steps,
                     summary.warnings.count, summary.errors.count))
        if !summary.errors.isEmpty { throw ExitCode(1) }
    }
}

/// A one-line progress bar on a terminal, shown only once a build has run for a second.
final class ProgressBar: @unchecked Sendable {
    private let start = Date()
    private let lock = NSLock()
    private var shown = false
    private let tty = isatty(STDERR_FILENO) == 1

    func update(_ stage: String, _ done: Int, _ total: Int) {
        guard tty, Date().timeIntervalSince(start) > 1 else { return }
        lock.withLock {
            let width = 30
            let filled = total == 0 ? width : done * width / total
            let line = "\r\(stage) [\(String(repeating: "#", count: filled))\(String(repeating: " ", count: width - filled))] \(done)/\(total)"
            FileHandle.standardError.write(Data(line.utf8))
            shown = true
        }
    }

    func clear() {
        lock.withLock {
            if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        }
    }
}
