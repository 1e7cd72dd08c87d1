import ArgumentParser
import Foundation
import SiteBuilder

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a built site before publishing it.",
        discussion: """
        Every internal link, src and #anchor resolves inside the site folder (no /root-absolute links); every page has a \
        <title> and the site's <html lang>; sitemap.xml lists exactly the pages; feed.xml is Atom whose entries are pages; \
        no link points at localhost or a private-network address; canonical links, the feed and the sitemap use the base URL. \
        Prints one problem per line and exits 1 when there is any. Warns, without failing, when the base URL is still an \
        example address (example.org, .com, .net).
        """
    )

    @Option(help: "The built site to check (default: the configuration's `build.output`, else \(SiteConfig.defaultOutput)).")
    var site: String?

    @Option(name: .customLong("config"),
            help: "The site configuration whose `site.base_url` and `site.language` the site must use (default: archive.toml when present).")
    var configPath: String?

    @Option(help: "The site's public address, overriding `site.base_url`; give the one given to archive build.")
    var baseURL: String?

    func run() async throws {
        var config: SiteConfig?
        var base: String?
        do {
            if let path = configPath ?? (FileManager.default.fileExists(atPath: "archive.toml") ? "archive.toml" : nil) {
                config = try SiteConfig.load(path)
            }
            base = try baseURL.map { try SiteConfig.validateBaseURL($0) } ?? config?.baseURL
        } catch {
            Diagnostics.error(error)
            throw ExitCode(2)
        }
        let folder = URL(fileURLWithPath: site ?? config?.outputDirectory ?? "public")
        let outcome = SiteChecker(site: folder, baseURL: base, language: config?.language).run()
        for warning in outcome.warnings { Diagnostics.warning(warning) }
        guard !outcome.problems.isEmpty else {
            print("ok: \(outcome.pages) pages, \(outcome.files) files checked")
            return
        }
        for problem in outcome.problems { print(problem) }
        let kinds = Dictionary(grouping: outcome.problems, by: \.kind).sorted { $0.key.rawValue < $1.key.rawValue }
        let files = Set(outcome.problems.map(\.file)).count
        func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
        let byKind = kinds.map { "\($0.value.count) \($0.key.rawValue)" }.joined(separator: ", ")
        FileHandle.standardError.write(Data(("\(count(outcome.problems.count, "problem")) in \(count(files, "file")) (\(byKind)); "
            + "\(count(outcome.pages, "page")), \(count(outcome.files, "file")) checked\n").utf8))
        throw ExitCode(1)
    }
}
