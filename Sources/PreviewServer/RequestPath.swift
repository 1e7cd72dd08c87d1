/// A request target, decoded and checked before it comes anywhere near the file system.
struct RequestPath: Equatable {
    /// The decoded path segments, without empty ones (`/a//b/` → `["a", "b"]`).
    var segments: [String]
    /// Whether the path ends in `/` (a folder was asked for).
    var trailingSlash: Bool
    /// The raw query, without the `?`, if there was one.
    var query: String?

    enum Rejection: Error, Equatable {
        /// Not an origin-form path, a bad `%` escape, invalid UTF-8, NUL or a backslash.
        case malformed
        /// A `.` or `..` segment, whether written out or percent-encoded.
        case traversal
    }

    /// Splits `target` (e.g. `/years/2023.html?x=1`) and percent-decodes it. Any `.`/`..` segment is refused
    /// rather than normalised: no page of a built site links that way, so such a request is a probe.
    static func parse(_ target: String) -> Result<RequestPath, Rejection> {
        var pathPart = Substring(target)
        var query: String?
        if let hash = pathPart.firstIndex(of: "#") { pathPart = pathPart[..<hash] }
        if let question = pathPart.firstIndex(of: "?") {
            query = String(pathPart[pathPart.index(after: question)...])
            pathPart = pathPart[..<question]
        }
        guard pathPart.first == "/" else { return .failure(.malformed) }
        guard let bytes = percentDecode(pathPart.utf8) else { return .failure(.malformed) }
        if bytes.contains(0) { return .failure(.malformed) }
        // A backslash is a separator on Windows and in some URL parsers; nothing legitimate uses it here.
        if bytes.contains(UInt8(ascii: "\\")) { return .failure(.traversal) }
        let decoded = String(decoding: bytes, as: UTF8.self)
        // Decoding repairs invalid UTF-8 with U+FFFD; a changed byte count or content means it was invalid.
        guard decoded.utf8.elementsEqual(bytes) else { return .failure(.malformed) }
        let parts = decoded.split(separator: "/", omittingEmptySubsequences: false)
        if parts.contains(where: { $0 == ".." || $0 == "." }) { return .failure(.traversal) }
        return .success(RequestPath(
            segments: parts.filter { !$0.isEmpty }.map(String.init),
            trailingSlash: decoded.hasSuffix("/"),
            query: query
        ))
    }

    /// The canonical URL path of this folder with a trailing slash (for redirects: built from the decoded
    /// segments, so `//evil.example` can never turn into a protocol-relative `Location`).
    var folderURLPath: String {
        "/" + segments.map(Self.percentEncode).map { $0 + "/" }.joined()
    }

    private static func percentDecode(_ utf8: Substring.UTF8View) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var iterator = utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                out.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
            out.append(high << 4 | low)
        }
        return out
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    private static func percentEncode(_ segment: String) -> String {
        var out = ""
        for byte in segment.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".utf8)
                out += "%" + String(decoding: [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]], as: UTF8.self)
            }
        }
        return out
    }
}
