import Foundation

/// Checks a built site: every relative link and `#anchor` resolves to a file and an id in it.
/// The link part of `SiteChecker`, on its own (absolute URLs are not followed).
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

    static let kinds: Set<SiteChecker.Problem.Kind> = [.missingFile, .missingAnchor, .leavesSite, .rootAbsolute]

    /// All problems, in page order.
    public func check() -> [Problem] {
        let tree = SiteTree(root: root)
        let resolver = LinkResolver(files: tree.fileSet, folders: tree.folders, baseURL: nil)
        let pass = PagePass(tree: tree, resolver: resolver, pageChecks: false, language: nil)
        return pass.run(tree.pages).flatMap { page, issues in
            issues.compactMap { issue in
                guard Self.kinds.contains(issue.kind), let link = issue.link else { return nil }
                return Problem(page: page, link: link, reason: issue.reason)
            }
        }
    }

    /// Every HTML page of the site, by path, sorted.
    func htmlPages() -> [String] {
        SiteTree(root: root).pages
    }
}
