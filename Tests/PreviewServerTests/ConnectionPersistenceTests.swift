import Foundation
import XCTest

/// Which connections outlive their response (RFC 9112 §9.3): HTTP/1.1 ones unless the client says
/// `Connection: close`, HTTP/1.0 ones only when it says `Connection: keep-alive`.
extension PreviewServerTests {
    /// Reads until the responses received hold `count` complete bodies (by Content-Length), or `timeout` passes.
    func readResponses(_ count: Int, on connection: RawConnection, timeout: TimeInterval = 5) -> [RawResponse] {
        connection.read(timeout: timeout) { Self.splitResponses($0).count >= count }
        return Self.splitResponses(connection.received)
    }

    static func splitResponses(_ bytes: [UInt8]) -> [RawResponse] {
        var responses: [RawResponse] = []
        var rest = bytes[...]
        while let end = rest.firstRange(of: Array("\r\n\r\n".utf8)),
              let head = try? RawHTTP.parse(Array(rest[..<end.upperBound]), context: "response"),
              let length = head[header: "content-length"].flatMap(Int.init),
              rest.endIndex - end.upperBound >= length {
            responses.append(RawResponse(status: head.status, headers: head.headers, body: Array(rest[end.upperBound..<(end.upperBound + length)])))
            rest = rest[(end.upperBound + length)...]
        }
        return responses
    }

    /// Sends `request`, reads its response, then checks whether the server closes within 2 s.
    func closesAfterOneResponse(_ request: String, port: Int, file: StaticString = #filePath, line: UInt = #line) throws -> (RawResponse?, closed: Bool) {
        let connection = try RawConnection(port: port)
        try connection.send(request)
        let response = readResponses(1, on: connection).first
        XCTAssertEqual(response?.status, 200, "no complete response to \(request.debugDescription): \(connection.receivedText)", file: file, line: line)
        connection.read(timeout: 2)
        return (response, connection.closedByPeer)
    }

    func testHTTP10WithoutKeepAliveIsClosedAfterTheResponse() throws {
        let port = try startServer()
        let (response, closed) = try closesAfterOneResponse("GET / HTTP/1.0\r\n\r\n", port: port)
        XCTAssertTrue(closed, "the server kept an HTTP/1.0 connection open")
        XCTAssertEqual(response?[header: "connection"], "close")
        XCTAssertTrue(response?.text.contains("home-page-marker") ?? false)
    }

    func testHTTP11WithConnectionCloseIsClosedAfterTheResponse() throws {
        let port = try startServer()
        for value in ["close", "Close", "keep-alive, close"] {
            let (response, closed) = try closesAfterOneResponse("GET /style.css HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: \(value)\r\n\r\n", port: port)
            XCTAssertTrue(closed, "Connection: \(value) left the connection open")
            XCTAssertEqual(response?[header: "connection"], "close", value)
        }
    }

    func testKeptAliveConnectionsServeASecondRequest() throws {
        let port = try startServer()
        let cases = [
            ("HTTP/1.0", "Connection: keep-alive\r\n", "keep-alive"),
            ("HTTP/1.1", "Host: 127.0.0.1\r\n", nil),
        ]
        for (version, headers, connectionHeader) in cases {
            let connection = try RawConnection(port: port)
            try connection.send("GET / \(version)\r\n\(headers)\r\n")
            let first = readResponses(1, on: connection)
            XCTAssertEqual(first.count, 1, "\(version): \(connection.receivedText)")
            XCTAssertEqual(first.first?[header: "connection"], connectionHeader, version)
            connection.read(timeout: 0.5)
            XCTAssertFalse(connection.closedByPeer, "\(version) with \(headers.debugDescription) was closed after one response")

            try connection.send("GET /style.css \(version)\r\n\(headers)\r\n")
            let both = readResponses(2, on: connection)
            XCTAssertEqual(both.count, 2, "\(version): no second response: \(connection.receivedText)")
            XCTAssertEqual(both.last?.text, "body { color: #222; }\n", version)
            XCTAssertFalse(connection.closedByPeer, version)
        }
    }
}
