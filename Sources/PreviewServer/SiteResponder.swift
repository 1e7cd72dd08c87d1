import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// Answers every request: the live-reload stream, or a file of the site.
struct SiteResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let files: SiteFiles
    let broadcaster: ReloadBroadcaster
    let heartbeatInterval: Duration
    let logger: Logger

    func respond(to request: Request, context: Context) async throws -> Response {
        let target = request.head.path ?? "/"
        let response = route(request, target: target)
        logger.debug("\(request.method) \(target) \(response.status.code)")
        return response
    }

    private func route(_ request: Request, target: String) -> Response {
        guard request.method == .get || request.method == .head else {
            var response = plain(.methodNotAllowed, "405 Method Not Allowed\n", for: request)
            response.headers[.allow] = "GET, HEAD"
            return response
        }
        let path: RequestPath
        switch RequestPath.parse(target) {
        case .success(let parsed): path = parsed
        case .failure(.traversal): return plain(.forbidden, "403 Forbidden: the path leaves the site.\n", for: request)
        case .failure(.malformed): return plain(.badRequest, "400 Bad Request: malformed path.\n", for: request)
        }
        if path.segments == [String(LiveReload.path.dropFirst())] {
            return events(for: request)
        }

        switch files.lookup(path) {
        case .file(let file):
            return fileResponse(file, for: request)
        case .folder:
            var response = Response(status: .movedPermanently)
            response.headers[.location] = path.folderURLPath + (path.query.map { "?" + $0 } ?? "")
            response.headers[.cacheControl] = "no-cache"
            return response
        case .forbidden:
            return plain(.forbidden, "403 Forbidden\n", for: request)
        case .notFound:
            return notFound(request, target: target)
        case .siteMissing:
            var response = page(
                .serviceUnavailable,
                "<!doctype html><meta charset=\"utf-8\"><title>Building…</title><p>The site is not built yet; this page reloads when it is.</p>",
                for: request
            )
            response.headers[.retryAfter] = "1"
            return response
        }
    }

    // MARK: Files

    private func fileResponse(_ file: SiteFiles.File, for request: Request) -> Response {
        let contentType = ContentType.forFile(named: file.name)
        let body = ContentType.isHTML(contentType) ? LiveReload.inject(into: file.bytes) : file.bytes
        let etag = ETag.strong(for: body)
        let lastModified = HTTPDate.format(secondsSince1970: file.modified)

        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.eTag] = etag
        headers[.lastModified] = lastModified
        headers[.cacheControl] = "no-cache"
        headers[.xContentTypeOptions] = "nosniff"
        headers[.contentLength] = String(body.count)

        if notModified(request, etag: etag, modified: file.modified) {
            headers[.contentType] = nil
            return Response(status: .notModified, headers: headers, body: ResponseBody())
        }
        if request.method == .head { return Response(status: .ok, headers: headers, body: ResponseBody()) }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// `If-None-Match` wins over `If-Modified-Since` when both are present (RFC 9110 §13.2.2).
    private func notModified(_ request: Request, etag: String, modified: Int) -> Bool {
        let matches = request.headers[values: .ifNoneMatch]
        if !matches.isEmpty {
            return matches
                .flatMap { $0.split(separator: ",") }
                .map { $0.trimmingSpaces() }
                .contains { $0 == "*" || ETag.weaklyEqual($0, etag) }
        }
        if let since = request.headers[.ifModifiedSince].flatMap(HTTPDate.parse) {
            return modified <= since
        }
        return false
    }

    /// The site's own 404.html (with the live-reload script), or plain text when the site has none.
    private func notFound(_ request: Request, target: String) -> Response {
        if case .file(let page) = files.lookup(RequestPath(segments: ["404.html"], trailingSlash: false)) {
            let body = LiveReload.inject(into: page.bytes)
            var headers = HTTPFields()
            headers[.contentType] = ContentType.html
            headers[.cacheControl] = "no-cache"
            headers[.contentLength] = String(body.count)
            let responseBody = request.method == .head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: body))
            return Response(status: .notFound, headers: headers, body: responseBody)
        }
        return plain(.notFound, "404 Not Found: \(target)\n", for: request)
    }

    private func plain(_ status: HTTPResponse.Status, _ text: String, for request: Request) -> Response {
        respond(status, Array(text.utf8), type: ContentType.plainText, for: request)
    }

    private func page(_ status: HTTPResponse.Status, _ html: String, for request: Request) -> Response {
        respond(status, LiveReload.inject(into: Array(html.utf8)), type: ContentType.html, for: request)
    }

    private func respond(_ status: HTTPResponse.Status, _ body: [UInt8], type: String, for request: Request) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = "no-cache"
        headers[.contentLength] = String(body.count)
        let responseBody = request.method == .head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: body))
        return Response(status: status, headers: headers, body: responseBody)
    }

    // MARK: Live reload

    /// `text/event-stream`: an opening comment, then one event per `ReloadEvent` and a heartbeat comment every
    /// `heartbeatInterval`, until the browser goes away (or the server stops).
    private func events(for request: Request) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream"
        headers[.cacheControl] = "no-cache"
        headers[HTTPField.Name("X-Accel-Buffering")!] = "no"
        if request.method == .head { return Response(status: .ok, headers: headers, body: ResponseBody()) }

        let broadcaster = self.broadcaster
        let heartbeatInterval = self.heartbeatInterval
        let body = ResponseBody { writer in
            do {
                // Cancelled as soon as the browser closes the connection, which ends the subscription.
                try await request.body.consumeWithCancellationOnInboundClose { _ in
                    let (messages, sink) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(256))
                    let events = broadcaster.subscribe(replayingFailure: true)
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        group.addTask {
                            for await event in events { sink.yield(LiveReload.encode(event)) }
                            sink.finish()
                        }
                        group.addTask {
                            while true {
                                try await Task.sleep(for: heartbeatInterval)
                                sink.yield(LiveReload.heartbeat)
                            }
                        }
                        defer { group.cancelAll() }
                        try await writer.write(ByteBuffer(string: LiveReload.opening))
                        for await message in messages {
                            try await writer.write(ByteBuffer(string: message))
                        }
                    }
                }
            } catch is CancellationError {
                // The browser left, or the server is stopping.
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: headers, body: body)
    }
}

enum ETag {
    /// A strong validator from the served bytes (FNV-1a 64 and the length): identical bytes keep their ETag across
    /// rebuilds, so unchanged pages still revalidate with 304 after the folder is swapped.
    static func strong(for bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        bytes.withUnsafeBufferPointer { buffer in
            for byte in buffer {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01b3
            }
        }
        return "\"\(String(hash, radix: 16))-\(String(bytes.count, radix: 16))\""
    }

    /// The weak comparison `If-None-Match` uses: a `W/` prefix on either side is ignored.
    static func weaklyEqual(_ a: Substring, _ b: String) -> Bool {
        func opaque<S: StringProtocol>(_ tag: S) -> Substring {
            let tag = Substring(tag)
            return tag.hasPrefix("W/") ? tag.dropFirst(2) : tag
        }
        return opaque(a) == opaque(b)
    }
}

extension Substring {
    func trimmingSpaces() -> Substring {
        var result = self
        while let first = result.first, first == " " || first == "\t" { result.removeFirst() }
        while let last = result.last, last == " " || last == "\t" { result.removeLast() }
        return result
    }
}
