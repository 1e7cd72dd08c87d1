import Foundation

/// What each list page (and the sitemap) was rendered from, hashed with the build's inputs. A page
/// whose key is the one it had in the last build is linked from the site in place instead of
/// rendered again, so an edit to one report re-renders only the lists it appears on; one whose
/// key is the one it had in the spare the staging folder started from is kept as it is there, so
/// undoing an edit renders none of them.
final class PageKeys: @unchecked Sendable {
    private let inputs: UInt64
    private let previous: [String: UInt64]
    /// The keys of the pages the staging folder started with.
    private let spare: [String: UInt64]
    private let site: StagedSite
    private let lock = NSLock()
    private var current: [String: UInt64] = [:]
    private(set) var reused = 0

    init(inputs: UInt64, previous: [String: UInt64], spare: [String: UInt64] = [:], site: StagedSite) {
        self.inputs = inputs
        self.previous = previous
        self.spare = spare
        self.site = site
        current.reserveCapacity(previous.count)
    }

    /// Records the key of the page at `path`; true when it is unchanged and has been linked or kept.
    func reuse(_ path: String, key: UInt64) -> Bool {
        let key = ContentHash.combine([inputs, key])
        lock.withLock { current[path] = key }
        guard spare[path] == key && site.keepUnchanged(path) || previous[path] == key && site.linkUnchanged(path) else { return false }
        lock.withLock { reused += 1 }
        return true
    }

    /// The page the site in place has at `path`, when the last build rendered one there.
    func previousPage(_ path: String) -> [UInt8]? {
        previous[path] == nil ? nil : site.previousContents(of: path)
    }

    /// True when the page in place at `path` was rendered from `key`.
    func wasRendered(_ path: String, from key: UInt64) -> Bool {
        previous[path] == ContentHash.combine([inputs, key])
    }

    /// Every page's key: the next build's `previous`.
    var all: [String: UInt64] { lock.withLock { current } }
}
