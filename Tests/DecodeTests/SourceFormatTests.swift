@testable import Decode
import ReportModel
import XCTest

final class SourceFormatTests: XCTestCase {
    func testTheExtensionNamesTheFormatWhateverItsCase() {
        XCTAssertEqual(SourceFormat(fileName: "浙江省/宁波市/余姚市-2023.DOCX"), .docx)
        XCTAssertEqual(SourceFormat(fileName: "a.htm"), .html)
        XCTAssertEqual(SourceFormat(fileName: "a.shtml"), .html)
        XCTAssertEqual(SourceFormat(fileName: "a.Pdf"), .pdf)
        XCTAssertEqual(SourceFormat(fileName: "a.doc"), .doc)
        XCTAssertEqual(SourceFormat(fileName: "a.b.txt"), .text)
    }

    func testNamesWithoutAKnownExtensionAreNoSource() {
        for name in ["a.jpg", "a.xlsx", "README", ".txt", "folder/.txt", "a.txt.bak", "a."] {
            XCTAssertNil(SourceFormat(fileName: name), name)
        }
    }

    func testTheToolThatIsMissingIsNamedWithItsPackage() {
        let tool = ExternalTool(command: "archive-no-such-tool", package: "archive-tools")
        XCTAssertThrowsError(try tool.run([ExternalTool.input], bytes: [1], name: "a.pdf")) { error in
            let message = "\(error)"
            XCTAssertTrue(message.hasPrefix("a.pdf: "), message)
            XCTAssertTrue(message.contains("apt-get install archive-tools"), message)
        }
    }

    func testAToolReadsTheBytesFromItsTemporaryFileWhichIsGoneAfterwards() throws {
        let tool = ExternalTool(command: "cat", package: "coreutils")
        let bytes = Array("一、总体情况\n".utf8)
        let out = try tool.run([ExternalTool.input], bytes: bytes, name: "a.txt")
        XCTAssertEqual(out.status, 0)
        XCTAssertEqual(out.stdout, bytes)
        let sh = ExternalTool(command: "sh", package: "dash")
        let listed = try sh.run(["-c", "echo oops >&2; ls \"$0\" && exit 3", ExternalTool.input], bytes: bytes, name: "a.txt")
        XCTAssertEqual(listed.status, 3)
        XCTAssertEqual(listed.stderr, "oops")
        let path = String(decoding: listed.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertFalse(path.isEmpty)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path), "the temporary copy of the source is removed")
    }
}
