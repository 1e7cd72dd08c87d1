/// What each report's row in `reports.json` and `reports.csv` is made from, hashed, in list order:
/// a row whose key the file in place also has is copied from it rather than rendered
/// (`ExportPlan`), and a file whose keys are all unchanged is linked whole. An edit to a report's
/// text that changes none of its fields (a sentence added to a paragraph no topic quotes) then
/// costs no export.
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
            let own = Self.own(r)
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

    /// The report's own part of its key, from hashes it already has: its fingerprint holds every
    /// field a list shows, which are all a row shows but its outline, department and period. The
    /// fingerprint also holds the topic passages, which no row shows: an edit to one only renders
    /// its row again, to the same bytes. Hashing each field anew cost a tenth of a second a build.
    private static func own(_ r: ListedReport) -> UInt64 {
        ContentHash.combine([r.fingerprint, r.outlineHash, hash(r.department), hash(r.period)])
    }

    private static func hash(_ field: String?) -> UInt64 {
        guard var field else { return 0 }  // null and empty differ
        return field.withUTF8 { ContentHash.of(UnsafeRawBufferPointer($0)) }
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
