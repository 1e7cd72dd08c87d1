import Foundation

/// Programs the data tests check the export with, each an independent reader of what the build
/// wrote: Python's `csv` and `jsonschema`, and the `sqlite3` shell (`make test` installs them).
enum ExternalTool {
    struct Missing: Error, CustomStringConvertible {
        var description: String
    }

    struct Run {
        var status: Int32
        var out: String
        var err: String
    }

    /// Runs `arguments` (a program on PATH first) to its end; stdin and stderr go through files, so
    /// only stdout is a pipe and nothing can deadlock on a full buffer.
    static func run(_ arguments: [String], input: String = "") throws -> Run {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ra-tool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let inputURL = directory.appendingPathComponent("in"), errorURL = directory.appendingPathComponent("err")
        try Data(input.utf8).write(to: inputURL)
        _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardInput = try FileHandle(forReadingFrom: inputURL)
        process.standardError = try FileHandle(forWritingTo: errorURL)
        let stdout = Pipe()
        process.standardOutput = stdout
        try process.run()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, out: String(decoding: out, as: UTF8.self),
                   err: String(decoding: (try? Data(contentsOf: errorURL)) ?? Data(), as: UTF8.self))
    }

    /// A Python that imports `module`: the project's virtual environment, `python3` on PATH, or
    /// Debian's, where `make test` installs python3-jsonschema.
    static func python(importing module: String) throws -> String {
        let venv = SiteFixture.repository.appendingPathComponent(".tools/venv/bin/python3").path
        for candidate in [venv, "python3", "/usr/bin/python3"] where candidate == "python3" || FileManager.default.isExecutableFile(atPath: candidate) {
            if let probe = try? run([candidate, "-c", "import \(module)"]), probe.status == 0 { return candidate }
        }
        throw Missing(description: "no Python here imports \(module) (`make test` installs python3-\(module) with apt)")
    }

    /// The rows the `sqlite3` shell prints for `sql` on the database at `path`, one a line.
    static func sqlite(_ path: String, _ sql: String) throws -> [String] {
        let result = try run(["sqlite3", path, sql])
        guard result.status == 0 else { throw Missing(description: "sqlite3 failed (`make test` installs it with apt): \(result.err)") }
        return result.out.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }
}
