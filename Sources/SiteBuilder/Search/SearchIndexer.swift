import Foundation

/// Full-text search through Pagefind's extended build (Chinese word segmentation), run over the
/// finished site. Pagefind is optional: without it the site is complete, only without search.
public enum SearchIndexer {
    /// The variable naming the Pagefind to use: a `pagefind` executable, or a Python that has the package.
    public static let environmentVariable = "ARCHIVE_PAGEFIND"
    /// Where `make search` installs Pagefind, inside the project folder (the folder of archive.toml).
    public static let projectPython = ".tools/venv/bin/python3"

    /// A Pagefind that runs: the command line that starts it, and the version it reports.
    public struct Tool: Sendable {
        public let command: [String]
        public let version: String
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The Pagefind a build in `projectFolder` uses. The PyPI package `pagefind[extended]` installs no
    /// executable on PATH, only the `python -m pagefind` entry, so Pythons are asked in turn: the one
    /// `ARCHIVE_PAGEFIND` names (when set it is the only choice, so a wrong setting shows instead of being
    /// passed over), the project's own virtual environment, then `python3` on PATH.
    public static func locate(projectFolder: URL, environment: [String: String] = ProcessInfo.processInfo.environment) -> Tool? {
        let key = projectFolder.standardizedFileURL.path + "\0" + (environment[environmentVariable] ?? "")
        if let known = lock.withLock({ cache[key] }) { return known }
        let tool = candidates(projectFolder: projectFolder, environment: environment).lazy.compactMap(probe).first
        lock.withLock { cache[key] = .some(tool) }
        return tool
    }

    /// The one line a build without Pagefind warns with.
    public static func missing(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let named = environment[environmentVariable], !named.isEmpty {
            return "search: \(environmentVariable)=\(named) does not run Pagefind; the site is built without search"
        }
        return "search: Pagefind is not installed (`make search` installs it into .tools/venv); the site is built without search"
    }

    static func candidates(projectFolder: URL, environment: [String: String]) -> [[String]] {
        if let named = environment[environmentVariable], !named.isEmpty {
            let isPython = URL(fileURLWithPath: named).lastPathComponent.hasPrefix("python")
            return [isPython ? [named, "-m", "pagefind"] : [named]]
        }
        return [
            [projectFolder.appendingPathComponent(projectPython).path, "-m", "pagefind"],
            ["python3", "-m", "pagefind"],
        ]
    }

    private static let lock = NSLock()
    /// Asking Pagefind its version takes a Python start: once per process and project.
    nonisolated(unsafe) private static var cache: [String: Tool?] = [:]

    private static func probe(_ command: [String]) -> Tool? {
        guard let (status, output) = try? run(command + ["--version"]), status == 0 else { return nil }
        let text = String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : Tool(command: command, version: text)
    }

    /// Indexes the pages under `site` into `output`, by default `site/pagefind/`.
    public static func index(site: URL, output: URL? = nil, with tool: Tool) throws {
        let (status, output) = try run(tool.command + ["--site", site.path, "--quiet"] + (output.map { ["--output-path", $0.path] } ?? []))
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
