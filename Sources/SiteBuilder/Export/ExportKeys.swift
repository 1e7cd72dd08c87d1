/// What each report's row in `reports.json` and `reports.csv` is made from, hashed, in list order:
/// a row whose key the file in place also has is copied from it rather than rendered
/// (`ExportPlan`), and a file whose keys are all unchanged is linked whole. An edit to a report's
/// text that changes none of its fields (a sentence added to a paragraph) then costs no export.
/// The build's inputs (config, templates, tool), which shape every row, are checked apart.
struct ExportKeys {
    var json: [UInt64] = []
    var csv: [UInt64] = []

    init(_ content: ArchiveContent) {
        let related = ExportRelations(content)
        json.reserveCapacity(content.reports.count)
        csv.reserveCapacity(content.reports.count)
        var bytes: [UInt8] = []
        for (i, r) in content.reports.enumerated() {
            bytes.removeAll(keepingCapacity: true)
            Self.fields(of: r, into: &bytes)
            let own = ContentHash.combine([ContentHash.of(bytes), r.outlineHash])
            csv.append(own)
            bytes.removeAll(keepingCapacity: true)
            Self.add(related.duplicateOf(i).map { content.reports[$0].slug }, to: &bytes)
            for (other, similarity) in related.nearDuplicates(of: i) {
                Self.add(content.reports[other].slug, to: &bytes)
                withUnsafeBytes(of: similarity.bitPattern) { bytes += $0 }
            }
            json.append(ContentHash.combine([own, ContentHash.of(bytes)]))
        }
    }

    /// Every field of the report itself that a row shows, added one by one: an array of them made
    /// for each of 100,000 reports cost more than the hashing.
    private static func fields(of r: ListedReport, into bytes: inout [UInt8]) {
        add(r.id, to: &bytes)
        add(r.slug, to: &bytes)
        add(r.sourceFile, to: &bytes)
        add(r.title, to: &bytes)
        add(r.listedTitle, to: &bytes)
        add(r.issuer, to: &bytes)
        add(r.department, to: &bytes)
        let region = r.region
        add(region.province, to: &bytes)
        add(region.prefecture, to: &bytes)
        add(region.county, to: &bytes)
        add(region.level, to: &bytes)
        add(region.code, to: &bytes)
        add(r.docType.rawValue, to: &bytes)
        add(r.period, to: &bytes)
        add(r.signedDate, to: &bytes)
        add(r.publishedDate, to: &bytes)
        add(r.position, to: &bytes)
        add(r.year, to: &bytes)
        bytes.append(r.complete ? 0x31 : 0x30)
        for topic in r.topics { add(topic, to: &bytes) }
    }

    private static func add(_ number: Int?, to bytes: inout [UInt8]) {
        if let number { JSONWriter.digits(number, into: &bytes) }
        bytes.append(number == nil ? 0x1E : 0x1F)
    }

    private static func add(_ field: String?, to bytes: inout [UInt8]) {
        if let field { bytes += field.utf8 }
        bytes.append(field == nil ? 0x1E : 0x1F)  // null and empty differ
    }

    /// The key of a whole file made of rows with these keys.
    static func file(_ rows: [UInt64]) -> UInt64 {
        ContentHash.combine([UInt64(rows.count), ContentHash.combine(rows)])
    }
}
