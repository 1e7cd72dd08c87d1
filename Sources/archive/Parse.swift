import ArgumentParser
import Foundation
import ReportModel
import ReportParser
import SiteBuilder

struct Parse: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Parse source files and print the reports found in them.",
        discussion: """
            Without --json, prints an outline of each report: title, metadata, heading tree and what was dropped as noise. \
            Each report is named by its id, the name of its page in the site (reports/<id>.html): a file inside \
            `build.content` gets the id the build gives it, any other file the id it would get at the top of that folder.
            """
    )

    @Flag(help: "Print one JSON document instead of outlines.")
    var json = false

    @Option(help: ArgumentHelp("A noise-rules file that extends the standard rules.", discussion: """
        One rule a line: NAME KIND PATTERN (KIND: line, text, published, span);
        in PATTERN `*` is any text, `#` a digit: `breadcrumb line 您的位置*`.
        """, valueName: "file"))
    var rules: String?

    @Option(name: .customLong("config"), help: "The site configuration whose `build.content` names the ids (default: archive.toml when present).")
    var configPath: String?

    @Argument(help: "Source files to parse.")
    var files: [String]

    func run() async throws {
        var parser = ReportParser()
        let slugs: SourceSlugs
        do {
            if let rules {
                guard let text = try? String(contentsOfFile: rules, encoding: .utf8) else {
                    throw Diagnostic(file: rules, message: "cannot read the rules file")
                }
                parser.rules = parser.rules.adding(try NoiseRules(text: text, file: rules))
            }
            let path = configPath ?? (FileManager.default.fileExists(atPath: "archive.toml") ? "archive.toml" : nil)
            slugs = SourceSlugs(config: try path.map { try SiteConfig.load($0) }, configPath: path)
        } catch {
            Diagnostics.error(error)
            throw ExitCode(2)
        }
        var sources: [Source] = []
        var failed = 0
        for file in files {
            do {
                sources.append(try parser.parse(file: file, slug: slugs.slug(forFile: file)))
            } catch {
                failed += 1
                Diagnostics.error(error)
            }
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(["sources": sources])
            FileHandle.standardOutput.write(data + Data("\n".utf8))
        } else {
            for source in sources { print(Outline.render(source)) }
        }
        if failed > 0 { throw ExitCode(1) }
    }
}
