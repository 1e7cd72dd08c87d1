import Foundation

/// The items of a listing's pages in the site in place, for the pages of it rendered again: when a
/// report joins or leaves a long listing, every later page shifts by an item, but an item is the
/// same HTML on whichever page of the listing it lands (they lie at one depth), so it is cut from
/// the page in place rather than made anew (a topic's item reads its passages from the
/// `ListingStore`). A page in place gives its items only when its key, remade from the reports its
/// items link to, is the one it was rendered with: each item is then what `ListPages.item` makes.
struct EarlierItems {
    private var items: [Int: ArraySlice<UInt8>] = [:]
    private var looked: Set<Int> = []
    /// Pages in place whose items could not be used: after a few, the listing is taken to have
    /// been rendered from other inputs, and no more pages are read.
    private var rejected = 0

    /// The item of report `index` for page `n`, cut from the listing's pages in place around `n`;
    /// nil when none of them holds it as it is now.
    mutating func item(_ index: Int, page n: Int, of listing: ListPages.Listing, header: UInt64, pageCount: Int,
                       keys: PageKeys, in lists: ListPages) -> ArraySlice<UInt8>? {
        if let found = items[index] { return found }
        for m in [n, n - 1, n + 1] where rejected < 2 && !looked.contains(m) {
            looked.insert(m)
            if !take(page: m, for: n, of: listing, header: header, pageCount: pageCount, keys: keys, in: lists) { rejected += 1 }
            if let found = items[index] { return found }
        }
        return nil
    }

    /// Keeps the items of page `m` in place when it was rendered from the reports it links to, as
    /// they are now; false when it was not. Its page count may have been one more or one less.
    private mutating func take(page m: Int, for n: Int, of listing: ListPages.Listing, header: UInt64, pageCount: Int,
                               keys: PageKeys, in lists: ListPages) -> Bool {
        // The first page's key holds its lead's, which is not worth making for an item or two.
        guard m >= 1, m > 1 || listing.lead == nil else { return true }
        let path = listing.path(m), target = listing.path(n)
        guard SitePaths.root(from: path) == SitePaths.root(from: target), let bytes = keys.previousPage(path) else { return true }
        let cut = Self.cut(bytes)
        guard let first = cut.first.map({ Self.href($0, in: bytes) }) else { return true }
        // The page held a run of the listing, which has moved by a few reports at most: where it
        // starts now is found by its first item's link.
        let size = lists.page.config.pageSize, then = (m - 1) * size
        func starts(_ start: Int) -> Bool {
            start >= 0 && start + cut.count <= listing.reports.count
                && lists.href(listing.reports[start], from: target).utf8.elementsEqual(bytes[first])
        }
        guard let start = (0...size).lazy.compactMap({ [then - $0, then + $0].first(where: starts) }).first else { return false }
        let reports = listing.reports[start..<(start + cut.count)]
        let counts = [pageCount, pageCount - 1, pageCount + 1].filter { $0 >= m }
        guard counts.contains(where: { keys.wasRendered(path, from: lists.key(listing, header: header, page: m, of: $0, showing: reports)) }) else {
            return false
        }
        for (report, item) in zip(reports, cut) { items[report] = bytes[item] }
        return true
    }

    private static let start = Array("<li>\n<a class=\"report-title\" href=\"".utf8)
    private static let metaEnd = Array("</span>\n".utf8)
    private static let sections = Array("<ul class=\"matched-sections\">".utf8)
    private static let sectionsEnd = Array("</ul>\n".utf8)
    private static let end = Array("</li>".utf8)

    /// The items `ListPages.item` wrote into `page`, in order. The source text in an item is
    /// escaped, so none of the markers below can come from it; a page that does not read as items
    /// gives fewer, which the caller's key check then rejects.
    static func cut(_ page: [UInt8]) -> [Range<Int>] {
        page.withUnsafeBufferPointer { bytes in
            var out: [Range<Int>] = []
            guard var item = find(start, in: bytes, from: 0) else { return out }
            while true {
                guard let hrefEnd = bytes[(item + start.count)...].firstIndex(of: UInt8(ascii: "\"")),
                      var next = find(metaEnd, in: bytes, from: hrefEnd).map({ $0 + metaEnd.count }) else { break }
                if has(sections, in: bytes, at: next) {
                    guard let listEnd = find(sectionsEnd, in: bytes, from: next) else { break }
                    next = listEnd + sectionsEnd.count
                }
                guard has(end, in: bytes, at: next) else { break }
                next += end.count
                out.append(item..<next)
                // Items are joined by a line break.
                guard next < bytes.count, bytes[next] == 0x0A, has(start, in: bytes, at: next + 1) else { break }
                item = next + 1
            }
            return out
        }
    }

    /// Where the `href` value of the item at `item`'s title link lies.
    static func href(_ item: Range<Int>, in page: [UInt8]) -> Range<Int> {
        let lower = item.lowerBound + start.count
        return lower..<(page[lower..<item.upperBound].firstIndex(of: UInt8(ascii: "\"")) ?? lower)
    }

    private static func has(_ marker: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        offset + marker.count <= bytes.count && memcmp(bytes.baseAddress! + offset, marker, marker.count) == 0
    }

    /// Where `marker` first lies in `bytes` at or after `offset`: `memchr` to each place its first byte is.
    static func find(_ marker: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from offset: Int) -> Int? {
        var at = offset
        while at + marker.count <= bytes.count {
            guard let found = memchr(bytes.baseAddress! + at, Int32(marker[0]), bytes.count - at) else { return nil }
            at = UnsafeRawPointer(found) - UnsafeRawPointer(bytes.baseAddress!)
            if has(marker, in: bytes, at: at) { return at }
            at += 1
        }
        return nil
    }
}
