/// The place on a report page for what only the whole archive knows (its neighbours in its region,
/// its near-duplicates): a page is rendered in the sources step, before any index exists, with a
/// marker in that place (`{{{relationsHTML}}}` in `report.mustache`); the part before it, the head,
/// is written then, and the index step appends the links and the tail. The tail (the closing
/// markup and footer) is the same on every report page, so it is kept once, not per page.
struct ReportPageSlot: Sendable {
    /// What the template is given for `relationsHTML`. No source text can hold it: text is escaped
    /// (`<` becomes `&lt;`) and Markdown is rendered without raw HTML; the last one is taken anyway.
    static let marker = "<!--archive:relations-->"

    /// What follows the marker on every report page.
    let tail: [UInt8]

    init(pages: ReportPage) {
        let path = pages.page.paths.report("x")
        let page = pages.templates.render("report", pages.page.context(path: path, title: "", ["relationsHTML": Self.marker]))
        let bytes = Array(page.utf8)
        tail = Self.lastMarker(in: bytes).map { Array(bytes[($0 + Self.markerBytes.count)...]) } ?? []
    }

    /// The page's bytes before the marker, or nil when the page cannot be finished later: the
    /// template has no slot, or puts something of the report's own after it (then the page is
    /// written whole, without the links).
    func head(of page: [UInt8]) -> [UInt8]? {
        guard let at = Self.lastMarker(in: page), page.count - at - Self.markerBytes.count == tail.count,
              page[(at + Self.markerBytes.count)...].elementsEqual(tail) else { return nil }
        return Array(page[..<at])
    }

    /// Puts a report page rendered in the sources step into the site: its head, to be finished by
    /// the "report links" step, or the whole page (without the marker) when it has no usable slot.
    func stage(_ file: OutputFile, into site: StagedSite) -> SourceRecord.File {
        guard let head = head(of: file.bytes) else {
            return SourceRecord.File(path: file.path, hash: site.put(OutputFile(path: file.path, bytes: Self.withoutMarker(file.bytes))))
        }
        return SourceRecord.File(path: file.path, hash: 0, head: site.putHead(file.path, head), headLength: head.count, staged: true)
    }

    /// A whole page with `links` (whose key is `key`) in its slot, and the hash the manifest knows
    /// it by: what the preview server's fast path writes.
    func finished(_ page: [UInt8], links: [UInt8], key: UInt64) -> (bytes: [UInt8], hash: UInt64) {
        guard let head = head(of: page) else {
            let bytes = Self.withoutMarker(page)
            return (bytes, ContentHash.of(bytes))
        }
        return (head + links + tail, Self.hash(head: ContentHash.of(head), links: key))
    }

    /// The hash a finished page is known by in the build's manifest: its head's hash with the key
    /// of its links (`ReportLinks.key`, which holds the build's inputs and so the tail). Made from
    /// what the page is made of rather than its bytes, so that an unchanged page is known without
    /// rendering its links or reading its head back.
    static func hash(head: UInt64, links: UInt64) -> UInt64 {
        ContentHash.combine([head, links])
    }

    private static let markerBytes = Array(marker.utf8)

    /// A page that cannot be finished later, as it is written: without the marker.
    private static func withoutMarker(_ page: [UInt8]) -> [UInt8] {
        guard let at = lastMarker(in: page) else { return page }
        return Array(page[..<at]) + page[(at + markerBytes.count)...]
    }

    private static func lastMarker(in page: [UInt8]) -> Int? {
        let m = markerBytes
        guard page.count >= m.count else { return nil }
        var i = page.count - m.count
        while i >= 0 {
            if page[i] == m[0], page[i..<(i + m.count)].elementsEqual(m) { return i }
            i -= 1
        }
        return nil
    }
}
