import ArgumentParser
import Foundation
import PreviewServer
import SiteBuilder

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site, serve it locally, and rebuild and reload open pages on every edit.",
        discussion: """
            Builds as archive build does into `build.output` (default \(SiteConfig.defaultOutput)/) and serves that folder. \
            Watches `build.content` (default \(SiteConfig.defaultContent)/), `build.templates` (default \
            \(SiteConfig.defaultTemplates)/) and the configuration file. Only what an edit affects is parsed and rendered \
            again; an edit that changes no page is reported as up to date. A failed build is shown in the terminal and over \
            the page, and the last good site stays served.
            """
    )

    @Option(name: .customLong("config"), help: "The site configuration.")
    var configPath = "archive.toml"

    @Option(help: "Address to listen on. Anything other than 127.0.0.1 exposes your drafts to the network.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on (0 picks a free one).")
    var port = 8080

    @Flag(help: "Replace the output folder even though no build made it (never the project, content or templates folder).")
    var force = false

    /// Checked before anything is built: a port outside TCP's range would otherwise be cut to 16 bits by the
    /// socket layer and the site served on a port nobody asked for (70000 became 4464).
    func validate() throws {
        guard (0...65535).contains(port) else {
            Diagnostics.error("--port must be between 1 and 65535 (0 picks a free port), found \(port)")
            throw ExitCode.validationFailure
        }
    }

    static func milliseconds(since start: ContinuousClock.Instant) -> Int64 {
        let elapsed = ContinuousClock.now - start
        return elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
    }

    func run() async throws {
        var options = Pipeline.Options(configPath: configPath)
        options.skipWhenUpToDate = false
        options.force = force
        options.waiting = { say("note: \($0)") }
        let session = BuildSession(options)
        let config: SiteConfig
        do {
            config = try SiteConfig.load(configPath)
            // Checked here too: serving goes on after a failed build, but never over a folder it must not replace.
            try OutputGuard.check(config, configPath: configPath, force: force)
        } catch {
            Diagnostics.error(error)
            throw ExitCode(2)
        }
        let broadcaster = ReloadBroadcaster()
        let rebuild: @Sendable ([String]) async -> Void = { changed in
            let start = ContinuousClock.now
            // The edited reports' own pages first, so the open page reloads at once; indexes follow.
            let quick = session.updateReportPages(changed: changed)
            let what = changed.isEmpty ? "" : " after \(changed.map { ($0 as NSString).lastPathComponent }.joined(separator: ", "))"
            if let quick, !quick.isEmpty {
                say("updated \(quick.count) pages in \(Self.milliseconds(since: start)) ms\(what)")
                broadcaster.send(.reload)
            }
            do {
                let summary = try session.build()
                // An edit that changes no page (a file saved unchanged, a comment in a template) rebuilt nothing.
                if summary.filesWritten == 0 && (quick ?? []).isEmpty {
                    say("up to date in \(Self.milliseconds(since: start)) ms\(what): no page changed")
                } else {
                    say("rebuilt in \(Self.milliseconds(since: start)) ms\(what): \(summary.reportPagesRendered) report pages rendered, \(summary.filesWritten) files written")
                }
                for w in summary.warnings { say("warning: \(w)") }
                if summary.errors.isEmpty {
                    // A second reload only when the rebuild changed more than the fast path did.
                    if (quick ?? []).isEmpty || summary.filesWritten > 0 { broadcaster.send(.reload) }
                } else {
                    for e in summary.errors { say("error: \(e)") }
                    broadcaster.send(.buildFailed(summary.errors.joined(separator: "\n")))
                }
            } catch {
                say("error: \(error) (the build failed; still serving the last good site)")
                broadcaster.send(.buildFailed("\(error)"))
            }
        }
        await rebuild([])

        let server = PreviewServer(site: URL(fileURLWithPath: config.outputDirectory), host: host, port: port, broadcaster: broadcaster)
        let watcher = SourceWatcher(config: config, configPath: configPath)
        let host = host
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    try await server.run { port in say("serving http://\(host):\(port)/ (Ctrl-C to stop)") }
                }
                group.addTask { await watcher.watch(onChange: rebuild) }
                try await group.next()
                group.cancelAll()
            }
        } catch let error as PreviewServer.BindError {
            Diagnostics.error(error)
            throw ExitCode(1)
        }
    }
}

/// One line to standard output at once, unbuffered: also when the output is a pipe (an editor's
/// terminal, a test), each rebuild shows as it happens.
private func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
