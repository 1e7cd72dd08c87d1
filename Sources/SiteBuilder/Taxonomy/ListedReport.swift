import ReportModel

/// What the index pages and feeds need of a report, and no more: a report's text goes to its own
/// page as soon as it is parsed, and only this stays in memory (and in the build cache) for the
/// lists, so a build's memory does not grow with the archive's text.
public struct ListedReport: Sendable, Equatable {
    /// A section without its text: what topic pages, compare pages and the data export need of it.
    public struct SectionSummary: Sendable, Equatable {
        /// `s1-2`: the section's anchor on the report page.
        public var anchor: String
        /// 0 for a top-level section.
        public var depth: Int
        /// The numbering as it stands (`一、`, `（二）`, `3.`); empty for an unnumbered heading.
        public var number: String
        public var heading: String
        public var topics: [Int]
        /// Key figures of the section's own text.
        public var figures: [Figure] = []

        public var fullHeading: String { number + heading }
    }

    /// The fields, behind one reference: lists sort, filter and pass listings about by the hundred
    /// thousand, and a copy of the struct itself retained each of its fifteen strings and arrays.
    private struct Fields: Sendable, Equatable {
        var slug: String
        var id: String
        var sourceFile: String
        var position: Int
        var title: String?
        var listedTitle: String?
        var issuer: String?
        var region: Region
        var year: Int?
        var docType: DocType
        var complete: Bool
        var signedDate: String?
        var publishedDate: String?
        var topics: [Int]
        var outline: Outline
        var passages: Range<Int>?
        var fingerprint: UInt64
        var department: String?
        var period: String?
        var duplicateOf: String?
        var minhash: [UInt16]?
    }

    /// Written only while a listing holds the sole reference (copy on write). Unchecked: the run-time
    /// exclusivity check on a class's `var` cost every read in the lists' sorts.
    private final class Box: @unchecked Sendable {
        @exclusivity(unchecked) var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    /// The fields to write: the box is copied first when another listing shares it.
    private var writable: Fields {
        _read { yield box.fields }
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
            yield &box.fields
        }
    }

    public var slug: String {
        _read { yield box.fields.slug }
        _modify { yield &writable.slug }
    }
    public var id: String {
        _read { yield box.fields.id }
        _modify { yield &writable.id }
    }
    /// The source file's name in `content/`.
    public var sourceFile: String {
        _read { yield box.fields.sourceFile }
        _modify { yield &writable.sourceFile }
    }
    /// 1-based position in the source.
    public var position: Int {
        _read { yield box.fields.position }
        _modify { yield &writable.position }
    }
    public var title: String? {
        _read { yield box.fields.title }
        _modify { yield &writable.title }
    }
    public var listedTitle: String? {
        _read { yield box.fields.listedTitle }
        _modify { yield &writable.listedTitle }
    }
    public var issuer: String? {
        _read { yield box.fields.issuer }
        _modify { yield &writable.issuer }
    }
    public var region: Region {
        _read { yield box.fields.region }
        _modify { yield &writable.region }
    }
    public var year: Int? {
        _read { yield box.fields.year }
        _modify { yield &writable.year }
    }
    public var docType: DocType {
        _read { yield box.fields.docType }
        _modify { yield &writable.docType }
    }
    public var complete: Bool {
        _read { yield box.fields.complete }
        _modify { yield &writable.complete }
    }
    public var signedDate: String? {
        _read { yield box.fields.signedDate }
        _modify { yield &writable.signedDate }
    }
    public var publishedDate: String? {
        _read { yield box.fields.publishedDate }
        _modify { yield &writable.publishedDate }
    }
    public var topics: [Int] {
        _read { yield box.fields.topics }
        _modify { yield &writable.topics }
    }
    /// Every section in reading order (depth gives the tree) of an outline it holds; kept packed,
    /// read back on each use. A build's listings keep theirs in its store: `outline(in:)`.
    public var sections: [SectionSummary] {
        get { outline.held.sections }
        set { outline = .held(PackedOutline(sections: newValue, figures: figures)) }
    }
    /// Key figures of the text before the first heading, of an outline it holds, as `sections`.
    public var figures: [Figure] {
        get { outline.held.figures }
        set { outline = .held(PackedOutline(sections: sections, figures: newValue)) }
    }
    /// Its sections and figures, packed, held or in the build's `ListingStore`.
    var outline: Outline {
        _read { yield box.fields.outline }
        _modify { yield &writable.outline }
    }

    /// How many sections and key figures it has, without reading them.
    var outlineCounts: (sections: Int, figures: Int) { outline.counts }

    /// Its sections and figures, hashed.
    var outlineHash: UInt64 { outline.hash }
    /// Where the sentences its topics' pages quote lie in the build's `ListingStore`; nil for none.
    public var passages: Range<Int>? {
        _read { yield box.fields.passages }
        _modify { yield &writable.passages }
    }
    /// `computeFingerprint()`, made once with the listing (on all cores) and kept in the build cache.
    public var fingerprint: UInt64 {
        _read { yield box.fields.fingerprint }
        _modify { yield &writable.fingerprint }
    }
    /// What no list shows but the data export gives (`Report.department`, `.period`, `.duplicateOf`):
    /// left out of the fingerprint.
    public var department: String? {
        _read { yield box.fields.department }
        _modify { yield &writable.department }
    }
    public var period: String? {
        _read { yield box.fields.period }
        _modify { yield &writable.period }
    }
    /// The `id` of an earlier report in the same source with (almost) the same body.
    public var duplicateOf: String? {
        _read { yield box.fields.duplicateOf }
        _modify { yield &writable.duplicateOf }
    }
    /// The text's `MinHash` signature, for finding near-duplicates across the archive; nil for a
    /// short report and a copy inside its own source.
    public var minhash: [UInt16]? {
        _read { yield box.fields.minhash }
        _modify { yield &writable.minhash }
    }

    public init(slug: String, id: String, sourceFile: String, position: Int, title: String?, listedTitle: String?,
                issuer: String?, region: Region, year: Int?, docType: DocType, complete: Bool, signedDate: String?,
                publishedDate: String?, topics: [Int], sections: [SectionSummary], figures: [Figure] = [],
                passages: Range<Int>? = nil, fingerprint: UInt64 = 0) {
        box = Box(Fields(slug: slug, id: id, sourceFile: sourceFile, position: position, title: title, listedTitle: listedTitle,
                         issuer: issuer, region: region, year: year, docType: docType, complete: complete, signedDate: signedDate,
                         publishedDate: publishedDate, topics: topics, outline: .held(PackedOutline(sections: sections, figures: figures)),
                         passages: passages, fingerprint: fingerprint, department: nil, period: nil, duplicateOf: nil, minhash: nil))
    }

    public static func == (a: ListedReport, b: ListedReport) -> Bool {
        a.box === b.box || a.box.fields == b.box.fields
    }

    /// Every field a list shows, hashed: a list page whose reports keep their fingerprints (and
    /// whose build inputs are the same) need not be rendered again. Made while it holds its outline.
    func computeFingerprint() -> UInt64 {
        var bytes: [UInt8] = []
        func add(_ s: String?) {
            if let s { bytes += s.utf8 }
            bytes.append(s == nil ? 0x1E : 0x1F)
        }
        let fields: [String?] = [slug, id, sourceFile, String(position), title, listedTitle, issuer, region.province, region.prefecture,
                      region.county, region.level, region.code, year.map(String.init), docType.rawValue, complete ? "1" : "0",
                      signedDate, publishedDate, topics.map(String.init).joined(separator: ",")]
        for field in fields { add(field) }
        for s in outline.held.sections(where: { !$0.isEmpty }) {
            add("\(s.anchor) \(s.topics.map(String.init).joined(separator: ",")) \(s.fullHeading)")
        }
        return ContentHash.of(bytes)
    }

    /// The title lists show.
    var displayTitle: String { title ?? listedTitle ?? "（无标题）" }

    /// Year, then region code, then title: the order of every list.
    public static func listOrder(_ a: ListedReport, _ b: ListedReport) -> Bool {
        let ya = a.year ?? Int.min, yb = b.year ?? Int.min
        if ya != yb { return ya > yb }
        let ca = a.region.code ?? "~", cb = b.region.code ?? "~"
        if ca != cb { return ca < cb }
        // Titles and slugs by their UTF-8 bytes: String's `<` compares by Unicode canonical
        // equivalence, which made sorting a large archive's lists take a second.
        let titles = ByteOrder.compare(a.title ?? "", b.title ?? "")
        return titles != 0 ? titles < 0 : ByteOrder.precedes(a.slug, b.slug)
    }
}

extension ArchivedReport {
    var listed: ListedReport {
        var listed = ListedReport(
            slug: slug, id: report.id, sourceFile: sourceFile, position: position, title: report.title,
            listedTitle: report.listedTitle, issuer: report.issuer, region: report.region, year: report.year,
            docType: report.docType, complete: report.complete, signedDate: report.signedDate,
            publishedDate: report.publishedDate, topics: topics,
            sections: sections.map {
                .init(anchor: $0.anchor, depth: $0.depth, number: $0.section.number, heading: $0.section.heading,
                      topics: $0.topics, figures: $0.section.figures)
            },
            figures: report.figures)
        listed.department = report.department
        listed.period = report.period
        listed.duplicateOf = report.duplicateOf
        listed.fingerprint = listed.computeFingerprint()
        listed.minhash = MinHash.signature(of: report)
        return listed
    }
}
