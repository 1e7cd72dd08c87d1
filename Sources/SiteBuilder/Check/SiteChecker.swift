import Foundation
import Markup

/// Checks a built site before it is published: every internal link, `src` and `#anchor` resolves
/// inside the site folder; every page has a title and the site's language; the sitemap lists exactly
/// the pages; the feed is Atom whose entries are pages of the site; nothing points at a local
/// address; canonical links, the feed and the sitemap all use one base URL.
///
/// Each HTML file is read once, as bytes, and parsed by libxml2 (through `Markup`) on all cores; a site
/// of 10,000 pages takes a few seconds. The feed and the sitemap are read as strict XML.
public struct SiteChecker: Sendable {
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public enum Kind: String, Sendable, CaseIterable {
            /// A link, `src` or listed URL names a file that is not there.
            case missingFile = "missing-file"
            case missingAnchor = "missing-anchor"
            /// A relative link climbs out of the site folder.
            case leavesSite = "leaves-site"
            /// `/x`: breaks under a sub-path and from disk.
            case rootAbsolute = "root-absolute"
            /// localhost, loopback, private-network hosts, `file:`.
            case localAddress = "local-address"
            case title
            case language
            case sitemap
            case feed
            /// An absolute URL of the site that is not under the base URL.
            case baseURL = "base-url"
            case unreadable
        }

        /// Relative to the site folder (`reports/x.html`, `sitemap.xml`).
        public var file: String
        public var detail: String
        public var kind: Kind

        public init(file: String, detail: String, kind: Kind) {
            self.file = file
            self.detail = detail
            self.kind = kind
        }

        public var description: String { "\(file): \(detail) [\(kind.rawValue)]" }
    }

    public struct Outcome: Sendable {
        public var problems: [Problem]
        /// HTML pages checked.
        public var pages: Int
        /// Files in the site (pages included).
        public var files: Int
        /// The base URL the site was checked against: the one given, or the one its home page names.
        public var baseURL: String?
        /// Doubts that are not problems: the site may still be published as it is.
        public var warnings: [String] = []
    }

    public var site: URL
    /// The site's public address; nil: the one the home page's canonical link (or the feed) uses.
    public var baseURL: String?
    /// The language every page must declare; nil: any non-empty `lang`.
    public var language: String?

    public init(site: URL, baseURL: String?, language: String? = nil) {
        self.site = site
        self.baseURL = baseURL
        self.language = language
    }

    /// The site a configuration builds: its output folder (unless `site` is given), its base URL
    /// (unless `baseURL` overrides it, as `archive build --base-url` does) and its language.
    public init(config: SiteConfig, baseURL: String? = nil, site: URL? = nil) {
        self.init(site: site ?? URL(fileURLWithPath: config.outputDirectory), baseURL: baseURL ?? config.baseURL, language: config.language)
    }

    /// Every problem: page by page in path order, then the sitemap, the feed and robots.txt.
    public func check() -> [Problem] { run().problems }

    public func run() -> Outcome {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: site.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return Outcome(problems: [Problem(file: site.path, detail: "no site folder here (run archive build first)", kind: .missingFile)],
                           pages: 0, files: 0, baseURL: nil)
        }
        let tree = SiteTree(root: site)
        let pages = tree.pages
        var problems: [Problem] = []
        func problem(_ file: String, _ kind: Problem.Kind, _ detail: String) {
            problems.append(Problem(file: file, detail: detail, kind: kind))
        }

        // The feed first: without a given base URL, it may be what names it.
        let feed = tree.fileSet.contains("feed.xml") ? tree.contents("feed.xml").map(Self.readXML) : nil
        var prescanned: [String: PageScan] = [:]
        var base: String?
        if let given = baseURL.map(LinkResolver.trimmed), !given.isEmpty {
            do {
                base = try SiteConfig.validateBaseURL(given)
            } catch {
                problem(given, .baseURL, "the base URL \(error.message)")
            }
        }
        if base == nil {
            if tree.fileSet.contains("index.html"), let data = tree.contents("index.html") {
                let scan = PageScan(html: data)
                prescanned["index.html"] = scan
                base = scan.links.first { $0.canonical && $0.value.hasSuffix("/index.html") }.map { String($0.value.dropLast("index.html".count)) }
            }
            if base == nil, case .success(let root)? = feed,
               let own = root.elements("link").first(where: { $0.attribute("rel") == "self" })?.attribute("href"), own.hasSuffix("/feed.xml") {
                base = String(own.dropLast("feed.xml".count))
            }
            if base == nil {
                problem("index.html", .baseURL, "cannot tell the site's base URL (no canonical link here, no self link in feed.xml); pass --base-url")
            }
        }

        let resolver = LinkResolver(files: tree.fileSet, folders: tree.folders, baseURL: base)
        if !tree.fileSet.contains("index.html") { problem("index.html", .missingFile, "missing: the site has no home page") }
        let pass = PagePass(tree: tree, resolver: resolver, pageChecks: true, language: language.map(LinkResolver.trimmed), prescanned: prescanned)
        for (page, issues) in pass.run(pages) {
            for issue in issues {
                problem(page, issue.kind, issue.link.map { "\(issue.attribute ?? "link") \"\($0)\": \(issue.reason)" } ?? issue.reason)
            }
        }
        problems += Self.sitemapProblems(tree: tree, pages: pages, resolver: resolver)
        problems += Self.feedProblems(feed, resolver: resolver)
        problems += Self.robotsProblems(tree: tree, resolver: resolver)
        return Outcome(problems: problems, pages: pages.count, files: tree.files.count, baseURL: base,
                       warnings: base.flatMap(Self.placeholderWarning(baseURL:)).map { [$0] } ?? [])
    }

    /// A site checked against an example address (`https://example.org/reports/`, as shipped) is
    /// consistent but would be published with links to someone else's site: worth a warning, not a
    /// failure, since a site may be checked before its address is known.
    public static func placeholderWarning(baseURL: String) -> String? {
        guard SiteConfig.isPlaceholderBaseURL(baseURL) else { return nil }
        return "the base URL \(baseURL) is an example address, as in the shipped archive.toml: "
            + "set [site] base_url in archive.toml or pass --base-url"
    }

    // MARK: Sitemap

    static let sitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9"

    /// `sitemap.xml` lists every page but the 404 page exactly once, under the base URL, and nothing else.
    static func sitemapProblems(tree: SiteTree, pages: [String], resolver: LinkResolver) -> [Problem] {
        let file = "sitemap.xml"
        var problems: [Problem] = []
        func problem(_ kind: Problem.Kind, _ detail: String) { problems.append(Problem(file: file, detail: detail, kind: kind)) }
        guard tree.fileSet.contains(file) else { return [Problem(file: file, detail: "missing", kind: .sitemap)] }
        guard let data = tree.contents(file) else { return [Problem(file: file, detail: "cannot be read", kind: .unreadable)] }
        let root: MarkupElement
        switch Self.readXML(data) {
        case .failure(let failure): return [Problem(file: file, detail: failure.description, kind: .sitemap)]
        case .success(let r): root = r
        }
        guard root.name == "urlset", root.namespace == sitemapNamespace else {
            return [Problem(file: file, detail: "is not a sitemap: the root element is <\(root.name)> in namespace \(root.namespace.map { "\"\($0)\"" } ?? "none"), not <urlset> in \"\(sitemapNamespace)\"", kind: .sitemap)]
        }
        var listed: [String: Int] = [:]
        var outside: [String] = [], local: [String] = []
        var withoutLoc = 0
        for url in root.elements("url") {
            guard let loc = url.element("loc")?.trimmedText, !loc.isEmpty else {
                withoutLoc += 1
                continue
            }
            if LocalAddress.localHost(in: loc) != nil {
                local.append(loc)
                continue
            }
            guard let base = resolver.baseURL, loc.hasPrefix(base) else {
                outside.append(loc)
                continue
            }
            switch resolver.resolve(loc, from: file) {
            case .file(let path, _) where SiteTree.isPage(path):
                if path == "404.html" { problem(.sitemap, "lists the 404 page \(loc)") }
                listed[path, default: 0] += 1
            case .file(let path, _):
                problem(.sitemap, "lists \(loc), which is not an HTML page (\(path))")
            case .problem(_, let reason):
                problem(.sitemap, "lists \(loc), which is not a page of the site (\(reason))")
            case .fine:
                outside.append(loc)
            }
        }
        if withoutLoc > 0 { problem(.sitemap, "\(withoutLoc) <url> without a <loc>") }
        // A few URLs one by one; a whole sitemap built with another base URL in one line.
        let base = resolver.baseURL ?? "(unknown)"
        if local.count > 10 {
            problem(.localAddress, "\(local.count) URLs are at a local address, e.g. \(local[0])")
        } else {
            for url in local { problem(.localAddress, "lists \(url), a local address") }
        }
        if outside.count > 10 {
            problem(.baseURL, "\(outside.count) URLs are not under the base URL \(base), e.g. \(outside[0])")
        } else {
            for url in outside { problem(.baseURL, "lists \(url), which is not under the base URL \(base)") }
        }
        for (path, n) in listed.sorted(by: { $0.key < $1.key }) where n > 1 { problem(.sitemap, "lists \(path) \(n) times") }
        // When every URL is elsewhere (another or a local base URL), the line above says so, not one line per page.
        if listed.isEmpty && !(local.isEmpty && outside.isEmpty) { return problems }
        for page in pages where page != "404.html" && listed[page] == nil { problem(.sitemap, "does not list \(page)") }
        return problems
    }

    // MARK: XML

    /// The sitemap or the feed as an element tree, or why it is not XML (named by position, with libxml2's reason).
    static func readXML(_ data: Data) -> Result<MarkupElement, XMLFailure> {
        if data.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 }) { return .failure(XMLFailure(description: "is empty, not XML")) }
        return MarkupDocument.xml(data).mapError { error in
            XMLFailure(description: "is not well-formed XML (line \(error.line), column \(error.column): \(error.message))")
        }
    }

    struct XMLFailure: Error, CustomStringConvertible {
        var description: String
    }

    // MARK: Feed

    static let atomNamespace = "http://www.w3.org/2005/Atom"

    /// `feed.xml` is an Atom feed whose own links and entry links are pages of the site under the base URL.
    static func feedProblems(_ feed: Result<MarkupElement, XMLFailure>?, resolver: LinkResolver) -> [Problem] {
        let file = "feed.xml"
        var problems: [Problem] = []
        func problem(_ kind: Problem.Kind, _ detail: String) { problems.append(Problem(file: file, detail: detail, kind: kind)) }
        let root: MarkupElement
        switch feed {
        case nil: return [Problem(file: file, detail: "missing (or cannot be read)", kind: .feed)]
        case .failure(let failure)?: return [Problem(file: file, detail: failure.description, kind: .feed)]
        case .success(let r)?: root = r
        }
        guard root.name == "feed", root.namespace == atomNamespace else {
            return [Problem(file: file, detail: "is not an Atom feed: the root element is <\(root.name)> in namespace \(root.namespace.map { "\"\($0)\"" } ?? "none"), not <feed> in \"\(atomNamespace)\"", kind: .feed)]
        }
        /// A URL of the feed that must be a file of the site; `page` when it must be an HTML page.
        func check(_ href: String?, _ what: String, page: Bool) {
            guard let href = href.map(LinkResolver.trimmed), !href.isEmpty else {
                problem(.feed, "\(what) has no href")
                return
            }
            if let host = LocalAddress.localHost(in: href) {
                problem(.localAddress, "\(what) \(href) points at a local address (\(host))")
                return
            }
            guard let base = resolver.baseURL, href.hasPrefix(base) else {
                problem(.baseURL, "\(what) \(href) is not under the base URL \(resolver.baseURL ?? "(unknown)")")
                return
            }
            switch resolver.resolve(href, from: file) {
            case .file(let path, _) where !page || SiteTree.isPage(path): break
            case .file(let path, _): problem(.feed, "\(what) \(href) is not an HTML page (\(path))")
            case .problem(let kind, let reason): problem(kind == .missingFile ? .feed : kind, "\(what) \(href): \(reason)")
            case .fine: break
            }
        }
        for link in root.elements("link") {
            let rel = link.attribute("rel") ?? "alternate"
            if rel == "self" || rel == "alternate" { check(link.attribute("href"), "the feed's \(rel) link", page: rel == "alternate") }
        }
        for (i, entry) in root.elements("entry").enumerated() {
            let title = entry.element("title")?.trimmedText ?? ""
            let what = "entry \(i + 1)" + (title.isEmpty ? "" : " (\(title))")
            let links = entry.elements("link").filter { ($0.attribute("rel") ?? "alternate") == "alternate" }
            guard let link = links.first else {
                problem(.feed, "\(what) has no link")
                continue
            }
            check(link.attribute("href"), "\(what) link", page: true)
        }
        return problems
    }

    // MARK: robots.txt

    /// Its `Sitemap:` lines name the sitemap under the base URL.
    static func robotsProblems(tree: SiteTree, resolver: LinkResolver) -> [Problem] {
        let file = "robots.txt"
        guard tree.fileSet.contains(file), let data = tree.contents(file) else { return [] }
        var problems: [Problem] = []
        for line in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline) {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces).lowercased() == "sitemap" else { continue }
            let url = parts[1].trimmingCharacters(in: .whitespaces)
            if resolver.baseURL.map({ !url.hasPrefix($0) }) ?? false, LocalAddress.localHost(in: url) == nil {
                problems.append(Problem(file: file, detail: "Sitemap \(url) is not under the base URL \(resolver.baseURL!)", kind: .baseURL))
                continue
            }
            switch resolver.resolve(url, from: file) {
            case .problem(let kind, let reason): problems.append(Problem(file: file, detail: "Sitemap \(url): \(reason)", kind: kind))
            default: break
            }
        }
        return problems
    }

}

extension MarkupElement {
    var trimmedText: String { text.trimmingCharacters(in: .whitespacesAndNewlines) }
}
