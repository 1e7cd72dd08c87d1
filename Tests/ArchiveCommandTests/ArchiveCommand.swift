import Foundation
import XCTest

/// The built `archive` executable, run as a user runs it, over throwaway projects.
enum ArchiveCommand {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary SwiftPM built beside the test bundle.
    static var binary: URL {
        var dir = Bundle(for: Marker.self).bundleURL
        while dir.pathExtension == "xctest" || dir.lastPathComponent == "Contents" { dir.deleteLastPathComponent() }
        return dir.appendingPathComponent("archive")
    }
    private final class Marker {}

    struct Run {
        var status: Int32
        var out: String
        var err: String
    }

    /// Runs `archive` in `folder` to its end.
    static func run(_ arguments: [String], in folder: URL, environment: [String: String] = [:]) throws -> Run {
        let process = start(arguments, in: folder, environment: environment)
        try process.process.run()
        let out = process.out.fileHandleForReading.readDataToEndOfFile()
        let err = process.err.fileHandleForReading.readDataToEndOfFile()
        process.process.waitUntilExit()
        return Run(status: process.process.terminationStatus, out: String(decoding: out, as: UTF8.self), err: String(decoding: err, as: UTF8.self))
    }

    /// A process not yet started, its output piped.
    static func start(_ arguments: [String], in folder: URL, environment: [String: String] = [:]) -> (process: Process, out: Pipe, err: Pipe) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        return (process, out, err)
    }
}

/// A throwaway project: the repository's seed sources, templates and config (search off), in a
/// folder of its own inside a temporary root that tests may fill with neighbours.
struct Project {
    let root: URL
    let folder: URL
    var config: URL { folder.appendingPathComponent("archive.toml") }
    var content: URL { folder.appendingPathComponent("content") }
    var output: URL { folder.appendingPathComponent("public") }

    init(_ test: XCTestCase, configEdit: (String) -> String = { $0 }) throws {
        let fm = FileManager.default
        root = fm.temporaryDirectory.appendingPathComponent("ra-cmd-\(UUID().uuidString)")
        folder = root.appendingPathComponent("project")
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        let root = self.root
        test.addTeardownBlock { try? FileManager.default.removeItem(at: root) }
        try fm.copyItem(at: ArchiveCommand.repository.appendingPathComponent("content"), to: content)
        try fm.copyItem(at: ArchiveCommand.repository.appendingPathComponent("templates"), to: folder.appendingPathComponent("templates"))
        let toml = try String(contentsOf: ArchiveCommand.repository.appendingPathComponent("archive.toml"), encoding: .utf8)
            .replacingOccurrences(of: "\nenabled = true", with: "\nenabled = false")
        try configEdit(toml).write(to: config, atomically: true, encoding: .utf8)
    }

    /// `archive build` in the project's folder.
    @discardableResult
    func build(_ extra: [String] = [], environment: [String: String] = [:]) throws -> ArchiveCommand.Run {
        try ArchiveCommand.run(["build"] + extra, in: folder, environment: environment)
    }

    func setOutput(_ output: String) throws {
        let text = try String(contentsOf: config, encoding: .utf8)
            .replacingOccurrences(of: #"output = "public""#, with: "output = \"\(output)\"")
        try text.write(to: config, atomically: true, encoding: .utf8)
    }

    /// Every file under `folder` (all of it, dot files too) with its bytes, by relative path.
    static func snapshot(_ folder: URL) -> [String: Data] {
        var out: [String: Data] = [:]
        guard let walk = FileManager.default.enumerator(atPath: folder.path) else { return out }
        for case let path as String in walk {
            let url = folder.appendingPathComponent(path)
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                out[path] = FileManager.default.contents(atPath: url.path) ?? Data()
            }
        }
        return out
    }

    /// The site a clean build of this project's current sources gives, built in a copy of it.
    /// - Parameter status: the exit status that build must end with (1 when a source cannot be read).
    func cleanBuild(status: Int32 = 0) throws -> [String: Data] {
        let fm = FileManager.default
        let copy = root.appendingPathComponent("clean-\(UUID().uuidString)")
        try fm.createDirectory(at: copy, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: copy) }
        for name in ["content", "templates", "archive.toml"] {
            try fm.copyItem(at: folder.appendingPathComponent(name), to: copy.appendingPathComponent(name))
        }
        let run = try ArchiveCommand.run(["build"], in: copy)
        XCTAssertEqual(run.status, status, run.err)
        return Project.snapshot(copy.appendingPathComponent("public"))
    }
}

/// Asserts two sites are the same files with the same bytes, naming the first differences.
func XCTAssertSameSite(_ a: [String: Data], _ b: [String: Data], _ message: String, file: StaticString = #filePath, line: UInt = #line) {
    let differing = Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.sorted()
    XCTAssertTrue(differing.isEmpty, "\(message): \(differing.count) files differ: \(differing.prefix(5))", file: file, line: line)
}
