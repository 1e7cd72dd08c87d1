import Foundation

/// Checks a built site: every relative link and `#anchor` resolves to a file and an id in it.
public struct LinkChecker: Sendable {
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public var page: String
        public var link: String
        public var reason: String
        public var description: String { "\(page): \(link): \(reason)" }
    }

    public var root: URL

    public init(root: URL) {
        self.root = root
    }

    /// All problems, in page order.
    public func check() -> [Problem] {
        let pages = htmlPages()
        var ids: [String: Set<String>] = [:]
        var links: [String: [String]] = [:]
        for page in pages {
            guard let html = try? String(contentsOf: root.appendingPathComponent(page), encoding: .utf8) else { continue }
            ids[page] = Set(Self.attributeValues("id", in: html))
            links[page] = Self.attributeValues("href", in: html) + Self.attributeValues("src", in: html)
        }
        var problems: [Problem] = []
        for page in pages {
            for link in links[page] ?? [] {
                if let problem = check(link, on: page, ids: &ids) { problems.append(problem) }
            }
        }
        return problems
    }

    private func check(_ link: String, on page: String, ids: inout [String: Set<String>]) -> Problem? {
        if link.hasPrefix("http://") || link.hasPrefix("https://") || link.hasPrefix("mailto:") { return nil }
        if link.hasPrefix("/") { return Problem(page: page, link: link, reason: "root-absolute link breaks under a sub-path and from disk") }
        let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let pathPart = String(parts[0]).removingPercentEncoding ?? String(parts[0])
        let anchor = parts.count > 1 ? String(parts[1]) : nil
        let target: String
        if pathPart.isEmpty {
            target = page
        } else {
            let base = (page as NSString).deletingLastPathComponent
            target = Self.normalise((base as NSString).appendingPathComponent(pathPart))
            if target.hasPrefix("../") { return Problem(page: page, link: link, reason: "leaves the site") }
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root.appendingPathComponent(target).path, isDirectory: &isDir), !isDir.boolValue else {
                return Problem(page: page, link: link, reason: "no such file")
            }
        }
        if let anchor, !anchor.isEmpty, target.hasSuffix(".html") {
            if ids[target] == nil, let html = try? String(contentsOf: root.appendingPathComponent(target), encoding: .utf8) {
                ids[target] = Set(Self.attributeValues("id", in: html))
            }
            if !(ids[target]?.contains(anchor) ?? false) { return Problem(page: page, link: link, reason: "no element with id \"\(anchor)\"") }
        }
        return nil
    }

    func htmlPages() -> [String] {
        let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
        return files.filter { $0.hasSuffix(".html") }.sorted()
    }

    /// Values of `name="…"` attributes (templates always quote with double quotes).
    static func attributeValues(_ name: String, in html: String) -> [String] {
        var out: [String] = []
        let needle = Array(" \(name)=\"".utf8)
        let bytes = Array(html.utf8)
        var i = 0
        while i + needle.count <= bytes.count {
            if bytes[i] == needle[0], Array(bytes[i..<(i + needle.count)]) == needle {
                var j = i + needle.count
                while j < bytes.count, bytes[j] != UInt8(ascii: "\"") { j += 1 }
                out.append(decodeEntities(String(decoding: bytes[(i + needle.count)..<j], as: UTF8.self)))
                i = j
            }
            i += 1
        }
        return out
    }

    private static func decodeEntities(_ s: String) -> String {
        s.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
    }

    static func normalise(_ path: String) -> String {
        var parts: [String] = []
        for p in path.split(separator: "/") {
            if p == "." { continue }
            if p == "..", let last = parts.last, last != ".." { parts.removeLast() } else { parts.append(String(p)) }
        }
        return parts.joined(separator: "/")
    }
}
