import Foundation
import SiteBuilder
import XCTest

/// A build deletes only what a build made, and whatever stops it leaves either the last site or the
/// new one, never a stale mix that later builds trust.
final class OutputFolderTests: XCTestCase {
    /// Each output folder that is a project folder, its parent, or another folder no build made.
    func testDangerousOutputsAreRefusedAndNothingMoves() throws {
        for output in ["content", "templates", ".", "..", "PROJECT", "content/site", "templates/..", "../foreign"] {
            let project = try Project(self)
            let sibling = project.root.appendingPathComponent("sibling/.git")
            try FileManager.default.createDirectory(at: sibling, withIntermediateDirectories: true)
            try "ref: refs/heads/main\n".write(to: sibling.appendingPathComponent("HEAD"), atomically: true, encoding: .utf8)
            let foreign = project.root.appendingPathComponent("foreign")
            try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
            try "mine".write(to: foreign.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
            try project.setOutput(output == "PROJECT" ? project.folder.path : output)
            let before = Project.snapshot(project.root)

            let run = try project.build()
            XCTAssertEqual(run.status, 2, "output = \(output): \(run.out)")
            XCTAssertTrue(run.err.hasPrefix("error: refusing to "), "output = \(output): \(run.err)")
            XCTAssertTrue(run.err.contains("pass --force") == (output == "../foreign"), run.err)
            XCTAssertEqual(Project.snapshot(project.root), before, "output = \(output): files moved")
            XCTAssertFalse(FileManager.default.fileExists(atPath: project.folder.appendingPathComponent(".archive-cache").path))
        }
    }

    func testTheHomeFolderIsRefusedEvenWithForce() throws {
        let project = try Project(self)
        let home = project.root.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try project.setOutput("../home")
        let run = try project.build(["--force"], environment: ["HOME": home.path])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.err.contains("it is your home folder"), run.err)
    }

    func testRootAndHomeAncestorsAreRefused() {
        for output in ["/", "/.", "/tmp/.."] {
            XCTAssertThrowsError(try OutputGuard.check(output: output, content: "/x/content", templates: "/x/templates",
                                                       configFolder: "/x", force: true), output) { error in
                XCTAssertTrue("\(error)".contains("root folder"), "\(error)")
            }
        }
    }

    func testAForeignFolderIsReplacedOnlyWithForceAndItsDotEntriesStay() throws {
        let project = try Project(self)
        let foreign = project.root.appendingPathComponent("foreign")
        try FileManager.default.createDirectory(at: foreign.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try "mine".write(to: foreign.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        try "x".write(to: foreign.appendingPathComponent(".git/HEAD"), atomically: true, encoding: .utf8)
        try project.setOutput("../foreign")
        XCTAssertEqual(try project.build().status, 2)
        XCTAssertTrue(FileManager.default.fileExists(atPath: foreign.appendingPathComponent("notes.txt").path))

        let forced = try project.build(["--force"])
        XCTAssertEqual(forced.status, 0, forced.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: foreign.appendingPathComponent("notes.txt").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: foreign.appendingPathComponent(".git/HEAD").path), "a dot entry is the user's")
        XCTAssertTrue(FileManager.default.fileExists(atPath: foreign.appendingPathComponent("index.html").path))
        // Now a build made it: no --force needed any more.
        XCTAssertEqual(try project.build().status, 0)
    }

    /// An empty folder, or one holding only dot entries (the repository's `public/.gitkeep`), is fine.
    func testAFolderWithOnlyDotEntriesIsBuiltInto() throws {
        let project = try Project(self)
        try FileManager.default.createDirectory(at: project.output, withIntermediateDirectories: true)
        try Data().write(to: project.output.appendingPathComponent(".gitkeep"))
        let run = try project.build()
        XCTAssertEqual(run.status, 0, run.err)
        XCTAssertTrue(FileManager.default.fileExists(atPath: project.output.appendingPathComponent(".gitkeep").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: project.output.appendingPathComponent(SiteMarker.fileName).path))
    }

    func testServeRefusesTheSameFolders() throws {
        let project = try Project(self)
        try project.setOutput("content")
        let before = Project.snapshot(project.root)
        let run = try ArchiveCommand.run(["serve", "--port", "0"], in: project.folder)
        XCTAssertNotEqual(run.status, 0)
        XCTAssertTrue((run.err + run.out).contains("refusing to build into"), run.err + run.out)
        XCTAssertEqual(Project.snapshot(project.root), before)
    }

    /// What killed builds leave beside the output goes, and the user's dot entries in it come back.
    func testLeftoversOfKilledBuildsAreCleared() throws {
        let project = try Project(self)
        XCTAssertEqual(try project.build().status, 0)
        let fm = FileManager.default
        let staging = project.folder.appendingPathComponent(".public.building-99999")
        let old = project.folder.appendingPathComponent(".public.old-99998")
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        try fm.createDirectory(at: old.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try "half".write(to: staging.appendingPathComponent("index.html"), atomically: true, encoding: .utf8)
        try "x".write(to: old.appendingPathComponent(".git/HEAD"), atomically: true, encoding: .utf8)
        let mine = project.folder.appendingPathComponent(".public.building-notes")
        try fm.createDirectory(at: mine, withIntermediateDirectories: true)

        XCTAssertEqual(try project.build().status, 0)
        XCTAssertFalse(fm.fileExists(atPath: staging.path))
        XCTAssertFalse(fm.fileExists(atPath: old.path))
        XCTAssertTrue(fm.fileExists(atPath: project.output.appendingPathComponent(".git/HEAD").path))
        XCTAssertTrue(fm.fileExists(atPath: mine.path), "a name that is not a build's leftover stays")
    }

    /// Killed between two renames (where there is no atomic exchange), the site stands beside its place.
    func testASiteLeftBesideItsPlaceIsPutBack() throws {
        let project = try Project(self)
        XCTAssertEqual(try project.build().status, 0)
        let built = Project.snapshot(project.output)
        try FileManager.default.moveItem(at: project.output, to: project.folder.appendingPathComponent(".public.old-12345"))
        let run = try project.build()
        XCTAssertEqual(run.status, 0, run.err)
        XCTAssertSameSite(Project.snapshot(project.output), built, "the site put back")
    }
}

final class InterruptedBuildTests: XCTestCase {
    static let steps = ["config", "templates", "load cache", "stage", "sources", "index", "near duplicates", "report links", "compare pages",
                        "index pages", "save cache", "swap"]
    static let sourceName = "002_a6c8c882fd1a3a93.txt"

    /// Starts `archive build` paused after `step` and returns once it says it paused.
    private func pausedBuild(_ project: Project, after step: String, resume: URL? = nil) throws -> Process {
        var environment = ["ARCHIVE_TEST_PAUSE_AFTER": step]
        if let resume { environment["ARCHIVE_TEST_RESUME_FILE"] = resume.path }
        let started = ArchiveCommand.start(["build"], in: project.folder, environment: environment)
        let said = LockedText()
        started.err.fileHandleForReading.readabilityHandler = { said.append(String(decoding: $0.availableData, as: UTF8.self)) }
        try started.process.run()
        let deadline = Date().addingTimeInterval(60)
        while !said.value.contains("paused after \(step)"), started.process.isRunning, Date() < deadline { usleep(20_000) }
        XCTAssertTrue(said.value.contains("paused after \(step)"), "never paused after \(step): \(said.value)")
        return started.process
    }

    func testAKillAtAnyStepLeavesAWholeSiteAndTheNextBuildEqualsACleanOne() throws {
        let project = try Project(self)
        XCTAssertEqual(try project.build().status, 0)
        let source = project.content.appendingPathComponent(Self.sourceName)
        let original = try String(contentsOf: source, encoding: .utf8)
        let edited = original.replacingOccurrences(of: "开展问题大排查大整治专项行动", with: "开展一次被撤销的修改")
        XCTAssertNotEqual(original, edited)
        let oldSite = Project.snapshot(project.output)
        try edited.write(to: source, atomically: true, encoding: .utf8)
        let newSite = try project.cleanBuild()
        XCTAssertNotEqual(oldSite, newSite)

        // After each kill the edit is kept, or taken back: either way the next build must show the
        // sources as they are, not trust what the kill left.
        for step in Self.steps {
            for takeBack in [false, true] {
                try edited.write(to: source, atomically: true, encoding: .utf8)
                let build = try pausedBuild(project, after: step)
                kill(build.processIdentifier, SIGKILL)
                build.waitUntilExit()
                let site = Project.snapshot(project.output)
                XCTAssertTrue(site == oldSite || site == newSite, "killed after \(step): the site is neither the last one nor the new one")

                if takeBack { try original.write(to: source, atomically: true, encoding: .utf8) }
                let next = try project.build()
                XCTAssertEqual(next.status, 0, "after a kill after \(step): \(next.err)")
                XCTAssertSameSite(Project.snapshot(project.output), takeBack ? oldSite : newSite,
                                  "killed after \(step), edit \(takeBack ? "taken back" : "kept")")
                // The spare (the last site but one, which the next build starts from) is no leftover.
                let leftovers = try FileManager.default.contentsOfDirectory(atPath: project.folder.path)
                    .filter { $0.hasPrefix(".public.") && $0 != ".public.spare" }
                XCTAssertEqual(leftovers, [], "killed after \(step)")
                try original.write(to: source, atomically: true, encoding: .utf8)
                XCTAssertEqual(try project.build().status, 0)
            }
        }
    }

    /// A second build waits for the first; the site ends as a clean build of the sources as they are
    /// when the last build starts, and a build after that finds it up to date.
    func testTwoBuildsAtOnceEndAsACleanBuildOfTheFinalSources() throws {
        let project = try Project(self)
        XCTAssertEqual(try project.build().status, 0)
        let source = project.content.appendingPathComponent(Self.sourceName)
        let original = try String(contentsOf: source, encoding: .utf8)
        try original.replacingOccurrences(of: "开展问题大排查大整治专项行动", with: "开展一次被撤销的修改")
            .write(to: source, atomically: true, encoding: .utf8)
        let resume = project.root.appendingPathComponent("resume")
        let first = try pausedBuild(project, after: "sources", resume: resume)

        try original.write(to: source, atomically: true, encoding: .utf8)
        let second = ArchiveCommand.start(["build"], in: project.folder)
        let said = LockedText()
        second.err.fileHandleForReading.readabilityHandler = { said.append(String(decoding: $0.availableData, as: UTF8.self)) }
        try second.process.run()
        let deadline = Date().addingTimeInterval(30)
        while !said.value.contains("waiting for another build"), Date() < deadline { usleep(20_000) }
        XCTAssertTrue(said.value.contains("waiting for another build of this project to finish (process \(first.processIdentifier))"), said.value)

        try Data().write(to: resume)
        first.waitUntilExit()
        second.process.waitUntilExit()
        XCTAssertEqual(first.terminationStatus, 0)
        XCTAssertEqual(second.process.terminationStatus, 0, said.value)
        XCTAssertSameSite(Project.snapshot(project.output), try project.cleanBuild(), "after two builds at once")
        let again = try project.build()
        XCTAssertTrue(again.out.hasPrefix("up to date"), again.out)
    }

    /// A cache that cannot be saved (a full disk) fails the build and keeps the site in place.
    func testACacheThatCannotBeSavedFailsTheBuild() throws {
        let project = try Project(self)
        XCTAssertEqual(try project.build().status, 0)
        let oldSite = Project.snapshot(project.output)
        let source = project.content.appendingPathComponent(Self.sourceName)
        let original = try String(contentsOf: source, encoding: .utf8)
        try original.replacingOccurrences(of: "开展问题大排查大整治专项行动", with: "开展一次新的修改")
            .write(to: source, atomically: true, encoding: .utf8)

        // A file system too small for the cache, mounted over it, where this test may mount one.
        let cache = project.folder.appendingPathComponent(".archive-cache")
        let mounted = Self.mount(["-t", "tmpfs", "-o", "size=16k", "tmpfs", cache.path])
        defer { if mounted { _ = Self.mount(["-u", cache.path]) } }
        let run = try project.build([], environment: mounted ? [:] : ["ARCHIVE_TEST_CACHE_FULL": "1"])
        XCTAssertNotEqual(run.status, 0, run.out)
        XCTAssertTrue(run.err.contains("cannot save the build cache"), run.err)
        XCTAssertTrue(run.err.contains("No space left on device"), run.err)
        XCTAssertSameSite(Project.snapshot(project.output), oldSite, "a failed cache save keeps the site in place")

        if mounted { XCTAssertTrue(Self.mount(["-u", cache.path])) }
        let next = try project.build()
        XCTAssertEqual(next.status, 0, next.err)
        XCTAssertSameSite(Project.snapshot(project.output), try project.cleanBuild(), "the build after the full disk")
    }

    /// Runs mount (or umount, with `-u`); true when it worked.
    private static func mount(_ arguments: [String]) -> Bool {
        let process = Process()
        let unmount = arguments.first == "-u"
        process.executableURL = URL(fileURLWithPath: unmount ? "/bin/umount" : "/bin/mount")
        process.arguments = unmount ? Array(arguments.dropFirst()) : arguments
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}

/// What the content folder holds but the build does not read is said, on every build.
final class ContentFolderTests: XCTestCase {
    private func sources(_ run: ArchiveCommand.Run) -> Int? {
        guard let range = run.out.range(of: #"from \d+ sources"#, options: .regularExpression) else { return nil }
        return Int(run.out[range].split(separator: " ")[1])
    }

    func testBrokenLinksAreErrorsOnEveryBuild() throws {
        let project = try Project(self)
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: project.content.appendingPathComponent("dangling.txt").path, withDestinationPath: "nowhere.txt")
        try fm.createSymbolicLink(atPath: project.content.appendingPathComponent("loop-a.txt").path, withDestinationPath: "loop-b.txt")
        try fm.createSymbolicLink(atPath: project.content.appendingPathComponent("loop-b.txt").path, withDestinationPath: "loop-a.txt")
        for attempt in 1...2 {
            let run = try project.build()
            XCTAssertEqual(run.status, 1, "build \(attempt)")
            XCTAssertTrue(run.err.contains("content/dangling.txt: a symbolic link to nowhere.txt, which does not exist"), "build \(attempt): \(run.err)")
            XCTAssertTrue(run.err.contains("content/loop-a.txt: a symbolic link loop"), "build \(attempt): \(run.err)")
            XCTAssertTrue(run.err.contains("content/loop-b.txt: a symbolic link loop"), "build \(attempt): \(run.err)")
            if attempt == 2 { XCTAssertTrue(run.out.hasPrefix("up to date"), run.out) }
        }
    }

    func testALinkOutOfTheContentFolderIsFollowedOnlyWhenAsked() throws {
        let project = try Project(self)
        let fm = FileManager.default
        let elsewhere = project.root.appendingPathComponent("elsewhere")
        try fm.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try fm.copyItem(at: project.content.appendingPathComponent("001_a1db3f4728575eb8.txt"), to: elsewhere.appendingPathComponent("x.txt"))
        try fm.createSymbolicLink(atPath: project.content.appendingPathComponent("outside.txt").path, withDestinationPath: elsewhere.appendingPathComponent("x.txt").path)
        try fm.createSymbolicLink(atPath: project.content.appendingPathComponent("inside.txt").path, withDestinationPath: "000_155cf9d07f7bc588.txt")

        let run = try project.build()
        XCTAssertEqual(run.status, 0, run.err)
        XCTAssertEqual(sources(run), 6, "the five seeds and the link inside the folder: \(run.out)")
        let warnings = run.err.split(separator: "\n").filter { $0.contains("outside.txt") }
        XCTAssertEqual(warnings.count, 1, run.err)
        XCTAssertTrue(warnings.first?.contains("outside the content folder; not followed (set [build] follow_symlinks = true") == true, run.err)

        let text = try String(contentsOf: project.config, encoding: .utf8)
            .replacingOccurrences(of: #"output = "public""#, with: "output = \"public\"\nfollow_symlinks = true")
        try text.write(to: project.config, atomically: true, encoding: .utf8)
        let followed = try project.build()
        XCTAssertEqual(followed.status, 0, followed.err)
        XCTAssertEqual(sources(followed), 7, followed.out)
        XCTAssertFalse(followed.err.contains("outside.txt"), followed.err)
    }

    func testEntriesNotReadAreListedInOneWarning() throws {
        let project = try Project(self)
        let fm = FileManager.default
        for name in ["notes.xlsx", ".DS_Store", "photo.JPG"] {
            try "x".write(to: project.content.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        // An extension is matched whatever its case: this one is a source.
        try FileManager.default.copyItem(at: project.content.appendingPathComponent("001_a1db3f4728575eb8.txt"),
                                         to: project.content.appendingPathComponent("UPPER.TXT"))
        try fm.createDirectory(at: project.content.appendingPathComponent("浙江省"), withIntermediateDirectories: true)
        for attempt in 1...2 {
            let run = try project.build()
            XCTAssertEqual(run.status, 0, run.err)
            let lines = run.err.split(separator: "\n").filter { $0.contains("not read") }
            XCTAssertEqual(lines.count, 1, "build \(attempt): \(run.err)")
            let line = String(lines.first ?? "")
            XCTAssertTrue(line.hasPrefix("warning: ") && line.contains("3 entries not read"), line)
            for name in [".DS_Store", "photo.JPG", "notes.xlsx"] { XCTAssertTrue(line.contains(name), "\(name) in \(line)") }
            XCTAssertFalse(line.contains("浙江省"), "a folder is read, not listed: \(line)")
            XCTAssertFalse(line.contains("UPPER.TXT"), "read as a source: \(line)")
            XCTAssertTrue(run.out.contains(" 6 sources"), run.out)
        }
    }

    func testSourcesInFoldersAreReadAndHiddenOnesListed() throws {
        let project = try Project(self)
        let fm = FileManager.default
        let content = project.content
        func put(_ seed: String, at relative: String) throws {
            let target = content.appendingPathComponent(relative)
            try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try fm.copyItem(at: content.appendingPathComponent(seed), to: target)
        }
        try put("001_a1db3f4728575eb8.txt", at: "浙江省/宁波市/余姚市-2023.txt")
        try put("002_a6c8c882fd1a3a93.txt", at: "江苏省/x.txt")
        try put("004_19cf16a0cc95029b.txt", at: ".drafts/draft.txt")
        try put("004_19cf16a0cc95029b.txt", at: "江苏省/.hidden.txt")
        try "x".write(to: content.appendingPathComponent("江苏省/notes.xlsx"), atomically: true, encoding: .utf8)
        try fm.createSymbolicLink(atPath: content.appendingPathComponent("江苏省/up").path, withDestinationPath: "..")
        try fm.createDirectory(at: content.appendingPathComponent("浙江省/宁波市/余姚市"), withIntermediateDirectories: true)
        try ["慈溪市教育局2023年工作总结", "一、主要工作", "全年完成各项工作任务。", "二、存在问题", "办学条件仍需改善。"]
            .joined(separator: "\n").write(to: content.appendingPathComponent("浙江省/宁波市/余姚市/慈溪.txt"), atomically: false, encoding: .utf8)

        for attempt in 1...2 {
            let run = try project.build()
            XCTAssertEqual(run.status, 0, run.err)
            XCTAssertTrue(run.out.contains(" 8 sources"), "the five seeds and the three in folders: \(run.out)")
            let conflict = run.err.split(separator: "\n").filter { $0.contains("浙江省/宁波市/余姚市/慈溪.txt") }
            XCTAssertEqual(conflict.count, 1, "build \(attempt): \(run.err)")
            XCTAssertTrue(conflict.first?.contains("names 慈溪市, the folder 余姚市") == true, "build \(attempt): \(run.err)")
            let lines = run.err.split(separator: "\n").filter { $0.contains("not read") && !$0.contains("already read") }
            XCTAssertEqual(lines.count, 1, "build \(attempt): \(run.err)")
            let line = String(lines.first ?? "")
            XCTAssertTrue(line.contains("3 entries not read"), line)
            for name in [".drafts/", "江苏省/.hidden.txt", "江苏省/notes.xlsx"] { XCTAssertTrue(line.contains(name), "\(name) in \(line)") }
            XCTAssertTrue(run.err.contains("江苏省/up: a symbolic link to"), "a link back up is not read again: \(run.err)")
        }
        let reports = project.output.appendingPathComponent("reports")
        for slug in ["zhe-jiang-sheng-ning-bo-shi-yu-yao-shi-2023", "jiang-su-sheng-x"] {
            XCTAssertTrue(fm.fileExists(atPath: reports.appendingPathComponent("\(slug)-1.html").path), slug)
            XCTAssertTrue(fm.fileExists(atPath: project.output.appendingPathComponent("sources/\(slug).txt").path), slug)
        }
        let pages = try fm.contentsOfDirectory(atPath: reports.path)
        XCTAssertTrue(pages.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) }, "\(pages)")
        XCTAssertFalse(pages.contains { $0.contains("draft") || $0.contains("hidden") }, "\(pages)")
    }
}

final class LockedText: @unchecked Sendable {
    private let lock = NSLock()
    private var text = ""
    func append(_ s: String) { lock.withLock { text += s } }
    var value: String { lock.withLock { text } }
}
