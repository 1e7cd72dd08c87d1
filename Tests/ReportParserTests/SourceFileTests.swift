import Foundation
import XCTest

@testable import Decode
@testable import ReportParser

/// `parse(file:)` says why a path given cannot be read, in words a user can act on.
final class SourceFileTests: XCTestCase {
    private func reason(_ path: String, file: StaticString = #filePath, line: UInt = #line) -> String? {
        do {
            _ = try ReportParser().parse(file: path)
            XCTFail("\(path) was parsed", file: file, line: line)
            return nil
        } catch let error as DecodeError {
            XCTAssertEqual(error.path, path, file: file, line: line)
            return error.reason
        } catch {
            XCTFail("\(error)", file: file, line: line)
            return nil
        }
    }

    func testAMissingFileIsNamedAsMissing() {
        XCTAssertEqual(reason("/nonexistent-\(UUID().uuidString).txt"), "no such file")
    }

    func testAFolderHintsAtItsFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ra-folder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        XCTAssertEqual(reason(folder.path), "is a folder (did you mean \(folder.path)/*.txt?)")
        XCTAssertEqual(reason(folder.path + "/"), "is a folder (did you mean \(folder.path)/*.txt?)")
    }

    /// Tests run as root, whom a mode of 000 does not stop, so the permission message is checked
    /// from its errno.
    func testOtherFailuresGiveTheSystemsReason() {
        XCTAssertEqual(SourceFile.reason(errno: EACCES, name: "a.txt"), "cannot be read: permission denied")
        XCTAssertEqual(SourceFile.reason(errno: ENOTDIR, name: "a.txt/b.txt"), "cannot be read: not a directory")
    }

    func testAReadableFileStillParses() throws {
        let source = try ReportParser().parse(file: TestPaths.content("000_155cf9d07f7bc588.txt"))
        XCTAssertFalse(source.reports.isEmpty)
    }

    func testTheBytesReadAreTheFilesBytes() throws {
        let largest = try FileManager.default.contentsOfDirectory(atPath: TestPaths.root.appendingPathComponent("content").path)
            .map(TestPaths.content)
            .max { (try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int) ?? 0 < (try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0 }!
        let expected = [UInt8](try Data(contentsOf: URL(fileURLWithPath: largest)))
        XCTAssertGreaterThan(expected.count, 1 << 16, "a file longer than one read")
        XCTAssertEqual(try SourceFile.bytes(at: largest, name: largest), expected)
    }
}
