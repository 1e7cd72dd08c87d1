import ArgumentParser
import Foundation
import ReportModel
import ReportParser

struct Parse: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Parse source files and print the reports found in them.",
        discussion: "Without --json, prints an outline of each report: title, metadata, heading tree and what was dropped as noise."
    )

    @Flag(help: "Print one JSON document instead of outlines.")
    var json = false

    @Option(help: "A noise-rules file that extends the standard rules (same format as Sources/ReportParser/Resources/noise-rules.txt).")
    var rules: String?

    @Argument(help: "Source files to parse.")
    var files: [String]

    func run() async throws {
        var parser = ReportParser()
        if let rules {
            let text = try String(contentsOfFile: rules, encoding: .utf8)
            parser.rules = parser.rules.adding(try NoiseRules(text: text, file: rules))
        }
        var sources: [Source] = []
        var failed = 0
        for file in files {
            do {
                sources.append(try parser.parse(file: file))
            } catch {
                failed += 1
                FileHandle.standardError.write(Data("error: \(error)\n".utf8))
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
