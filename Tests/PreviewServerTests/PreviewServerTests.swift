import Foundation
import Logging
import XCTest

@testable import PreviewServer

/// A thread-safe holder for values handed over from the server's tasks.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
    func mutate(_ change: (inout Value) -> Void) { lock.withLock { change(&stored) } }
}

/// A real `PreviewServer` on a free loopback port, over a fixture site in a temporary folder, driven with raw
/// HTTP/1.1 over sockets. The test methods are synchronous: blocking socket reads then never hold one of the
/// few threads the server's own tasks run on.
final class PreviewServerTests: XCTestCase {
    var root: URL!
    var site: URL { root.appendingPathComponent("site") }
    let secret = "TOP-SECRET-\(UUID().uuidString)"
    private var servers: [Task<Void, any Error>] = []

    static let indexHTML = """
        <!doctype html>
        <html lang="zh-CN"><head><meta charset="utf-8"><title>教育局报告</title><link rel="stylesheet" href="style.css"></head>
        <body><h1>教育局报告归档</h1><p>home-page-marker</p></body></html>

        """

    override func setUpWithError() throws {
        let fm = FileManager.default
        root = fm.temporaryDirectory.appendingPathComponent("ra-preview-\(UUID().uuidString)")
        try fm.createDirectory(at: site, withIntermediateDirectories: true)
        for folder in ["years", "reports", "search/terms", "search/lists"] {
            try fm.createDirectory(at: site.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try write(secret, to: "../secret.txt")
        try write(Self.indexHTML, to: "index.html")
        try write("body { color: #222; }\n", to: "style.css")
        try write("console.log('hi');\n", to: "app.js")
        try write("{\"reports\": 3}\n", to: "data.json")
        try write("<?xml version=\"1.0\" encoding=\"utf-8\"?><feed/>\n", to: "feed.xml")
        try write("User-agent: *\n", to: "robots.txt")
        try write("# 标题\n", to: "reports/a.md")
        try write("<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n", to: "logo.svg")
        try write("{}\n", to: "site.webmanifest")
        try write("<html><body><p>years-index-marker</p></BODY></html>\n", to: "years/index.html")
        try write("<html><body><p>report-a-marker</p></body></html>\n", to: "reports/a.html")
        try write("<p>fragment without a body tag</p>", to: "nobody.html")
        try write("<!doctype html><html><body><h1>页面不存在</h1><p>custom-404-marker</p></body></html>\n", to: "404.html")
        let binary = Data([0x00, 0x01, 0x02, 0xFF, 0xFE])
        for name in ["search/terms/0.bin", "search/lists/e5ada6e5898d.bin", "search/years.bin",
                     "module.wasm", "logo.png", "photo.jpg", "font.woff2", "blob.unknownext"] {
            try binary.write(to: site.appendingPathComponent(name))
        }
        // Symlinks: one to a file outside the site, one to a folder outside it, one that stays inside.
        try fm.createSymbolicLink(atPath: site.appendingPathComponent("leak.txt").path, withDestinationPath: "../secret.txt")
        try fm.createSymbolicLink(atPath: site.appendingPathComponent("outside").path, withDestinationPath: root.path)
        try fm.createSymbolicLink(atPath: site.appendingPathComponent("same.css").path, withDestinationPath: "style.css")
    }

    override func tearDownWithError() throws {
        for task in servers { task.cancel() }
        for task in servers {
            let finished = DispatchSemaphore(value: 0)
            Task {
                _ = await task.result
                finished.signal()
            }
            XCTAssertEqual(finished.wait(timeout: .now() + 10), .success, "the server did not stop within 10 s of being cancelled")
        }
        servers = []
        if let root { try? FileManager.default.removeItem(at: root) }
    }

    // MARK: Helpers

    func write(_ text: String, to relativePath: String) throws {
        try Data(text.utf8).write(to: site.appendingPathComponent(relativePath))
    }

    /// Starts a server and returns the port it listens on.
    @discardableResult
    func startServer(
        port: Int = 0, broadcaster: ReloadBroadcaster = ReloadBroadcaster(), heartbeat: Duration? = nil, logger: Logger? = nil
    ) throws -> Int {
        var server = PreviewServer(site: site, port: port, broadcaster: broadcaster)
        if let heartbeat { server.heartbeatInterval = heartbeat }
        if let logger { server.logger = logger }
        let ready = Locked<Int?>(nil)
        let failure = Locked<(any Error)?>(nil)
        let task = Task {
            do {
                try await server.run { ready.value = $0 }
            } catch {
                failure.value = error
                throw error
            }
        }
        servers.append(task)
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if let port = ready.value { return port }
            if let error = failure.value { throw error }
            Thread.sleep(forTimeInterval: 0.01)
        }
        throw RawConnection.Failure(description: "the server did not report ready within 10 s")
    }

    func get(_ port: Int, _ target: String, headers: [String: String] = [:]) throws -> RawResponse {
        try RawHTTP.request(port: port, "GET", target, headers: headers)
    }

    func contents(_ relativePath: String) throws -> String {
        try String(contentsOf: site.appendingPathComponent(relativePath), encoding: .utf8)
    }

    // MARK: Files

    func testHTMLIsServedAsUTF8WithTheLiveReloadScriptInjected() throws {
        let port = try startServer()
        let home = try get(port, "/")
        XCTAssertEqual(home.status, 200)
        XCTAssertEqual(home[header: "Content-Type"], "text/html; charset=utf-8")
        XCTAssertEqual(home[header: "Cache-Control"], "no-cache")
        XCTAssertEqual(home[header: "Content-Length"], String(home.body.count), "Content-Length must count the injected script")
        XCTAssertTrue(home.text.contains("<h1>教育局报告归档</h1>"), home.text)
        XCTAssertTrue(home.text.contains("new EventSource('/__livereload')"), home.text)
        let script = try XCTUnwrap(home.text.range(of: "<script data-archive-serve>"))
        let bodyEnd = try XCTUnwrap(home.text.range(of: "</body>"))
        XCTAssertLessThan(script.lowerBound, bodyEnd.lowerBound, "the script goes before </body>")
        XCTAssertEqual(home.text.replacingOccurrences(of: LiveReload.script, with: ""), Self.indexHTML, "nothing else changes")
        XCTAssertEqual(try contents("index.html"), Self.indexHTML, "the file on disk is left alone")

        let named = try get(port, "/index.html")
        XCTAssertEqual(named.body, home.body)
        XCTAssertEqual(named[header: "ETag"], home[header: "ETag"])

        // Upper-case </BODY>, and a page without any body tag.
        let years = try get(port, "/years/")
        XCTAssertTrue(years.text.contains("years-index-marker"))
        XCTAssertLessThan(try XCTUnwrap(years.text.range(of: "EventSource")).lowerBound, try XCTUnwrap(years.text.range(of: "</BODY>")).lowerBound)
        let fragment = try get(port, "/nobody.html")
        XCTAssertTrue(fragment.text.hasPrefix("<p>fragment without a body tag</p><script"), fragment.text)
        XCTAssertTrue(fragment.text.hasSuffix("</script>\n"))
        XCTAssertEqual(fragment[header: "Content-Length"], String(fragment.body.count))
    }

    func testOtherFilesKeepTheirBytesAndGetTheirContentType() throws {
        let port = try startServer()
        let expected: [(String, String)] = [
            ("/style.css", "text/css; charset=utf-8"),
            ("/app.js", "text/javascript; charset=utf-8"),
            ("/data.json", "application/json; charset=utf-8"),
            ("/feed.xml", "application/xml; charset=utf-8"),
            ("/robots.txt", "text/plain; charset=utf-8"),
            ("/reports/a.md", "text/markdown; charset=utf-8"),
            ("/logo.svg", "image/svg+xml; charset=utf-8"),
            ("/site.webmanifest", "application/manifest+json; charset=utf-8"),
            ("/module.wasm", "application/wasm"),
            ("/logo.png", "image/png"),
            ("/photo.jpg", "image/jpeg"),
            ("/font.woff2", "font/woff2"),
            ("/search/terms/0.bin", "application/octet-stream"),
            ("/search/lists/e5ada6e5898d.bin", "application/octet-stream"),
            ("/search/years.bin", "application/octet-stream"),
            ("/blob.unknownext", "application/octet-stream"),
        ]
        for (path, type) in expected {
            let response = try get(port, path)
            XCTAssertEqual(response.status, 200, path)
            XCTAssertEqual(response[header: "Content-Type"], type, path)
            let onDisk = try Data(contentsOf: site.appendingPathComponent(String(path.dropFirst())))
            XCTAssertEqual(Data(response.body), onDisk, "\(path) is served byte for byte")
            XCTAssertEqual(response[header: "X-Content-Type-Options"], "nosniff", path)
        }
        // Percent-encoded names are decoded.
        try write("encoded-name-marker", to: "reports/报告 一.txt")
        let encoded = try get(port, "/reports/%E6%8A%A5%E5%91%8A%20%E4%B8%80.txt")
        XCTAssertEqual(encoded.status, 200)
        XCTAssertEqual(encoded.text, "encoded-name-marker")
    }

    func testHeadSendsTheHeadersOfGetWithoutABody() throws {
        let port = try startServer()
        for path in ["/", "/style.css", "/no/such/page.html"] {
            let full = try get(port, path)
            let head = try RawHTTP.request(port: port, "HEAD", path)
            XCTAssertEqual(head.status, full.status, path)
            XCTAssertEqual(head.body, [], "\(path): HEAD has no body")
            XCTAssertEqual(head[header: "Content-Type"], full[header: "Content-Type"], path)
            XCTAssertEqual(head[header: "Content-Length"], String(full.body.count), path)
            XCTAssertEqual(head[header: "ETag"], full[header: "ETag"], path)
        }
    }

    func testFoldersServeTheirIndexAndRedirectWithoutTheSlash() throws {
        let port = try startServer()
        XCTAssertTrue(try get(port, "/years/").text.contains("years-index-marker"))
        XCTAssertTrue(try get(port, "/years/index.html").text.contains("years-index-marker"))
        XCTAssertTrue(try get(port, "/").text.contains("home-page-marker"))

        let redirect = try get(port, "/years")
        XCTAssertEqual(redirect.status, 301)
        XCTAssertEqual(redirect[header: "Location"], "/years/")
        XCTAssertEqual(try get(port, "/years?page=2")[header: "Location"], "/years/?page=2", "the query is kept")
        // A folder without index.html is not found (no listing).
        XCTAssertEqual(try get(port, "/reports/").status, 404)
        // Anything but GET and HEAD.
        let post = try RawHTTP.request(port: port, "POST", "/index.html", headers: ["Content-Length": "0"])
        XCTAssertEqual(post.status, 405)
        XCTAssertEqual(post[header: "Allow"], "GET, HEAD")
    }

    func testMissingPathGetsTheSitesOwn404Page() throws {
        let port = try startServer()
        let missing = try get(port, "/no/such/page.html")
        XCTAssertEqual(missing.status, 404)
        XCTAssertEqual(missing[header: "Content-Type"], "text/html; charset=utf-8")
        XCTAssertTrue(missing.text.contains("custom-404-marker"), missing.text)
        XCTAssertTrue(missing.text.contains("/__livereload"), "the 404 page reloads too")
        XCTAssertEqual(missing[header: "Content-Length"], String(missing.body.count))

        try FileManager.default.removeItem(at: site.appendingPathComponent("404.html"))
        let plain = try get(port, "/no/such/page.html")
        XCTAssertEqual(plain.status, 404)
        XCTAssertEqual(plain[header: "Content-Type"], "text/plain; charset=utf-8")
        XCTAssertTrue(plain.text.contains("Not Found"), plain.text)
    }

    func testConditionalRequestsRevalidateUntilTheFileChanges() throws {
        let port = try startServer()
        let first = try get(port, "/style.css")
        let etag = try XCTUnwrap(first[header: "ETag"])
        let lastModified = try XCTUnwrap(first[header: "Last-Modified"])
        XCTAssertTrue(etag.hasPrefix("\"") && etag.hasSuffix("\""), "a strong, quoted ETag: \(etag)")
        XCTAssertNotNil(HTTPDate.parse(lastModified), lastModified)

        for _ in 0..<3 {
            let again = try get(port, "/style.css", headers: ["If-None-Match": etag])
            XCTAssertEqual(again.status, 304)
            XCTAssertEqual(again.body, [], "304 has no body")
            XCTAssertEqual(again[header: "ETag"], etag)
        }
        XCTAssertEqual(try get(port, "/style.css", headers: ["If-None-Match": "\"other\", \(etag)"]).status, 304)
        XCTAssertEqual(try get(port, "/style.css", headers: ["If-None-Match": "W/\(etag)"]).status, 304)
        XCTAssertEqual(try get(port, "/style.css", headers: ["If-None-Match": "\"other\""]).status, 200)
        XCTAssertEqual(try get(port, "/style.css", headers: ["If-Modified-Since": lastModified]).status, 304)
        XCTAssertEqual(try get(port, "/style.css", headers: ["If-Modified-Since": "Thu, 01 Jan 1970 00:00:00 GMT"]).status, 200)

        // HTML: the ETag covers the bytes served, script included.
        let home = try get(port, "/")
        let homeTag = try XCTUnwrap(home[header: "ETag"])
        XCTAssertEqual(homeTag, ETag.strong(for: home.body))
        XCTAssertEqual(try get(port, "/", headers: ["If-None-Match": homeTag]).status, 304)

        // The file changes (same size, so only the content tells): 200, new bytes, new ETag.
        try write("body { color: #333; }\n", to: "style.css")
        let changed = try get(port, "/style.css", headers: ["If-None-Match": etag])
        XCTAssertEqual(changed.status, 200)
        XCTAssertEqual(changed.text, "body { color: #333; }\n")
        XCTAssertNotEqual(changed[header: "ETag"], etag)
        XCTAssertEqual(try get(port, "/style.css", headers: ["If-None-Match": try XCTUnwrap(changed[header: "ETag"])]).status, 304)
    }

    func testARebuiltFolderSwappedInIsServedAtOnce() throws {
        let port = try startServer()
        XCTAssertTrue(try get(port, "/").text.contains("home-page-marker"))
        // What a rebuild does: write a new folder beside the old one and rename it into place.
        let fm = FileManager.default
        let staging = root.appendingPathComponent("site.staging")
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        try Data("<html><body>rebuilt-marker</body></html>".utf8).write(to: staging.appendingPathComponent("index.html"))
        try fm.moveItem(at: site, to: root.appendingPathComponent("site.old"))
        try fm.moveItem(at: staging, to: site)
        let after = try get(port, "/")
        XCTAssertEqual(after.status, 200)
        XCTAssertTrue(after.text.contains("rebuilt-marker"), after.text)
        XCTAssertEqual(try get(port, "/style.css").status, 404, "files of the old folder are gone")

        // No site at all (never built): 503 and a page that reloads when it is.
        try fm.moveItem(at: site, to: root.appendingPathComponent("site.gone"))
        let missing = try get(port, "/")
        XCTAssertEqual(missing.status, 503)
        XCTAssertTrue(missing.text.contains("/__livereload"))
    }

    // MARK: Confinement

    func testPathsLeavingTheSiteAreRefused() throws {
        let port = try startServer()
        let probes = [
            "/../secret.txt",
            "/%2e%2e/secret.txt",
            "/%2E%2E/secret.txt",
            "/..%2fsecret.txt",
            "/..%2Fsecret.txt",
            "/%2e%2e%2fsecret.txt",
            "/reports/../../secret.txt",
            "/reports/%2e%2e/%2e%2e/secret.txt",
            "/reports/..%2f..%2fsecret.txt",
            "/./../secret.txt",
            "/..\\secret.txt",
            "/%5c..%5csecret.txt",
            "/..%5csecret.txt",
            "/%00/../secret.txt",
            "/index.html%00.txt",
            "/%zz",
            "../secret.txt",
            "//../secret.txt",
            "/outside/secret.txt",
            "/leak.txt",
        ]
        for probe in probes {
            let response = try get(port, probe)
            XCTAssertNotEqual(response.status, 200, probe)
            XCTAssertTrue((400..<500).contains(response.status), "\(probe) → \(response.status)")
            XCTAssertFalse(response.text.contains(secret), "\(probe) leaked the secret")
        }
        XCTAssertEqual(try get(port, "/../secret.txt").status, 403)
        XCTAssertEqual(try get(port, "/%2e%2e/secret.txt").status, 403)
        XCTAssertEqual(try get(port, "/%zz").status, 400)
        // The server is still fine afterwards.
        XCTAssertEqual(try get(port, "/style.css").status, 200)
    }

    func testSymlinksOutOfTheSiteAreRefusedAndThoseInsideWork() throws {
        let port = try startServer()
        let leak = try get(port, "/leak.txt")
        XCTAssertTrue([403, 404].contains(leak.status), "symlink to a file outside → \(leak.status)")
        XCTAssertFalse(leak.text.contains(secret))
        let folder = try get(port, "/outside/secret.txt")
        XCTAssertTrue([403, 404].contains(folder.status), "symlink to a folder outside → \(folder.status)")
        XCTAssertFalse(folder.text.contains(secret))
        XCTAssertTrue([403, 404].contains(try get(port, "/outside").status), "no redirect into a folder outside")
        XCTAssertTrue([403, 404].contains(try get(port, "/outside/").status))
        XCTAssertTrue([403, 404].contains(try RawHTTP.request(port: port, "HEAD", "/leak.txt").status))

        let inside = try get(port, "/same.css")
        XCTAssertEqual(inside.status, 200, "a symlink that stays inside the site is served")
        XCTAssertEqual(inside.text, "body { color: #222; }\n")

        // The site folder itself may be a symlink (public → a build folder).
        let linked = root.appendingPathComponent("linked-site")
        try FileManager.default.createSymbolicLink(atPath: linked.path, withDestinationPath: site.path)
        let broadcaster = ReloadBroadcaster()
        let server = PreviewServer(site: linked, port: 0, broadcaster: broadcaster)
        let ready = Locked<Int?>(nil)
        servers.append(Task { try await server.run { ready.value = $0 } })
        let deadline = Date().addingTimeInterval(10)
        while ready.value == nil, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        let linkedPort = try XCTUnwrap(ready.value)
        XCTAssertEqual(try get(linkedPort, "/style.css").status, 200)
        XCTAssertNotEqual(try get(linkedPort, "/leak.txt").status, 200)
    }

    // MARK: Binding

    func testASecondServerOnTheSamePortFailsWithAClearBindError() throws {
        let port = try startServer()
        XCTAssertThrowsError(try startServer(port: port)) { error in
            guard let bindError = error as? PreviewServer.BindError else {
                return XCTFail("expected PreviewServer.BindError, got \(type(of: error)): \(error)")
            }
            XCTAssertEqual(bindError.port, port)
            XCTAssertEqual(
                bindError.description,
                "cannot listen on 127.0.0.1:\(port): address already in use (another server running? try --port \(port + 1))"
            )
        }
        // The first one keeps serving.
        XCTAssertEqual(try get(port, "/").status, 200)
    }

    func testBindErrorDescriptions() {
        XCTAssertEqual(
            PreviewServer.BindError(host: "127.0.0.1", port: 8080, reason: "address already in use", hint: "another server running? try --port 8081").description,
            "cannot listen on 127.0.0.1:8080: address already in use (another server running? try --port 8081)"
        )
        XCTAssertEqual(PreviewServer.BindError(host: "::1", port: 80, reason: "permission denied", hint: nil).description,
                       "cannot listen on ::1:80: permission denied")
    }

    // MARK: Live reload

    /// Opens `/__livereload` and waits for the opening comment, so the subscription is in place.
    func openEvents(port: Int) throws -> RawConnection {
        let connection = try RawConnection(port: port)
        try connection.send("GET /__livereload HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n")
        XCTAssertTrue(connection.waitFor(": connected", timeout: 5), "no opening comment: \(connection.receivedText)")
        let head = connection.receivedText.components(separatedBy: "\r\n\r\n")[0].lowercased()
        XCTAssertTrue(head.hasPrefix("http/1.1 200"), head)
        XCTAssertTrue(head.contains("content-type: text/event-stream"), head)
        XCTAssertTrue(head.contains("cache-control: no-cache"), head)
        return connection
    }

    func waitUntil(timeout: TimeInterval, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return condition()
    }

    func testLiveReloadStreamDeliversEveryEvent() throws {
        let broadcaster = ReloadBroadcaster()
        let port = try startServer(broadcaster: broadcaster)
        let events = try openEvents(port: port)
        XCTAssertTrue(waitUntil(timeout: 2) { broadcaster.subscriberCount == 1 })

        let sent = Date()
        broadcaster.send(.reload)
        XCTAssertTrue(events.waitFor("event: reload\ndata: reload\n\n", timeout: 2), events.bodyText)
        XCTAssertLessThan(Date().timeIntervalSince(sent), 2)

        broadcaster.send(.buildFailed("templates/home.mustache:3: unclosed section 'oops'\n  {{#oops}} unclosed"))
        XCTAssertTrue(
            events.waitFor("event: build-failed\ndata: templates/home.mustache:3: unclosed section 'oops'\ndata:   {{#oops}} unclosed\n\n", timeout: 2),
            events.bodyText
        )
        broadcaster.send(.buildSucceeded)
        XCTAssertTrue(events.waitFor("event: build-ok\n", timeout: 2), events.bodyText)

        // A second page gets the same events.
        let other = try openEvents(port: port)
        XCTAssertTrue(waitUntil(timeout: 2) { broadcaster.subscriberCount == 2 })
        broadcaster.send(.reload)
        XCTAssertTrue(other.waitFor("event: reload", timeout: 2), other.bodyText)

        // Closing the page ends its subscription.
        other.disconnect()
        XCTAssertTrue(waitUntil(timeout: 5) { broadcaster.subscriberCount == 1 }, "subscribers: \(broadcaster.subscriberCount)")
        broadcaster.send(.reload)
        XCTAssertTrue(events.waitFor("event: reload\ndata: reload\n\nevent: reload", timeout: 2), "the first page still listens")
        events.disconnect()
        XCTAssertTrue(waitUntil(timeout: 5) { broadcaster.subscriberCount == 0 }, "subscribers: \(broadcaster.subscriberCount)")
    }

    func testAPageOpenedWhileTheBuildIsBrokenShowsTheFailure() throws {
        let broadcaster = ReloadBroadcaster()
        let port = try startServer(broadcaster: broadcaster)
        broadcaster.send(.buildFailed("boom"))
        let events = try openEvents(port: port)
        XCTAssertTrue(events.waitFor("event: build-failed\ndata: boom\n\n", timeout: 2), events.bodyText)
        broadcaster.send(.reload)
        XCTAssertTrue(events.waitFor("event: reload", timeout: 2))
        let later = try openEvents(port: port)
        later.read(timeout: 0.3)
        XCTAssertFalse(later.bodyText.contains("build-failed"), "fixed by the reload: \(later.bodyText)")
    }

    func testLiveReloadStreamSendsHeartbeats() throws {
        let port = try startServer(heartbeat: .milliseconds(100))
        let events = try openEvents(port: port)
        XCTAssertTrue(events.waitFor(": heartbeat\n\n", timeout: 2), events.bodyText)
        XCTAssertEqual(PreviewServer(site: site, broadcaster: ReloadBroadcaster()).heartbeatInterval, .seconds(15))
    }

    func testStoppingTheServerEndsOpenEventStreams() throws {
        let broadcaster = ReloadBroadcaster()
        let port = try startServer(broadcaster: broadcaster)
        let events = try openEvents(port: port)
        XCTAssertTrue(waitUntil(timeout: 2) { broadcaster.subscriberCount == 1 })
        for task in servers { task.cancel() }
        events.read(timeout: 5)
        XCTAssertTrue(events.closedByPeer, "the stream stays open after the server stopped")
        XCTAssertTrue(waitUntil(timeout: 2) { broadcaster.subscriberCount == 0 })
    }

    // MARK: Logging

    func testOneDebugLinePerRequestAndNothingAtTheDefaultLevel() throws {
        let records = Locked<[(Logger.Level, String)]>([])
        var verbose = Logger(label: "test") { _ in CapturingLogHandler(records: records) }
        verbose.logLevel = .debug
        let port = try startServer(logger: verbose)
        _ = try get(port, "/style.css")
        _ = try get(port, "/no/such/page.html")
        let lines = records.value.filter { $0.1.hasPrefix("GET ") }
        XCTAssertEqual(lines.map(\.1), ["GET /style.css 200", "GET /no/such/page.html 404"])
        XCTAssertTrue(lines.allSatisfy { $0.0 == .debug })

        // At the default level a whole session, stop included, logs nothing.
        let quiet = Locked<[(Logger.Level, String)]>([])
        var normal = Logger(label: "test") { _ in CapturingLogHandler(records: quiet) }
        normal.logLevel = PreviewServer(site: site, broadcaster: ReloadBroadcaster()).logger.logLevel
        let quietPort = try startServer(logger: normal)
        _ = try get(quietPort, "/")
        _ = try get(quietPort, "/../secret.txt")
        _ = try openEvents(port: quietPort)
        for task in servers { task.cancel() }
        for task in servers {
            let finished = DispatchSemaphore(value: 0)
            Task {
                _ = await task.result
                finished.signal()
            }
            _ = finished.wait(timeout: .now() + 10)
        }
        XCTAssertEqual(quiet.value.map(\.1), [])
    }
}

struct CapturingLogHandler: LogHandler {
    let records: Locked<[(Logger.Level, String)]>
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        records.mutate { $0.append((event.level, event.message.description)) }
    }
}
