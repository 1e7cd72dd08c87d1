import Foundation

/// Full-text search through Pagefind's extended build (Chinese word segmentation), run over the
/// finished site. Pagefind is optional: without it the site is complete, only without search.
public enum SearchIndexer {
    /// How to run Pagefind: the PyPI package `pagefind[extended]` ships the binary and a `python3 -m` entry.
    static let command = ["python3", "-m", "pagefind"]

    /// Pagefind's version, or nil when it is not installed.
    public static let version: String? = {
        guard let (status, output) = try? run(command + ["--version"]), status == 0 else { return nil }
        let text = String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }()

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Indexes the pages under `site` into `output`, by default `site/pagefind/`.
    public static func index(site: URL, output: URL? = nil) throws {
        let (status, output) = try run(command + ["--site", site.path, "--quiet"] + (output.map { ["--output-path", $0.path] } ?? []))
        guard status == 0 else {
            throw Failure(description: "search: pagefind failed: \(String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))")
        }
    }

    private static func run(_ arguments: [String]) throws -> (Int32, Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}
