import Foundation
import XCTest

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Starts the real `archive serve` on a free loopback port over a throwaway copy of the archive.
final class ServeEndToEndTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `archive` binary SwiftPM built beside this test bundle.
    static var archiveBinary: URL {
        var dir = Bundle(for: ServeEndToEndTests.self).bundleURL
        while dir.pathExtension == "xctest" || dir.lastPathComponent == "Contents" { dir.deleteLastPathComponent() }
        return dir.appendingPathComponent("archive")
    }

    struct Served {
        var process: Process
        var root: URL
        var base: URL
        var output: OutputLog
    }

    final class OutputLog: @unchecked Sendable {
        private let lock = NSLock()
        private var text = ""
        func append(_ s: String) { lock.withLock { text += s } }
        var value: String { lock.withLock { text } }
    }

    /// A throwaway copy of the repository's archive: content, templates and config.
    static func makeProject(search: Bool) throws -> URL {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("ra-serve-\(UUID().uuidString)")
        try fm.createDirectory(at: root, withIntermediateDirectories: true)
        try fm.copyItem(at: repository.appendingPathComponent("content"), to: root.appendingPathComponent("content"))
        try fm.copyItem(at: repository.appendingPathComponent("templates"), to: root.appendingPathComponent("templates"))
        var toml = try String(contentsOf: repository.appendingPathComponent("archive.toml"), encoding: .utf8)
        if !search { toml = toml.replacingOccurrences(of: "enabled = true", with: "enabled = false") }
        try toml.write(to: root.appendingPathComponent("archive.toml"), atomically: true, encoding: .utf8)
        return root
    }

    func serve(search: Bool = false) throws -> Served {
        let root = try Self.makeProject(search: search)
        let process = Process()
        process.executableURL = Self.archiveBinary
        process.arguments = ["serve", "--port", "0"]
        process.currentDirectoryURL = root
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        let log = OutputLog()
        pipe.fileHandleForReading.readabilityHandler = { handle in
            log.append(String(decoding: handle.availableData, as: UTF8.self))
        }
        try process.run()
        addTeardownBlock {
            process.terminate()
            process.waitUntilExit()
            try? FileManager.default.removeItem(at: root)
        }
        // The server prints its address once the first build is done and it listens.
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if let range = log.value.range(of: "serving http://127.0.0.1:") {
                let rest = log.value[range.upperBound...]
                if let port = Int(rest.prefix { $0.isNumber }) {
                    return Served(process: process, root: root, base: URL(string: "http://127.0.0.1:\(port)/")!, output: log)
                }
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        XCTFail("archive serve did not start: \(log.value)")
        throw CocoaError(.featureUnsupported)
    }

    func get(_ url: URL) throws -> (status: Int, body: String, headers: [String: String]) {
        let semaphore = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: (Int, String, [String: String]) = (0, "", [:])
        var request = URLRequest(url: url)
        request.timeoutInterval = 5
        URLSession.shared.dataTask(with: request) { data, response, _ in
            let http = response as? HTTPURLResponse
            let headers = (http?.allHeaderFields as? [String: String]) ?? [:]
            result = (http?.statusCode ?? 0, data.map { String(decoding: $0, as: UTF8.self) } ?? "", headers)
            semaphore.signal()
        }.resume()
        _ = semaphore.wait(timeout: .now() + 10)
        return result
    }

    func testServesTheBuiltSite() throws {
        let served = try serve()
        let home = try get(served.base.appendingPathComponent("index.html"))
        XCTAssertEqual(home.status, 200)
        XCTAssertTrue(home.headers.first { $0.key.lowercased() == "content-type" }?.value.contains("text/html; charset=utf-8") ?? false, "\(home.headers)")
        XCTAssertTrue(home.body.contains("/__livereload"), "live reload script injected")
        XCTAssertEqual(try get(served.base.appendingPathComponent("no/such/page.html")).status, 404)
    }

    func testEditingASourceRebuildsThePageAndReloadsClients() throws {
        let served = try serve()
        // A client listening for reload events.
        let events = OutputLog()
        let sse = URLSession(configuration: .default, delegate: StreamCollector(events), delegateQueue: nil)
        sse.dataTask(with: served.base.appendingPathComponent("__livereload")).resume()
        defer { sse.invalidateAndCancel() }
        Thread.sleep(forTimeInterval: 0.5)

        let source = served.root.appendingPathComponent("content/002_a6c8c882fd1a3a93.txt")
        var text = try String(contentsOf: source, encoding: .utf8)
        text = text.replacingOccurrences(of: "开展问题大排查大整治专项行动", with: "开展独一无二的测试标记行动")
        let edited = Date()
        try text.write(to: source, atomically: true, encoding: .utf8)

        let page = served.base.appendingPathComponent("reports/002-a6c8c882fd1a3a93-1.html")
        var shown: TimeInterval?
        while Date().timeIntervalSince(edited) < 5 {
            if try get(page).body.contains("独一无二的测试标记行动") {
                shown = Date().timeIntervalSince(edited)
                break
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        XCTAssertNotNil(shown, "the edit never reached the page: \(served.output.value)")
        XCTAssertLessThan(shown ?? 99, 2.0)
        let deadline = Date().addingTimeInterval(2)
        while Date() < deadline, !events.value.contains("event: reload") { Thread.sleep(forTimeInterval: 0.05) }
        XCTAssertTrue(events.value.contains("event: reload"), "no reload event: \(events.value)")
        XCTAssertTrue(served.output.value.contains("rebuilt in"), served.output.value)
    }

    /// A save that changes no page (the same bytes, a new modification time) rebuilds nothing and says so.
    func testASaveThatChangesNothingIsReportedUpToDate() throws {
        let served = try serve()
        let start = served.output.value.count
        func since() -> String { String(served.output.value.dropFirst(start)) }
        let source = served.root.appendingPathComponent("content/002_a6c8c882fd1a3a93.txt")
        try Data(contentsOf: source).write(to: source)
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, !since().contains("\n") { Thread.sleep(forTimeInterval: 0.05) }
        XCTAssertTrue(since().hasPrefix("up to date in "), since())
        XCTAssertTrue(since().contains(" after 002_a6c8c882fd1a3a93.txt: no page changed\n"), since())
        XCTAssertFalse(since().contains("rebuilt") || since().contains("updated"), since())
    }

    /// Whether the search index in the served site has `key` (a shard holds it, length-prefixed).
    func indexHas(_ served: Served, _ key: String) throws -> Bool {
        let search = served.root.appendingPathComponent("public/search")
        let index = try JSONSerialization.jsonObject(with: Data(contentsOf: search.appendingPathComponent("index.json"))) as! [String: Any]
        let bytes = Array(key.utf8)
        var h: UInt32 = 0x811C9DC5
        for b in bytes { h = (h ^ UInt32(b)) &* 0x01000193 }
        let shard = [UInt8](try Data(contentsOf: search.appendingPathComponent("terms/\(h & UInt32(index["shards"] as! Int - 1)).bin")))
        let entry = [UInt8(bytes.count)] + bytes
        return shard.indices.contains { shard[$0...].starts(with: entry) }
    }

    /// Search is part of every rebuild: an edit is in the served index as soon as the rebuild is done.
    func testAnEditReachesTheSearchIndex() throws {
        let served = try serve(search: true)
        XCTAssertFalse(try indexHas(served, "zqxwvk"))
        let before = served.output.value.components(separatedBy: "rebuilt in").count
        let source = served.root.appendingPathComponent("content/002_a6c8c882fd1a3a93.txt")
        let text = try String(contentsOf: source, encoding: .utf8)
        let edited = Date()
        try text.replacingOccurrences(of: "开展问题大排查大整治专项行动", with: "开展 zqxwvk 专项行动").write(to: source, atomically: true, encoding: .utf8)
        var found = false
        while !found, Date().timeIntervalSince(edited) < 5 {
            Thread.sleep(forTimeInterval: 0.1)
            found = served.output.value.components(separatedBy: "rebuilt in").count > before && (try? indexHas(served, "zqxwvk")) == true
        }
        XCTAssertTrue(found, "the edit never reached the search index: \(served.output.value)")
    }

    func testBrokenTemplateIsReportedAndTheLastGoodSiteStaysServed() throws {
        let served = try serve()
        let page = served.base.appendingPathComponent("index.html")
        let before = try get(page).body
        try "{{#oops}} unclosed".write(to: served.root.appendingPathComponent("templates/home.mustache"), atomically: true, encoding: .utf8)
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline, !served.output.value.contains("build failed") { Thread.sleep(forTimeInterval: 0.05) }
        XCTAssertTrue(served.output.value.contains("home.mustache"), served.output.value)
        XCTAssertEqual(try get(page).body, before)
    }
}

/// Collects a streaming response's bytes as they arrive.
final class StreamCollector: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    let log: ServeEndToEndTests.OutputLog
    init(_ log: ServeEndToEndTests.OutputLog) { self.log = log }
    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        log.append(String(decoding: data, as: UTF8.self))
    }
}
