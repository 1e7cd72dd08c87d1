import Foundation
import XCTest

/// `archive serve` refuses an address it cannot listen on with one line on stderr and a non-zero exit.
final class ServeArgumentTests: XCTestCase {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `archive serve` with `arguments` in `folder`; a run still going after `timeout` seconds is stopped.
    func serve(_ arguments: [String], in folder: URL, timeout: TimeInterval = 60) throws -> Outcome {
        let process = Process()
        process.executableURL = ServeEndToEndTests.archiveBinary
        process.arguments = ["serve"] + arguments
        process.currentDirectoryURL = folder
        let out = folder.appendingPathComponent("serve.out"), err = folder.appendingPathComponent("serve.err")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            XCTFail("archive serve \(arguments.joined(separator: " ")) still running after \(Int(timeout)) s")
        }
        return Outcome(status: process.terminationStatus,
                       stdout: try String(contentsOf: out, encoding: .utf8), stderr: try String(contentsOf: err, encoding: .utf8))
    }

    func project() throws -> URL {
        let root = try ServeEndToEndTests.makeProject(search: false)
        addTeardownBlock { try? FileManager.default.removeItem(at: root) }
        return root
    }

    func testAPortOutsideTCPsRangeIsRefusedBeforeAnythingIsBuilt() throws {
        let root = try project()
        for port in ["70000", "-1"] {
            let outcome = try serve(["--port=\(port)"], in: root, timeout: 10)
            XCTAssertNotEqual(outcome.status, 0, port)
            XCTAssertEqual(outcome.stderr, "error: --port must be between 1 and 65535 (0 picks a free port), found \(port)\n")
            XCTAssertEqual(outcome.stdout, "", port)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("public").path), "a site was built")
    }

    func testAnUnknownHostIsOneLineNamingTheAddress() throws {
        let outcome = try serve(["--host", "no.such.host.invalid"], in: try project())
        XCTAssertEqual(outcome.status, 1)
        let lines = outcome.stderr.split(separator: "\n")
        XCTAssertEqual(lines.count, 1, outcome.stderr)
        XCTAssertTrue(outcome.stderr.hasPrefix("error: cannot listen on no.such.host.invalid:8080: unknown host"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.hasSuffix("(try --host 127.0.0.1)\n"), outcome.stderr)
        XCTAssertFalse(outcome.stderr.contains("SocketAddressError"), outcome.stderr)
    }
}
