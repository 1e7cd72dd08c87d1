/// Every field `reports.json` and `reports.csv` show, hashed in list order: while it holds, the
/// files are linked from the site in place. An edit to a report's text that changes none of them
/// (a sentence added to a paragraph) then costs no export: at 100,000 reports writing the 430 MB
/// again took seconds of a one-source rebuild.
enum ExportKey {
    static func of(_ content: ArchiveContent) -> UInt64 {
        var parts: [UInt64] = [UInt64(content.reports.count)]
        parts.reserveCapacity(1 + content.reports.count * 2 + content.nearDuplicates.count * 3)
        var bytes: [UInt8] = []
        for r in content.reports {
            bytes.removeAll(keepingCapacity: true)
            let fields: [String?] = [r.id, r.slug, r.sourceFile, String(r.position), r.title, r.listedTitle, r.issuer, r.department,
                                     r.region.province, r.region.prefecture, r.region.county, r.region.level, r.region.code,
                                     r.year.map(String.init), r.docType.rawValue, r.period, r.signedDate, r.publishedDate,
                                     r.complete ? "1" : "0", r.duplicateOf, r.topics.map(String.init).joined(separator: ",")]
            for field in fields {
                if let field { bytes += field.utf8 }
                bytes.append(field == nil ? 0x1E : 0x1F)  // null and empty differ
            }
            parts.append(ContentHash.of(bytes))
            parts.append(r.outlineHash)
        }
        for pair in content.nearDuplicates { parts += [UInt64(pair.a), UInt64(pair.b), pair.similarity.bitPattern] }
        return ContentHash.combine(parts)
    }
}
