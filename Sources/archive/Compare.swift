import ArgumentParser
import Foundation
import SiteBuilder

struct Compare: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare two reports: their headings aligned, the topics only one has, the names and numbers that differ.",
        discussion: """
            Names each report by its id, as `archive parse` prints it and as its page is named (reports/<id>.html; the \
            older form 000_155cf9d07f7bc588-01 is read too), and parses their sources from `build.content`. Prints the \
            comparison as text, or with --output writes the compare page, whose links lead into the site built in \
            `build.output`.
            """
    )

    @Option(name: .customLong("config"), help: "The site configuration.")
    var configPath = "archive.toml"

    @Option(help: "Write the compare page (HTML) to this file instead of printing the comparison.")
    var output: String?

    @Argument(help: "The first report's id (A).")
    var first: String

    @Argument(help: "The second report's id (B).")
    var second: String

    func run() async throws {
        do {
            let comparison = try ReportComparison(configPath: configPath, first, second)
            if let output {
                let folder = URL(fileURLWithPath: output).deletingLastPathComponent()
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try comparison.html(writtenTo: output).write(toFile: output, atomically: true, encoding: .utf8)
                print("wrote \(output) (in the site: \(comparison.sitePath))")
            } else {
                print(comparison.text, terminator: "")
            }
        } catch {
            Diagnostics.error(error)
            throw ExitCode(1)
        }
    }
}
