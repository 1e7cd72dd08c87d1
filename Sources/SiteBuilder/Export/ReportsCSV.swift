/// `data/reports.csv`: one row a report in list order, for a spreadsheet. UTF-8 with a byte-order
/// mark (without one Excel reads the Chinese as the system's code page), CRLF line ends, fields
/// quoted per RFC 4180 when they hold a quote, comma or line break.
enum ReportsCSV {
    static let columns = ["id", "slug", "url", "title", "issuer", "province", "prefecture", "county", "region_code", "year",
                          "doc_type", "signed_date", "published_date", "complete", "topics", "section_count", "figure_count", "source"]

    static func write(_ content: ArchiveContent, config: SiteConfig, paths: SitePaths, to sink: ByteSink) throws {
        let topics = content.classifier.topics
        try sink.append([0xEF, 0xBB, 0xBF])
        try row(columns, into: sink)
        for r in content.reports {
            let sections = r.sections
            let figures = sections.reduce(r.figures.count) { $0 + $1.figures.count }
            try row([r.id, r.slug, config.baseURL + paths.report(r.slug), r.title ?? "", r.issuer ?? "",
                     r.region.province ?? "", r.region.prefecture ?? "", r.region.county ?? "", r.region.code ?? "",
                     r.year.map(String.init) ?? "", r.docType.displayName, r.signedDate ?? "", r.publishedDate ?? "",
                     r.complete ? "true" : "false", r.topics.map { topics[$0].name }.joined(separator: ";"),
                     String(sections.count), String(figures), r.sourceFile], into: sink)
        }
        try sink.flush()
    }

    private static func row(_ fields: [String], into sink: ByteSink) throws {
        for (i, field) in fields.enumerated() {
            if i > 0 { try sink.append(0x2C) }
            try sink.append(cell(field))
        }
        try sink.append([0x0D, 0x0A])
    }

    /// One field as it stands in the file. Text that a spreadsheet would run as a formula (starting
    /// with `=`, `+`, `-`, `@`, a tab or a carriage return) is kept as text by a leading `'`, as
    /// OWASP advises: a source's title is data, never a formula.
    static func cell(_ field: String) -> String {
        var field = field
        if let first = field.utf8.first, [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D].contains(first) { field = "'" + field }
        guard field.utf8.contains(where: { $0 == 0x22 || $0 == 0x2C || $0 == 0x0A || $0 == 0x0D }) else { return field }
        var quoted = "\""
        for scalar in field.unicodeScalars {
            if scalar == "\"" { quoted.unicodeScalars.append("\"") }
            quoted.unicodeScalars.append(scalar)
        }
        return quoted + "\""
    }
}
