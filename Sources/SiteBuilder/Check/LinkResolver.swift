import Foundation

/// Where a link found in the site goes, and what is wrong with it.
///
/// Relative links resolve against the page's folder; absolute `http(s)` links under the base URL are
/// links into the site too (the 404 page, canonical links, the feed and the sitemap use them).
struct LinkResolver: Sendable {
    enum Outcome: Equatable {
        /// Nothing to check here: an external site, `mailto:`, `data:`, the page itself.
        case fine
        /// A file of the site; `anchor` (percent-decoded) is the fragment to find in it, if any.
        case file(path: String, anchor: String?)
        case problem(SiteChecker.Problem.Kind, String)
    }

    /// Regular files of the site, by path relative to its folder.
    var files: Set<String>
    var folders: Set<String>
    /// Ends with `/`; nil when unknown (absolute links are then never links into the site).
    var baseURL: String?

    func resolve(_ raw: String, from page: String) -> Outcome {
        let link = Self.trimmed(raw)
        guard let first = link.utf8.first else { return .fine }
        if first == UInt8(ascii: "#") {
            return .file(path: page, anchor: Self.percentDecoded(link.dropFirst()))
        }
        if let scheme = Self.scheme(of: link) {
            switch scheme {
            case "http", "https":
                if let host = LocalAddress.localHost(in: link) { return .problem(.localAddress, "points at a local address (\(host))") }
                if let base = baseURL, link.hasPrefix(base) {
                    return target(link.dropFirst(base.count), folder: "", page: page, absolute: true)
                }
                return .fine
            case "file":
                return .problem(.localAddress, "points at a file on the building machine")
            default:
                return .fine  // mailto:, tel:, data:, javascript:
            }
        }
        if link.hasPrefix("//") {
            if let host = LocalAddress.localHost(in: link) { return .problem(.localAddress, "points at a local address (\(host))") }
            return .fine
        }
        if first == UInt8(ascii: "/") {
            return .problem(.rootAbsolute, "root-absolute link breaks under a sub-path and when opened from disk")
        }
        return target(Substring(link), folder: Self.folder(of: page), page: page, absolute: false)
    }

    /// A path (with query and fragment) relative to `folder`.
    private func target(_ reference: Substring, folder: String, page: String, absolute: Bool) -> Outcome {
        var pathPart = reference
        var anchor: String?
        if let hash = reference.firstIndex(of: "#") {
            anchor = Self.percentDecoded(reference[reference.index(after: hash)...])
            pathPart = reference[..<hash]
        }
        if let query = pathPart.firstIndex(of: "?") { pathPart = pathPart[..<query] }
        let path = Self.percentDecoded(pathPart)
        // `?q=x` alone, or `#x`: this page.
        if path.isEmpty && !absolute { return .file(path: page, anchor: anchor) }
        guard let normal = Self.normalise(folder.isEmpty ? path : folder + "/" + path) else {
            return .problem(.leavesSite, "leaves the site folder")
        }
        if files.contains(normal) { return .file(path: normal, anchor: anchor) }
        let isFolder = normal.isEmpty || folders.contains(normal)
        if absolute && (isFolder || path.hasSuffix("/")) {
            // A server answers a folder URL with its index.html.
            let index = normal.isEmpty ? "index.html" : normal + "/index.html"
            return files.contains(index) ? .file(path: index, anchor: anchor) : .problem(.missingFile, "no such file: \(index)")
        }
        if isFolder {
            // A browser reading the site from disk shows a folder listing, not its index.html.
            return .problem(.missingFile, "names a folder, not a file (breaks when the site is opened from disk)")
        }
        return .problem(.missingFile, "no such file: \(normal)\(path.hasSuffix("/") ? "/" : "")")
    }

    // MARK: Text

    static func trimmed(_ s: String) -> String {
        guard let f = s.utf8.first, let l = s.utf8.last, f <= 32 || l <= 32 else { return s }
        return s.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The lowercased scheme of an absolute URL (`http` of `http://…`), or nil for a relative reference.
    static func scheme(of link: String) -> String? {
        var scheme = ""
        for (i, c) in link.utf8.enumerated() {
            if c == UInt8(ascii: ":") { return i == 0 ? nil : scheme.lowercased() }
            let letter = (c | 0x20) >= 97 && (c | 0x20) <= 122
            let other = (c >= 48 && c <= 57) || c == UInt8(ascii: "+") || c == UInt8(ascii: "-") || c == UInt8(ascii: ".")
            guard letter || (i > 0 && other) else { return nil }
            scheme.unicodeScalars.append(Unicode.Scalar(c))
        }
        return nil
    }

    static func percentDecoded<S: StringProtocol>(_ s: S) -> String {
        let string = String(s)
        guard string.utf8.contains(UInt8(ascii: "%")) else { return string }
        return string.removingPercentEncoding ?? string
    }

    static func folder(of page: String) -> String {
        guard let slash = page.lastIndex(of: "/") else { return "" }
        return String(page[..<slash])
    }

    /// `a/./b/../c` → `a/c`; nil when the path climbs out of the site.
    static func normalise(_ path: String) -> String? {
        var parts: [Substring] = []
        for p in path.split(separator: "/") {
            if p == "." { continue }
            if p == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(p)
            }
        }
        return parts.joined(separator: "/")
    }
}

/// Addresses that only mean something on the machine that built the site, or on its network.
enum LocalAddress {
    /// The host of `url` (`scheme://host…` or `//host…`) when it is local: localhost, a loopback,
    /// unspecified, link-local or private-network address, or a `.local` name.
    static func localHost(in url: String) -> String? {
        guard let host = host(of: url), isLocal(host) else { return nil }
        return host
    }

    static func host(of url: String) -> String? {
        guard let slashes = url.range(of: "//") else { return nil }
        var authority = url[slashes.upperBound...]
        if let end = authority.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { authority = authority[..<end] }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") { return String(authority[...close]).lowercased() }
        if let colon = authority.firstIndex(of: ":") { authority = authority[..<colon] }
        return authority.lowercased()
    }

    static func isLocal(_ host: String) -> Bool {
        var h = Substring(host)
        if h.hasSuffix(".") { h = h.dropLast() }
        if h == "localhost" || h.hasSuffix(".localhost") || h.hasSuffix(".local") { return true }
        if h.hasPrefix("[") {
            let v6 = h.dropFirst().dropLast()
            return v6 == "::1" || v6 == "::" || v6.hasPrefix("fe80:") || v6.hasPrefix("fc") || v6.hasPrefix("fd")
                || v6.hasPrefix("::ffff:127.") || v6.hasPrefix("::ffff:10.") || v6.hasPrefix("::ffff:192.168.")
        }
        let parts = h.split(separator: ".", omittingEmptySubsequences: false).map { UInt8($0) }
        guard parts.count == 4, parts.allSatisfy({ $0 != nil }) else { return false }
        let a = parts[0]!, b = parts[1]!
        switch a {
        case 0, 10, 127: return true                 // unspecified, private, loopback
        case 169: return b == 254                    // link-local
        case 172: return (16...31).contains(b)       // private
        case 192: return b == 168                    // private
        default: return false
        }
    }
}
