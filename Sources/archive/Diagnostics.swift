import Foundation

/// The one style of every problem the CLI reports, on standard error: `error: <file>:<line>: message`,
/// `error: <file>: message` when no line applies, `error: message` when no file does; warnings and
/// notes alike. The library's errors already start with their file and line (`SiteConfig.Error`,
/// `DecodeError`, `NoiseRules.ParseError`): this only adds the label.
enum Diagnostics {
    static func error(_ error: any Error) { write("error", "\(error)") }
    static func error(_ message: String) { write("error", message) }
    static func warning(_ message: String) { write("warning", message) }
    static func note(_ message: String) { write("note", message) }

    private static func write(_ label: String, _ message: String) {
        FileHandle.standardError.write(Data("\(label): \(message)\n".utf8))
    }
}

/// A problem the CLI itself finds in a file it was given.
struct Diagnostic: Error, CustomStringConvertible {
    var file: String
    var message: String
    var description: String { "\(file): \(message)" }
}
