import Foundation
import XCTest

/// A content folder as people have it: web pages, Word files and PDFs beside text, in folders by place.
final class MixedFormatTests: XCTestCase {
    /// `Tests/DecodeTests/Fixtures/formats/`, written by `Scripts/make-format-fixtures.py`.
    static let fixtures = ArchiveCommand.repository.appendingPathComponent("Tests/DecodeTests/Fixtures/formats")

    /// The seed project with the fixtures named added to `content/` under the same relative paths.
    private func project(adding names: [String]) throws -> Project {
        let project = try Project(self)
        for name in names {
            let target = project.content.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent(name), to: target)
        }
        return project
    }

    private static let readable = ["same/report.html", "same/report.docx", "same/report.doc", "same/report.pdf", "sharing.html", "tree"]

    func testAMixedFormatFolderBuildsChecksAndKeepsEachOriginal() throws {
        let project = try project(adding: Self.readable)
        let run = try project.build()
        XCTAssertEqual(run.status, 0, run.err)
        XCTAssertFalse(run.err.contains("error:"), run.err)
        let notRead = run.err.split(separator: "\n").filter { $0.contains("not read") }
        XCTAssertEqual(notRead.count, 1, run.err)
        XCTAssertTrue(notRead.first?.contains("2 entries not read") == true && notRead.first?.contains("tree/.DS_Store") == true
                      && notRead.first?.contains("tree/浙江省/.hidden.txt") == true, "only the hidden files: \(run.err)")

        let sources = project.output.appendingPathComponent("sources")
        // A saved page is kept to download, not to open: its scripts would run under the site's address.
        for (name, ext, kept) in [("same/report.docx", "docx", "docx"), ("same/report.pdf", "pdf", "pdf"),
                                  ("same/report.html", "html", "html.orig"), ("same/report.doc", "doc", "doc")] {
            let slug = "same-report-\(ext)"
            let original = sources.appendingPathComponent("\(slug).\(kept)")
            XCTAssertEqual(FileManager.default.contents(atPath: original.path),
                           FileManager.default.contents(atPath: project.content.appendingPathComponent(name).path), name)
            XCTAssertEqual(try inode(original), try inode(project.content.appendingPathComponent(name)),
                           "\(name) is hard-linked into the site, not copied")
            let text = try String(contentsOf: sources.appendingPathComponent("\(slug).txt"), encoding: .utf8)
            XCTAssertTrue(text.contains("余姚市教育局2023年工作总结") && text.contains("学前教育普惠扩容"), "\(name): the extracted text is beside the original")
            let page = try String(contentsOf: project.output.appendingPathComponent("reports/\(slug)-1.html"), encoding: .utf8)
            XCTAssertTrue(page.contains("href=\"../sources/\(slug).\(kept)\""), "\(name): the report page links its original")
            XCTAssertTrue(page.contains("href=\"../sources/\(slug).txt\""), "\(name): and the text extracted from it")
        }

        let check = try ArchiveCommand.run(["check"], in: project.folder)
        XCTAssertEqual(check.status, 0, check.out + check.err)
        let pages = try FileManager.default.subpathsOfDirectory(atPath: project.output.path).filter { $0.hasSuffix(".html") }
        XCTAssertFalse(pages.contains { $0.hasPrefix("sources/") }, "no saved page is published as a page: \(pages.filter { $0.hasPrefix("sources/") })")
        XCTAssertSameSite(Project.snapshot(project.output), try project.cleanBuild(), "a second build from scratch")
    }

    /// The text beside each report is UTF-8 with a byte-order mark: a source that already is exactly
    /// that is linked into the site; any other is written out.
    func testASourceThatIsItsOwnTextIsLinkedNotCopied() throws {
        let project = try Project(self)
        let seeds = try FileManager.default.contentsOfDirectory(atPath: project.content.path).filter { $0.hasSuffix(".txt") }.sorted()
        let seed = try XCTUnwrap(seeds.first { name in
            let bytes = FileManager.default.contents(atPath: project.content.appendingPathComponent(name).path) ?? Data()
            return !bytes.starts(with: [0xEF, 0xBB, 0xBF]) && !bytes.contains(0x0D)
        })
        let plain = project.content.appendingPathComponent(seed)
        let marked = project.content.appendingPathComponent("marked.txt")
        try (Data([0xEF, 0xBB, 0xBF]) + Data(contentsOf: plain)).write(to: marked)
        let run = try project.build()
        XCTAssertEqual(run.status, 0, run.err)

        let sources = project.output.appendingPathComponent("sources")
        let published = try FileManager.default.contentsOfDirectory(atPath: sources.path).map { sources.appendingPathComponent($0) }
        let linked = try published.filter { try inode($0) == (try inode(marked)) }
        XCTAssertEqual(linked.count, 1, "marked.txt is hard-linked into sources/")
        XCTAssertEqual(try linked.first.map { try Data(contentsOf: $0) }, try Data(contentsOf: marked))
        let copies = try published.filter { try Data(contentsOf: $0) == Data([0xEF, 0xBB, 0xBF]) + (try Data(contentsOf: plain)) }
        XCTAssertEqual(copies.count, 2, "the plain source's text has the same bytes, written with a byte-order mark")
        XCTAssertFalse(try copies.contains { try inode($0) == (try inode(plain)) }, "a source without the mark is not linked")
        XCTAssertSameSite(Project.snapshot(project.output), try project.cleanBuild(), "a second build from scratch")
    }

    func testAFileThatCannotBeReadIsOneLineNamingItAndTheRestBuilds() throws {
        let bad = ["corrupt.docx", "nodocument.docx", "encrypted.pdf", "scanned.pdf", "empty.html"]
        let project = try project(adding: ["same/report.docx"] + bad)
        let run = try project.build()
        XCTAssertEqual(run.status, 1, run.err)
        let errors = run.err.split(separator: "\n").filter { $0.hasPrefix("error: ") }
        XCTAssertEqual(errors.count, bad.count, run.err)
        for name in bad {
            XCTAssertEqual(errors.filter { $0.hasPrefix("error: \(name): ") }.count, 1, "\(name): \(run.err)")
        }
        XCTAssertTrue(run.err.contains("error: scanned.pdf: has no text layer"), run.err)
        XCTAssertTrue(FileManager.default.fileExists(atPath: project.output.appendingPathComponent("reports/same-report-docx-1.html").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: project.output.appendingPathComponent("reports/000-155cf9d07f7bc588-1.html").path),
                      "the seeds build beside the files that cannot be read")
        XCTAssertSameSite(Project.snapshot(project.output), try project.cleanBuild(status: 1), "a clean build of the same sources")
    }

    func testWithoutTheConvertersPDFAndDocSourcesSayWhatToInstall() throws {
        let project = try project(adding: ["same/report.pdf", "same/report.doc", "same/report.docx"])
        let run = try project.build(environment: ["PATH": project.root.path])
        XCTAssertEqual(run.status, 1, run.err)
        XCTAssertTrue(run.err.contains("error: same/report.pdf: ") && run.err.contains("apt-get install poppler-utils"), run.err)
        XCTAssertTrue(run.err.contains("error: same/report.doc: ") && run.err.contains("apt-get install"), run.err)
        XCTAssertTrue(FileManager.default.fileExists(atPath: project.output.appendingPathComponent("reports/same-report-docx-1.html").path),
                      "a Word file needs no converter")
    }

    private func inode(_ url: URL) throws -> UInt64 {
        try XCTUnwrap(FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? UInt64)
    }
}
