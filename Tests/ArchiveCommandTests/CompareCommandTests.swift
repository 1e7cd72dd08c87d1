import Foundation
import XCTest

/// `archive compare` on the seed sources: two reports of one prefecture (达州市) that one collection
/// holds twice, the second with the hidden years filled in.
final class CompareCommandTests: XCTestCase {
    static let first = "003_8410fef35409069b-06"  // in the form `archive parse` printed before ids were one, still read
    static let second = "003-8410fef35409069b-10"  // by id, as `archive parse` prints it and the site names its page

    func testPrintsTheComparison() throws {
        let project = try Project(self)
        let run = try ArchiveCommand.run(["compare", Self.first, Self.second], in: project.folder)
        XCTAssertEqual(run.status, 0, run.err)
        for line in ["A  xx年县教育局年终工作总结", "B  县教育局年终工作总结", "shared text: about 97%; headings: 22 paired, 0 only in A, 0 only in B",
                     "=  一、围绕中心,突出重点,教育教学工作深入扎实  ⟷  一、围绕中心,突出重点,教育教学工作深入扎实  (100%)",
                     "=    1、未成年人思想道德建设再创新局面。  ⟷  1、未成年人思想道德建设再创新局面。  (100%)",
                     "  number  xx年 → 2024年  ×7"] {
            XCTAssertTrue(run.out.contains(line + "\n"), "missing \(line):\n\(run.out)")
        }
    }

    /// Written into the built site at its own place, the page's every link leads to a file of the site,
    /// and every `#anchor` to a section of that report.
    func testWritesThePageIntoTheBuiltSite() throws {
        let project = try Project(self)
        XCTAssertEqual(try project.build().status, 0)
        let path = "compare/003-8410fef35409069b-6--003-8410fef35409069b-10.html"
        let run = try ArchiveCommand.run(["compare", Self.first, Self.second, "--output", "public/" + path], in: project.folder)
        XCTAssertEqual(run.status, 0, run.err)
        XCTAssertTrue(run.out.contains("in the site: \(path)"), run.out)
        let file = project.output.appendingPathComponent(path)
        let page = try String(contentsOf: file, encoding: .utf8)
        XCTAssertTrue(page.contains("<strong>约 97% 文字相同</strong>"), page)
        XCTAssertTrue(page.contains("<td class=\"a\">xx年</td><td class=\"b\">2024年 <span class=\"count\">×7</span></td>"), page)
        XCTAssertGreaterThan(try Self.checkLinks(of: page, at: file), 40)
    }

    /// Written anywhere else, its links still lead into the site, relative from where it is.
    func testWritesThePageBesideTheSite() throws {
        let project = try Project(self)
        XCTAssertEqual(try project.build().status, 0)
        let file = project.root.appendingPathComponent("notes/compare.html")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let run = try ArchiveCommand.run(["compare", Self.first, Self.second, "--output", file.path], in: project.folder)
        XCTAssertEqual(run.status, 0, run.err)
        let page = try String(contentsOf: file, encoding: .utf8)
        XCTAssertTrue(page.contains("<link rel=\"stylesheet\" href=\"../project/public/style.css\">"), page)
        XCTAssertGreaterThan(try Self.checkLinks(of: page, at: file), 40)
    }

    func testUnknownReportIsAnError() throws {
        let project = try Project(self)
        let run = try ArchiveCommand.run(["compare", Self.first, "no-such-report-1"], in: project.folder)
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.err.contains("error: no report no-such-report-1 in "), run.err)
    }

    /// Asserts every relative link of `page` (written at `file`) leads to a file, and every fragment
    /// to a section there; returns how many links it checked.
    static func checkLinks(of page: String, at file: URL, line: UInt = #line) throws -> Int {
        var checked = 0
        for href in page.components(separatedBy: "href=\"").dropFirst().compactMap({ $0.split(separator: "\"").first.map(String.init) })
        where !href.hasPrefix("http") {
            let parts = href.split(separator: "#", maxSplits: 1).map(String.init)
            let target = URL(fileURLWithPath: parts[0], relativeTo: file.deletingLastPathComponent()).standardizedFileURL
            XCTAssertTrue(FileManager.default.fileExists(atPath: target.path), "\(href) leads nowhere", line: line)
            if parts.count == 2 {
                let text = (try? String(contentsOf: target, encoding: .utf8)) ?? ""
                XCTAssertTrue(text.contains("<section id=\"\(parts[1])\""), "\(href): no such section", line: line)
            }
            checked += 1
        }
        return checked
    }
}
