import Foundation
import ReportModel

/// Paginated lists of reports: one per region, year, topic and type.
struct ListPages {
    var page: PageContext
    var content: ArchiveContent
    var templates: TemplateSet
    var put: @Sendable (OutputFile) -> Void
    /// Pages unchanged since the last build are linked, not rendered; nil renders every page.
    var keys: PageKeys?
    /// The reports' fingerprints in one array: every page's key reads those of its reports.
    let fingerprints: [UInt64]

    init(page: PageContext, content: ArchiveContent, templates: TemplateSet, put: @escaping @Sendable (OutputFile) -> Void, keys: PageKeys?) {
        self.page = page
        self.content = content
        self.templates = templates
        self.put = put
        self.keys = keys
        fingerprints = keys == nil ? [] : content.reports.map(\.fingerprint)
    }

    struct Listing {
        var title: String
        var intro: String?
        /// The page path for page `n` (1-based).
        var path: (Int) -> String
        var reports: [Int]
        var labels: [Int: String] = [:]
        var breadcrumb: [(name: String, path: String)] = []
        var subregions: [(name: String, path: String, count: Int)] = []
        /// For topic pages: the matching sections under each report.
        var topic: Int?
        /// HTML written by code above the first page's list (a chart, a region's timeline); made
        /// only when the first page is rendered, on the core that renders it.
        var lead: Lead?
    }

    struct Lead {
        var html: () -> String
        /// Everything `html` is made from but the page's path, hashed: part of the first page's
        /// key, so that an unchanged first page is linked without making its lead.
        var key: () -> UInt64
    }

    func pageCount(_ listing: Listing) -> Int {
        Swift.max(1, (listing.reports.count + page.config.pageSize - 1) / page.config.pageSize)
    }

    /// Renders pages `pages` (1-based) of a listing and puts each as it is done. Returns their paths.
    func render(_ listing: Listing, pages: ClosedRange<Int>) -> [String] {
        let size = page.config.pageSize
        let pageCount = pageCount(listing)
        let header = keys == nil ? 0 : Self.key(of: listing)
        var earlier = EarlierItems()
        return pages.map { n in
            let path = listing.path(n)
            let slice = listing.reports.dropFirst((n - 1) * size).prefix(size)
            if let keys, keys.reuse(path, key: key(listing, header: header, page: n, of: pageCount, showing: slice)) { return path }
            var items: [UInt8] = []
            for i in slice {
                if !items.isEmpty { items.append(0x0A) }
                if let keys, let cut = earlier.item(i, page: n, of: listing, header: header, pageCount: pageCount, keys: keys, in: self) {
                    items += cut
                } else {
                    items += item(i, label: listing.labels[i], topic: listing.topic, from: path).utf8
                }
            }
            var extra: [String: Any] = [
                "hasItems": !slice.isEmpty,
                "itemsHTML": Self.itemsMarker,
                "hasBreadcrumb": true,
                "breadcrumb": ([(Vocabulary.home, "index.html")] + listing.breadcrumb).map { ["name": $0.name, "href": page.link($0.path, from: path)] },
                "hasSubregions": !listing.subregions.isEmpty && n == 1,
                "subregions": listing.subregions.map { ["name": $0.name, "href": page.link($0.path, from: path), "count": $0.count] },
            ]
            if let intro = listing.intro { extra["intro"] = intro }
            if n == 1, let lead = listing.lead { extra["leadHTML"] = lead.html() }
            if pageCount > 1 {
                var pagination: [String: Any] = [
                    "pages": Self.window(current: n, count: pageCount).map { p -> [String: Any] in
                        p == 0 ? ["gap": true] : ["n": p, "href": page.link(listing.path(p), from: path), "current": p == n]
                    },
                ]
                if n > 1 { pagination["prev"] = page.link(listing.path(n - 1), from: path) }
                if n < pageCount { pagination["next"] = page.link(listing.path(n + 1), from: path) }
                extra["pagination"] = pagination
            }
            let title = n > 1 ? "\(listing.title)（第 \(n) 页）" : listing.title
            var context = page.context(path: path, title: title, extra)
            let frame = templates.renderBytes("list", context)
            if let bytes = Self.splice(items, into: frame) {
                put(OutputFile(path: path, bytes: bytes))
            } else {
                context["itemsHTML"] = String(decoding: items, as: UTF8.self)
                put(OutputFile(path: path, bytes: templates.renderBytes("list", context)))
            }
            return path
        }
    }

    /// What a list page's template is given in place of its items: the page is rendered around
    /// it, and the items' bytes put where it lands, rather than passed through the template as a
    /// string of tens of kilobytes. U+FDD2 is a noncharacter: should a title or template hold it
    /// too, `splice` refuses the frame and the page is rendered with its items.
    private static let markerScalar = String(Unicode.Scalar(0xFDD2)!)
    static let itemsMarker = "<\(markerScalar)items\(markerScalar)>"
    private static let marker = Array(itemsMarker.utf8), markerBytes = Array(markerScalar.utf8)

    /// `frame` with `items` where the template put the marker as it is; nil when it did not put it
    /// exactly once and nowhere else (escaped, say), so the page must be rendered with its items.
    static func splice(_ items: [UInt8], into frame: [UInt8]) -> [UInt8]? {
        let found: Range<Int>? = frame.withUnsafeBufferPointer { bytes in
            guard let at = EarlierItems.find(marker, in: bytes, from: 0),
                  EarlierItems.find(markerBytes, in: bytes, from: at + marker.count) == nil,
                  EarlierItems.find(markerBytes, in: UnsafeBufferPointer(rebasing: bytes[..<at]), from: 0) == nil else { return nil }
            return at..<(at + marker.count)
        }
        guard let at = found else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(frame.count - marker.count + items.count)
        bytes += frame[..<at.lowerBound]
        bytes += items
        bytes += frame[at.upperBound...]
        return bytes
    }

    /// What page `n` of `pageCount` is rendered from besides the listing's `header`: its lead, and
    /// the reports it shows with their labels.
    func key(_ listing: Listing, header: UInt64, page n: Int, of pageCount: Int, showing reports: some Collection<Int>) -> UInt64 {
        var parts = [header, UInt64(n), UInt64(pageCount)]
        parts.reserveCapacity(4 + 2 * reports.count)
        if n == 1, let lead = listing.lead { parts.append(lead.key()) }
        for i in reports {
            parts.append(fingerprints[i])
            parts.append(listing.labels.isEmpty ? 0 : listing.labels[i].map { ContentHash.of(Array($0.utf8)) } ?? 0)
        }
        return ContentHash.combine(parts)
    }

    /// Everything a listing's pages show besides their reports.
    static func key(of listing: Listing) -> UInt64 {
        var text = [listing.title, listing.intro ?? "\u{1E}", listing.path(1), listing.path(2), "\(listing.topic ?? -1)"]
        text += listing.breadcrumb.flatMap { [$0.name, $0.path] }
        text += listing.subregions.flatMap { [$0.name, $0.path, String($0.count)] }
        return ContentHash.of(Array(text.joined(separator: "\u{1F}").utf8))
    }

    /// The page numbers a pagination bar shows: the first, the last and three either side of the
    /// current one, with 0 for a gap. Listing every page would make a topic with thousands of pages
    /// cost quadratic time.
    static func window(current: Int, count: Int) -> [Int] {
        var out: [Int] = []
        for p in 1...count where p == 1 || p == count || abs(p - current) <= 3 {
            if let last = out.last, p > last + 1 { out.append(0) }
            out.append(p)
        }
        return out
    }

    /// One report in a list, written in code: list items are most of the index pages' work (styled
    /// by `.report-list` in the stylesheet). Not cached: building one costs about what looking it up
    /// did, and a cache of every variant took most of a large build's memory.
    func item(_ index: Int, label: String?, topic: Int?, from path: String) -> String {
        let r = content.reports[index]
        let href = href(index, from: path)
        var html = "<li>\n<a class=\"report-title\" href=\"\(href)\">\(HTML.isolated(r.displayTitle))</a>\n<span class=\"report-meta\">"
        html += r.year.map { "<span class=\"year\">\($0)</span>" } ?? "<span class=\"year undated\">\(Vocabulary.unknownYear)</span>"
        html += " · <span class=\"region\">\(HTML.isolated(Vocabulary.region(r.region)))</span>"
        if let label = label ?? Vocabulary.hiddenPart(of: r.region) { html += " · <span class=\"hidden-label\">\(HTML.escape(label))</span>" }
        html += " · <span class=\"type\">\(r.docType.displayName)</span>"
        if !r.complete { html += " · <span class=\"warn\">不完整</span>" }
        html += "</span>\n"
        if let topic {
            // Without a store (a listing made directly) the sections are listed by heading alone.
            let (outline, passages) = content.store.map { $0.read(r) } ?? (r.outline.held, nil)
            let matching = outline.sections { $0.contains(topic) }
            let quoted = passages.map { TopicPassage.fragments($0, topic: topic) } ?? []
            if !matching.isEmpty {
                html += "<ul class=\"matched-sections\">"
                for entry in matching {
                    let heading = entry.fullHeading.isEmpty ? "（无标题段落）" : entry.fullHeading
                    html += "<li><a href=\"\(href)#\(entry.anchor)\">\(HTML.isolated(heading))</a>"
                    for passage in quoted where passage.anchor == entry.anchor {
                        html += "<p class=\"passage\">\(passage.html)</p>"
                    }
                    html += "</li>"
                }
                html += "</ul>\n"
            }
        }
        html += "</li>"
        return html
    }

    /// The link to report `index`'s page from the page at `path`, escaped for an attribute.
    func href(_ index: Int, from path: String) -> String {
        HTML.escape(page.link(page.paths.report(content.reports[index].slug), from: path))
    }
}
