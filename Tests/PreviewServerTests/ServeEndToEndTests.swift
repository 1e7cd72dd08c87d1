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

    /// The project's own Python, where `make test` installs Pagefind, else `python3` on PATH.
    static let python: String = {
        let venv = repository.appendingPathComponent(".tools/venv/bin/python3").path
        return FileManager.default.isExecutableFile(atPath: venv) ? venv : "python3"
    }()

    struct Missing: Error, CustomStringConvertible {
        var description: String
    }

    /// Fails the test, naming what is missing, when the Python above cannot run Pagefind.
    static func requirePagefind() throws {
        let probe = try Process.run(URL(fileURLWithPath: "/usr/bin/env"), arguments: [python, "-m", "pagefind", "--version"])
        probe.waitUntilExit()
        guard probe.terminationStatus == 0 else {
            throw Missing(description: "\(python) cannot run Pagefind (`make test` installs it into .tools/venv)")
        }
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
        // The copy has no .tools/ of its own: it indexes with the Pagefind the tests checked for.
        var environment = ProcessInfo.processInfo.environment
        if environment["ARCHIVE_PAGEFIND"] == nil { environment["ARCHIVE_PAGEFIND"] = Self.python }
        process.environment = environment
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

    /// Search is indexed in the background, after the edits of a burst, not once per edit; the
    /// site keeps the last index meanwhile.
    func testEditsDoNotEachReindexSearch() throws {
        try Self.requirePagefind()
        let served = try serve(search: true)
        func indexings() -> Int { served.output.value.components(separatedBy: "search index updated").count - 1 }
        func wait(_ seconds: Double, until done: () -> Bool) {
            let deadline = Date().addingTimeInterval(seconds)
            while !done(), Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        }
        wait(60) { indexings() == 1 }
        XCTAssertEqual(indexings(), 1, served.output.value)
        let bundle = served.root.appendingPathComponent("public/pagefind/pagefind.js")
        XCTAssertTrue(FileManager.default.fileExists(atPath: bundle.path))

        let source = served.root.appendingPathComponent("content/002_a6c8c882fd1a3a93.txt")
        let original = try String(contentsOf: source, encoding: .utf8)
        for i in 1...3 {
            let before = served.output.value.components(separatedBy: "rebuilt in").count
            try original.replacingOccurrences(of: "开展问题大排查大整治专项行动", with: "开展第\(i)次测试行动").write(to: source, atomically: true, encoding: .utf8)
            wait(10) { served.output.value.components(separatedBy: "rebuilt in").count > before }
            XCTAssertTrue(FileManager.default.fileExists(atPath: bundle.path), "a rebuild dropped the search index")
        }
        XCTAssertEqual(indexings(), 1, "an edit re-indexed at once: \(served.output.value)")
        wait(60) { indexings() == 2 }
        Thread.sleep(forTimeInterval: 3)
        XCTAssertEqual(indexings(), 2, "three edits in a burst are one indexing: \(served.output.value)")
        XCTAssertTrue(FileManager.default.fileExists(atPath: bundle.path))
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

    /// Headless Chromium runs the search page against the server: Pagefind's results for 学前 must
    /// include the reports about preschool education.
    func testSearchInARealBrowser() throws {
        guard let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw Missing(description: "chromium is not installed (`make test` installs it)")
        }
        try Self.requirePagefind()
        let served = try serve(search: true)
        // Search is indexed in the background once the site is served.
        let deadline = Date().addingTimeInterval(60)
        while !served.output.value.contains("search index updated"), Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        XCTAssertTrue(served.output.value.contains("search index updated"), served.output.value)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        let url = served.base.absoluteString + "search.html?q=%E5%AD%A6%E5%89%8D"
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=10000", "--dump-dom", url]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let dom = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertTrue(dom.contains("pagefind-ui__result-link"), "no search results in the DOM")
        // The seed reports whose sections are about 学前教育.
        XCTAssertTrue(dom.contains("reports/002-a6c8c882fd1a3a93-1.html"), "余姚 (普惠性幼儿园) missing")
        // Pagefind shows the best five first; every one is a report page.
        let links = dom.components(separatedBy: "pagefind-ui__result-link").count - 1
        XCTAssertGreaterThanOrEqual(links, 4, "too few results")
        XCTAssertEqual(dom.components(separatedBy: "pagefind-ui__result-link svelte").dropFirst().filter { !$0.contains("/reports/") }.count, 0)
        XCTAssertFalse(dom.contains("href=\"/search.html/"), "result links must point at the site root")
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
