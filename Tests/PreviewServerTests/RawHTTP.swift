import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
private let streamSocket = Int32(SOCK_STREAM.rawValue)
private let noSignal = Int32(MSG_NOSIGNAL)
#elseif canImport(Darwin)
import Darwin
private let streamSocket = SOCK_STREAM
private let noSignal: Int32 = 0
#endif

/// A plain TCP connection to 127.0.0.1. Requests are written byte for byte as given, so paths such as
/// `/../secret.txt` reach the server unnormalised (URLSession would clean them up first).
final class RawConnection {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let fd: Int32
    private(set) var received: [UInt8] = []
    private(set) var closedByPeer = false

    init(port: Int) throws {
        fd = socket(AF_INET, streamSocket, 0)
        guard fd >= 0 else { throw Failure(description: "socket: \(String(cString: strerror(errno)))") }
        // Short receive timeout: reads poll, and every wait below has its own deadline.
        var timeout = timeval(tv_sec: 0, tv_usec: 50_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            let message = String(cString: strerror(errno))
            close(fd)
            throw Failure(description: "connect to 127.0.0.1:\(port): \(message)")
        }
    }

    private var isOpen = true

    deinit { disconnect() }

    /// Closes the socket, as a browser does when the page goes away.
    func disconnect() {
        guard isOpen else { return }
        isOpen = false
        close(fd)
    }

    func send(_ text: String) throws {
        var bytes = Array(text.utf8)
        while !bytes.isEmpty {
            let sent = bytes.withUnsafeBytes { Foundation.send(fd, $0.baseAddress, $0.count, noSignal) }
            guard sent > 0 else { throw Failure(description: "send: \(String(cString: strerror(errno)))") }
            bytes.removeFirst(sent)
        }
    }

    /// Reads until `done` holds for what has arrived, the peer closes, or `timeout` passes.
    @discardableResult
    func read(timeout: TimeInterval, until done: ([UInt8]) -> Bool = { _ in false }) -> [UInt8] {
        let deadline = Date().addingTimeInterval(timeout)
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while !closedByPeer, !done(received), Date() < deadline {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                received.append(contentsOf: chunk[0..<count])
            } else if count == 0 {
                closedByPeer = true
            } else if errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR {
                closedByPeer = true
            }
        }
        return received
    }

    /// Reads until `text` has arrived in the response body (or `timeout` passes); returns whether it did.
    func waitFor(_ text: String, timeout: TimeInterval) -> Bool {
        let needle = Array(text.utf8)
        read(timeout: timeout) { Self.body(of: $0).firstRange(of: needle) != nil }
        return Self.body(of: received).firstRange(of: needle) != nil
    }

    /// Everything received, head and chunk framing included.
    var receivedText: String { String(decoding: received, as: UTF8.self) }
    /// The body received so far, with chunked framing removed.
    var bodyText: String { String(decoding: Self.body(of: received), as: UTF8.self) }

    private static func body(of bytes: [UInt8]) -> [UInt8] {
        guard let end = bytes.firstRange(of: Array("\r\n\r\n".utf8)) else { return [] }
        let head = String(decoding: bytes[..<end.lowerBound], as: UTF8.self).lowercased()
        let body = Array(bytes[end.upperBound...])
        return head.contains("transfer-encoding: chunked") ? RawHTTP.dechunk(body) : body
    }
}

/// One parsed HTTP/1.1 response.
struct RawResponse {
    var status: Int
    /// Header names lowercased.
    var headers: [String: String]
    var body: [UInt8]
    var text: String { String(decoding: body, as: UTF8.self) }

    subscript(header name: String) -> String? { headers[name.lowercased()] }
}

enum RawHTTP {
    /// Sends one request with `Connection: close` and reads the whole response (the server closes after it).
    static func request(
        port: Int, _ method: String = "GET", _ target: String, headers: [String: String] = [:],
        file: StaticString = #filePath, line: UInt = #line
    ) throws -> RawResponse {
        let connection = try RawConnection(port: port)
        var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        try connection.send(head + "\r\n")
        let bytes = connection.read(timeout: 5)
        guard connection.closedByPeer else {
            throw RawConnection.Failure(description: "\(method) \(target): the server did not finish the response within 5 s")
        }
        return try parse(bytes, context: "\(method) \(target)")
    }

    static func parse(_ bytes: [UInt8], context: String) throws -> RawResponse {
        guard let end = bytes.firstRange(of: Array("\r\n\r\n".utf8)) else {
            throw RawConnection.Failure(description: "\(context): no complete response head in \(String(decoding: bytes, as: UTF8.self).debugDescription)")
        }
        let head = String(decoding: bytes[..<end.lowerBound], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, statusLine[0].hasPrefix("HTTP/1."), let status = Int(statusLine[1]) else {
            throw RawConnection.Failure(description: "\(context): bad status line in \(head.debugDescription)")
        }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Array(bytes[end.upperBound...])
        if headers["transfer-encoding"]?.lowercased() == "chunked" { body = dechunk(body) }
        return RawResponse(status: status, headers: headers, body: body)
    }

    static func dechunk(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var rest = bytes[...]
        while let lineEnd = rest.firstRange(of: Array("\r\n".utf8)) {
            let sizeText = String(decoding: rest[..<lineEnd.lowerBound], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16), size > 0 else { break }
            let start = lineEnd.upperBound
            guard rest.endIndex - start >= size else { break }
            out += rest[start..<(start + size)]
            rest = rest[(start + size)...].dropFirst(2)
        }
        return out
    }
}
