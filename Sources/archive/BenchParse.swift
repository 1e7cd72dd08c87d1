import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Decode
import ReportParser

/// Parser throughput on one core: the sources repeated in memory to a given size, parsed one by one.
///
/// Reports the rate by wall time and by the thread's CPU time: on a shared or virtual machine the
/// wall clock also counts time the thread waited for a core, which says nothing about the parser.
struct BenchParse: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-parse",
        abstract: "Measure parser throughput (MB/s on one core) on sources repeated to a given size."
    )

    @Option(help: "How many megabytes of source text to parse.")
    var megabytes = 50

    @Flag(help: "Time only the extraction of each file's text (web page, Word, PDF), not the parsing; by wall time, since the PDF and .doc converters run as processes of their own.")
    var extractOnly = false

    @Argument(help: "Source files to repeat (default: every .txt in content/).")
    var files: [String] = []

    func run() async throws {
        let paths = files.isEmpty ? try contentFiles() : files
        // Files are read until there is enough text: a large corpus need not be held whole.
        let target = megabytes * 1_000_000
        var inputs: [(String, [UInt8])] = []
        var held = 0
        for path in paths where held < target {
            guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("cannot read \(path)") }
            inputs.append((path, [UInt8](data)))
            held += data.count
        }
        guard !inputs.isEmpty else { throw ValidationError("no sources to parse") }
        if extractOnly { return try extract(inputs, target: target) }
        let parser = ReportParser()
        _ = try parser.parse(bytes: inputs[0].1, source: inputs[0].0)  // load the gazetteer and rules outside the timing
        var bytes = 0, reports = 0
        let clock = ContinuousClock()
        let cpuBefore = Self.threadCPUSeconds()
        var cpu = 0.0
        let elapsed = try clock.measure {
            // All on this thread: the loop has no suspension point.
            defer { cpu = Self.threadCPUSeconds() - cpuBefore }
            var i = 0
            while bytes < target {
                let (path, data) = inputs[i % inputs.count]
                reports += try parser.parse(bytes: data, source: path).reports.count
                bytes += data.count
                i += 1
            }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        let mb = Double(bytes) / 1_000_000
        print(String(format: "parsed %.1f MB (%d reports) in %.2f s (%.2f s CPU): %.1f MB/s on one core (%.1f MB/s by wall time)",
                     mb, reports, seconds, cpu, mb / cpu, mb / seconds))
    }

    /// Extraction alone: files a second and MB a second of the files' own bytes.
    private func extract(_ inputs: [(String, [UInt8])], target: Int) throws {
        var bytes = 0, files = 0, characters = 0
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            while bytes < target {
                let (path, data) = inputs[files % inputs.count]
                characters += try SourceExtractor.extract(data, name: path).text.unicodeScalars.count
                bytes += data.count
                files += 1
            }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        print(String(format: "extracted %d files (%.1f MB, %d characters of text) in %.2f s: %.1f files/s, %.1f MB/s on one core",
                     files, Double(bytes) / 1_000_000, characters, seconds, Double(files) / seconds, Double(bytes) / 1_000_000 / seconds))
    }

    private static func threadCPUSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }

    private func contentFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: "content").filter { $0.hasSuffix(".txt") }.sorted().map { "content/\($0)" }
    }
}
