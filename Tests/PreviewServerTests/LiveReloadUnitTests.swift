import XCTest

@testable import PreviewServer

final class LiveReloadUnitTests: XCTestCase {
    func testEventsInTheEventStreamFormat() {
        XCTAssertEqual(LiveReload.encode(.reload), "event: reload\ndata: reload\n\n")
        XCTAssertEqual(LiveReload.encode(.buildSucceeded), "event: build-ok\ndata: ok\n\n")
        XCTAssertEqual(LiveReload.encode(.buildFailed("one")), "event: build-failed\ndata: one\n\n")
        XCTAssertEqual(
            LiveReload.encode(.buildFailed("error: a\r\n  detail\rlast\n\n")),
            "event: build-failed\ndata: error: a\ndata:   detail\ndata: last\n\n",
            "every line its own data: field; CR/CRLF are line breaks; trailing blank lines dropped"
        )
        XCTAssertEqual(LiveReload.encode(.buildFailed("a\n\nb")), "event: build-failed\ndata: a\ndata: \ndata: b\n\n")
        XCTAssertEqual(LiveReload.encode(.buildFailed("")), "event: build-failed\ndata: build failed\n\n", "an event without data is never dispatched")
    }

    func testInjectionGoesBeforeTheLastBodyEndTag() {
        func inject(_ html: String) -> String { String(decoding: LiveReload.inject(into: Array(html.utf8)), as: UTF8.self) }
        XCTAssertEqual(inject("<body>x</body></html>"), "<body>x" + LiveReload.script + "</body></html>")
        XCTAssertEqual(inject("<BODY>x</Body >"), "<BODY>x" + LiveReload.script + "</Body >")
        XCTAssertEqual(inject("<pre>&lt;/body></pre></body>"), "<pre>&lt;/body></pre>" + LiveReload.script + "</body>")
        XCTAssertEqual(inject("no body"), "no body" + LiveReload.script)
        XCTAssertEqual(inject(""), LiveReload.script)
        XCTAssertTrue(LiveReload.script.contains("new EventSource('/__livereload')"))
        XCTAssertTrue(LiveReload.script.contains("textContent = event.data"), "the message is never parsed as HTML")
        XCTAssertFalse(LiveReload.script.contains("innerHTML"))
    }

    func testRequestPaths() {
        XCTAssertEqual(try RequestPath.parse("/").get(), RequestPath(segments: [], trailingSlash: true, query: nil))
        XCTAssertEqual(try RequestPath.parse("/years").get(), RequestPath(segments: ["years"], trailingSlash: false, query: nil))
        XCTAssertEqual(try RequestPath.parse("/years/?page=2#top").get(), RequestPath(segments: ["years"], trailingSlash: true, query: "page=2"))
        XCTAssertEqual(try RequestPath.parse("/a//b%20c/%E6%8A%A5.html").get().segments, ["a", "b c", "报.html"])
        XCTAssertEqual(try RequestPath.parse("/a%2Fb").get().segments, ["a", "b"], "an encoded slash is a separator, never part of a name")
        for traversal in ["/..", "/../x", "/%2e%2e/x", "/%2E%2E/x", "/..%2fx", "/a/%2e%2e%2f%2e%2e%2fx", "/./x", "/a\\..\\x", "/%5cx"] {
            XCTAssertEqual(RequestPath.parse(traversal), .failure(.traversal), traversal)
        }
        for malformed in ["", "x", "../x", "*", "http://example.org/", "/%", "/%2", "/%zz", "/%00", "/a%00.html", "/%ff%fe"] {
            XCTAssertEqual(RequestPath.parse(malformed), .failure(.malformed), malformed)
        }
        XCTAssertEqual(RequestPath(segments: ["years"], trailingSlash: false).folderURLPath, "/years/")
        XCTAssertEqual(RequestPath(segments: ["报告", "a b"], trailingSlash: false).folderURLPath, "/%E6%8A%A5%E5%91%8A/a%20b/")
    }

    func testContentTypes() {
        XCTAssertEqual(ContentType.forFile(named: "index.HTML"), "text/html; charset=utf-8")
        XCTAssertEqual(ContentType.forFile(named: "0.bin"), "application/octet-stream")
        XCTAssertEqual(ContentType.forFile(named: "search.js"), "text/javascript; charset=utf-8")
        XCTAssertEqual(ContentType.forFile(named: "Makefile"), "application/octet-stream")
        XCTAssertEqual(ContentType.forFile(named: ".hidden"), "application/octet-stream")
    }

    func testHTTPDates() {
        XCTAssertEqual(HTTPDate.format(secondsSince1970: 784_111_777), "Sun, 06 Nov 1994 08:49:37 GMT")
        XCTAssertEqual(HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 GMT"), 784_111_777)
        XCTAssertEqual(HTTPDate.parse(HTTPDate.format(secondsSince1970: 1_763_900_000)), 1_763_900_000)
        XCTAssertNil(HTTPDate.parse("Sunday, 06-Nov-94 08:49:37 GMT"))
        XCTAssertNil(HTTPDate.parse("yesterday"))
    }

    func testETags() {
        XCTAssertEqual(ETag.strong(for: Array("a".utf8)), ETag.strong(for: Array("a".utf8)))
        XCTAssertNotEqual(ETag.strong(for: Array("a".utf8)), ETag.strong(for: Array("b".utf8)))
        XCTAssertTrue(ETag.weaklyEqual("W/\"x\"", "\"x\""))
        XCTAssertFalse(ETag.weaklyEqual("\"y\"", "\"x\""))
    }
}

final class ReloadBroadcasterTests: XCTestCase {
    func testEveryEventReachesEverySubscriberAndEndedStreamsUnsubscribe() async throws {
        let broadcaster = ReloadBroadcaster()
        XCTAssertEqual(broadcaster.subscriberCount, 0)
        let first = broadcaster.subscribe()
        let second = broadcaster.subscribe()
        XCTAssertEqual(broadcaster.subscriberCount, 2)

        broadcaster.send(.reload)
        broadcaster.send(.buildFailed("x"))
        broadcaster.send(.buildSucceeded)
        for stream in [first, second] {
            var iterator = stream.makeAsyncIterator()
            let received = [await iterator.next(), await iterator.next(), await iterator.next()]
            XCTAssertEqual(received, [.reload, .buildFailed("x"), .buildSucceeded])
        }

        // A consumer whose task is cancelled goes away.
        let third = broadcaster.subscribe()
        let consumer = Task { for await _ in third {} }
        XCTAssertEqual(broadcaster.subscriberCount, 3)
        consumer.cancel()
        _ = await consumer.value
        XCTAssertEqual(broadcaster.subscriberCount, 2)

        // A stream that is simply dropped goes away too.
        do { _ = broadcaster.subscribe() }
        XCTAssertEqual(broadcaster.subscriberCount, 2)
        withExtendedLifetime((first, second)) {}
    }

    func testTheLatestFailureIsRemembered() async {
        let broadcaster = ReloadBroadcaster()
        XCTAssertNil(broadcaster.lastFailure)
        broadcaster.send(.buildFailed("broken"))
        XCTAssertEqual(broadcaster.lastFailure, "broken")
        var replay = broadcaster.subscribe(replayingFailure: true).makeAsyncIterator()
        let replayed = await replay.next()
        XCTAssertEqual(replayed, .buildFailed("broken"))
        broadcaster.send(.reload)
        XCTAssertNil(broadcaster.lastFailure)
        broadcaster.send(.buildFailed("again"))
        broadcaster.send(.buildSucceeded)
        XCTAssertNil(broadcaster.lastFailure)
    }
}
