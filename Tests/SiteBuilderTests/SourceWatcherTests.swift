import Foundation
import XCTest

@testable import SiteBuilder

/// `archive serve`'s watcher: an edit is told as it is saved (inotify), not at the next poll.
final class SourceWatcherTests: XCTestCase {
    /// What the watcher told, in order.
    private final class Told: @unchecked Sendable {
        private let lock = NSLock()
        private var batches: [[String]] = []
        func add(_ batch: [String]) { lock.withLock { batches.append(batch) } }
        var all: [[String]] { lock.withLock { batches } }

        /// Waits until a batch holds `path`, up to `seconds`; the seconds it took, or nil.
        func wait(for path: String, seconds: Double) -> Double? {
            let start = Date()
            while Date().timeIntervalSince(start) < seconds {
                if all.contains(where: { $0.contains(path) }) { return Date().timeIntervalSince(start) }
                usleep(5_000)
            }
            return nil
        }
    }

    /// A watcher whose poll, were it used, would come only after a minute.
    private func watching(_ site: SiteFixture) throws -> (Told, Task<Void, Never>) {
        let watcher = SourceWatcher(config: try SiteConfig.load(site.config.path), configPath: site.config.path, interval: .seconds(60))
        let told = Told()
        let task = Task.detached { await watcher.watch { told.add($0) } }
        usleep(300_000)  // the watcher's first look at the folders
        return (told, task)
    }

    func testEditsNewFoldersAndTheConfigAreToldAtOnce() throws {
        #if os(Linux)
        let site = try SiteFixture(self)
        let (told, task) = try watching(site)
        defer { task.cancel() }

        let source = try XCTUnwrap(FileManager.default.contentsOfDirectory(atPath: site.content.path).sorted().first { $0.hasSuffix(".txt") })
        let path = site.content.appendingPathComponent(source).path
        try (String(contentsOfFile: path, encoding: .utf8) + "\n补记一句。\n").write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertNotNil(told.wait(for: path, seconds: 5), "an edit saved by rename: \(told.all)")

        let folder = site.content.appendingPathComponent("浙江省")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let added = folder.appendingPathComponent("新报告.txt").path
        try "某县教育局2024年工作总结\n一、概况\n全年工作有序推进。\n".write(toFile: added, atomically: false, encoding: .utf8)
        XCTAssertNotNil(told.wait(for: added, seconds: 5), "a file in a folder made after the watch began: \(told.all)")
        let later = folder.appendingPathComponent("又一篇.txt").path
        try "某县教育局2025年工作要点\n".write(toFile: later, atomically: false, encoding: .utf8)
        XCTAssertNotNil(told.wait(for: later, seconds: 5), "the new folder is watched from then on: \(told.all)")

        try (String(contentsOf: site.config, encoding: .utf8) + "\n").write(to: site.config, atomically: true, encoding: .utf8)
        XCTAssertNotNil(told.wait(for: site.config.path, seconds: 5), "the config: \(told.all)")
        #else
        throw XCTSkip("inotify is Linux's")
        #endif
    }

    func testBuildingTheSiteBesideTheConfigIsNoEdit() throws {
        let site = try SiteFixture(self)
        let (told, task) = try watching(site)
        defer { task.cancel() }
        _ = try site.build()
        usleep(500_000)
        XCTAssertEqual(told.all, [], "the build wrote only its site and cache")
    }
}
