import Foundation
import XCTest

/// `archive parse` names each path it cannot read, says why in one line, and parses the others.
final class ParseCommandTests: XCTestCase {
    /// A file this process cannot open for reading: one of mode 000, unless running as root (whom
    /// modes do not stop); then a write-only sysfs attribute, which the kernel refuses to open for
    /// reading even to root.
    private func unreadableFile(in folder: URL) throws -> String? {
        let file = folder.appendingPathComponent("locked.txt")
        try "x".write(to: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: file.path)
        for path in [file.path, "/sys/bus/pci/rescan", "/sys/kernel/mm/page_idle/bitmap"] {
            let fd = open(path, O_RDONLY)
            if fd >= 0 { close(fd); continue }
            if errno == EACCES { return path }
        }
        return nil
    }

    func testEachFailureHasItsOwnLineAndTheRestAreParsed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ra-parse-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("content"), withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let good = ArchiveCommand.repository.appendingPathComponent("content/000_155cf9d07f7bc588.txt").path
        let unreadable = try unreadableFile(in: folder)

        let run = try ArchiveCommand.run(["parse", "missing.txt", "content/", good, "content"] + (unreadable.map { [$0] } ?? []), in: folder)
        XCTAssertEqual(run.status, 1, run.err)
        var expected = [
            "error: missing.txt: no such file",
            "error: content/: is a folder (did you mean content/*.txt?)",
            "error: content: is a folder (did you mean content/*.txt?)",
        ]
        if let unreadable { expected.append("error: \(unreadable): cannot be read: permission denied") }
        XCTAssertEqual(run.err.split(separator: "\n").map(String.init), expected)
        XCTAssertTrue(run.out.contains("000_155cf9d07f7bc588.txt"), "the readable file was parsed: \(run.out.prefix(300))")
        if unreadable == nil { print("no file here refuses to be read; the permission message is tested in SourceFileTests") }
    }
}
