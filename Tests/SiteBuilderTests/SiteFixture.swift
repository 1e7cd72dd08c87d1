import Foundation
import XCTest

@testable import SiteBuilder

/// A throwaway archive: the repository's templates and config, the seed sources, and any extra
/// sources a test adds, built into its own `public/`.
struct SiteFixture {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let root: URL
    var config: URL { root.appendingPathComponent("archive.toml") }
    var content: URL { root.appendingPathComponent("content") }
    var output: URL { root.appendingPathComponent("public") }
    var templates: URL { root.appendingPathComponent("templates") }

    init(_ test: XCTestCase, extraSources: [String: String] = [:], configEdit: (String) -> String = { $0 }) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("ra-site-\(UUID().uuidString)")
        let fm = FileManager.default
        try fm.createDirectory(at: root, withIntermediateDirectories: true)
        let root = self.root
        test.addTeardownBlock { try? FileManager.default.removeItem(at: root) }
        try fm.copyItem(at: Self.repository.appendingPathComponent("content"), to: content)
        try fm.copyItem(at: Self.repository.appendingPathComponent("templates"), to: templates)
        // Search is off unless a test turns it on: its own tests cover the index, the others' sites stay small.
        let toml = try String(contentsOf: Self.repository.appendingPathComponent("archive.toml"), encoding: .utf8)
            .replacingOccurrences(of: "\nenabled = true", with: "\nenabled = false")
        try configEdit(toml).write(to: config, atomically: true, encoding: .utf8)
        for (name, text) in extraSources {
            try text.write(to: content.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
    }

    @discardableResult
    func build() throws -> Pipeline.Summary {
        try Pipeline.build(.init(configPath: config.path))
    }

    /// The store of the last build, where the listings `SourceCache.load` gives keep their outlines.
    func listingStore() throws -> ListingStore {
        let cache = root.appendingPathComponent(".archive-cache")
        let name = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: cache.path).first { $0.hasPrefix("listing-") })
        return try XCTUnwrap(ListingStore(in: cache, token: String(name.dropFirst("listing-".count).dropLast(".bin".count))))
    }

    func text(_ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path)
    }

    /// Every file under `public/` with its bytes, by relative path.
    func snapshot() throws -> [String: Data] {
        var out: [String: Data] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: output.path)! {
            var isDir: ObjCBool = false
            let url = output.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue {
                out[path] = try Data(contentsOf: url)
            }
        }
        return out
    }
}
