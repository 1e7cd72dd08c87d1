import ArgumentParser

@main
struct Archive: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "Turn raw education-bureau reports into a browsable static archive.",
        version: "0.1.0",
        subcommands: [Build.self, Serve.self, Check.self, Parse.self, Compare.self, BenchParse.self]
    )
}
