import ArgumentParser

@main
struct Archive: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "Turn raw education-bureau reports into a browsable static archive.",
        version: "0.1.0",
        subcommands: [Build.self, Serve.self, Check.self, Parse.self, Compare.self, Export.self, BenchParse.self]
    )

    /// Usage errors, and any error a command throws, printed by argument parser in the style of every
    /// other problem the CLI reports (`Diagnostics`): `error: <file>:<line>: message`, not `Error: …`.
    /// Usage errors keep their usage lines; a thrown error prints its description.
    static var _errorPrefix: String { "error: " }
}
