import Foundation

/// The files of a built site, listed once: dot entries (a deploy checkout's `.git`) are not the site's.
struct SiteTree: Sendable {
    var root: URL
    /// Regular files by path relative to `root`, sorted.
    var files: [String] = []
    var fileSet: Set<String> = []
    var folders: Set<String> = []

    init(root: URL) {
        self.root = root
        walk("", depth: 0)
        files.sort()
        fileSet = Set(files)
    }

    var pages: [String] { files.filter(Self.isPage) }

    static func isPage(_ path: String) -> Bool { path.hasSuffix(".html") || path.hasSuffix(".htm") }

    private mutating func walk(_ folder: String, depth: Int) {
        let fm = FileManager.default
        let url = folder.isEmpty ? root : root.appendingPathComponent(folder)
        guard depth < 64, let names = try? fm.contentsOfDirectory(atPath: url.path) else { return }
        for name in names where !name.hasPrefix(".") {
            let path = folder.isEmpty ? name : folder + "/" + name
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: url.appendingPathComponent(name).path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                folders.insert(path)
                walk(path, depth: depth + 1)
            } else {
                files.append(path)
            }
        }
    }

    /// The bytes of a file of the site, or nil when it cannot be read.
    func contents(_ path: String) -> Data? {
        FileManager.default.contents(atPath: root.appendingPathComponent(path).path)
    }
}

/// What is wrong inside one page, found in one read of it: its title and language, and every link
/// in it. Fragments pointing into other pages wait in `pendingAnchors` until every page's ids are known.
struct PageFindings: Sendable {
    struct Issue: Sendable {
        var order: Int
        var kind: SiteChecker.Problem.Kind
        /// The attribute and value of the link at fault; nil for a problem of the page itself.
        var attribute: String?
        var link: String?
        var reason: String
    }

    struct PendingAnchor: Sendable {
        var order: Int
        var attribute: String
        var link: String
        var target: String
        var anchor: String
    }

    var ids: Set<String> = []
    var issues: [Issue] = []
    var pendingAnchors: [PendingAnchor] = []
}

/// Reads and checks every page, both cores at once; then the fragments that point across pages.
struct PagePass: Sendable {
    var tree: SiteTree
    var resolver: LinkResolver
    /// Title, `<html lang>` and canonical links are checked only with `pageChecks`.
    var pageChecks: Bool
    /// When set, `<html lang>` must equal it (ignoring case); else any non-empty `lang` will do.
    var language: String?
    /// Pages already scanned (the home page, when the base URL had to be read from it).
    var prescanned: [String: PageScan] = [:]

    /// Each page with its issues in document order (page problems first), in page order.
    func run(_ pages: [String]) -> [(page: String, issues: [PageFindings.Issue])] {
        let slots = ResultSlots<PageFindings>(count: pages.count)
        DispatchQueue.concurrentPerform(iterations: pages.count) { i in
            slots.set(i, self.findings(pages[i]))
        }
        var all = slots.values
        var index: [String: Int] = [:]
        for (i, page) in pages.enumerated() { index[page] = i }
        for i in all.indices where !all[i].pendingAnchors.isEmpty {
            for p in all[i].pendingAnchors {
                let known = index[p.target].map { all[$0].ids.contains(p.anchor) } ?? false
                if !known {
                    all[i].issues.append(.init(order: p.order, kind: .missingAnchor, attribute: p.attribute, link: p.link,
                                                    reason: "no element with id \"\(p.anchor)\" in \(p.target)"))
                }
            }
            all[i].issues.sort { $0.order < $1.order }
        }
        return zip(pages, all).map { ($0, $1.issues) }
    }

    func findings(_ page: String) -> PageFindings {
        if let scan = prescanned[page] { return findings(page, scan) }
        guard let data = tree.contents(page) else {
            return PageFindings(issues: [.init(order: 0, kind: .unreadable, reason: "cannot be read")])
        }
        return findings(page, PageScan(html: data))
    }

    func findings(_ page: String, _ scan: PageScan) -> PageFindings {
        var out = PageFindings(ids: Set(scan.ids))
        var order = 0
        func issue(_ kind: SiteChecker.Problem.Kind, _ link: PageScan.Link?, _ reason: String) {
            out.issues.append(.init(order: order, kind: kind, attribute: link?.attribute, link: link?.value, reason: reason))
            order += 1
        }
        if pageChecks {
            switch scan.title {
            case nil: issue(.title, nil, "no <title>")
            case let title? where title.isEmpty: issue(.title, nil, "empty <title>")
            default: break
            }
            let lang = scan.lang.map { LinkResolver.trimmed($0) } ?? ""
            if lang.isEmpty {
                issue(.language, nil, "<html> has no lang" + (language.map { " (the site's language is \"\($0)\")" } ?? ""))
            } else if let language, lang.lowercased() != language.lowercased() {
                issue(.language, nil, "<html lang=\"\(lang)\"> but the site's language is \"\(language)\"")
            }
        }
        for link in scan.links {
            if pageChecks, link.canonical, let base = resolver.baseURL, !link.value.hasPrefix(base),
               LocalAddress.localHost(in: link.value) == nil {
                issue(.baseURL, link, "canonical link is not under the base URL \(base)")
                continue
            }
            switch resolver.resolve(link.value, from: page) {
            case .fine:
                break
            case .problem(let kind, let reason):
                issue(kind, link, reason)
            case .file(let target, let anchor):
                // An empty fragment and `#top` scroll to the top of any page.
                guard let anchor, !anchor.isEmpty, anchor != "top", SiteTree.isPage(target) else { break }
                if target == page {
                    if !out.ids.contains(anchor) { issue(.missingAnchor, link, "no element with id \"\(anchor)\"") }
                } else {
                    out.pendingAnchors.append(.init(order: order, attribute: link.attribute, link: link.value, target: target, anchor: anchor))
                    order += 1
                }
            }
        }
        return out
    }
}

