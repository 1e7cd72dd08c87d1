import ReportModel

/// The human-readable form of `archive parse`: one block per report.
enum Outline {
    static func render(_ source: Source) -> String {
        // A text file by its encoding; another format by its name, and the page's charset where it has one.
        let stored = switch source.format {
        case .text: source.encoding
        case _ where source.encoding == source.format.rawValue: source.format.rawValue
        default: "\(source.format.rawValue), \(source.encoding)"
        }
        var out = "== \(source.source) (\(source.kind.rawValue), \(stored))"
        if let title = source.collectionTitle { out += "\n   collection: \(title)" }
        out += "\n   reports: \(source.presentCount) present of \(source.listedCount) listed\n"
        for report in source.reports {
            out += "\n-- \(report.id)  \(report.title ?? "(untitled)")\n"
            if let listed = report.listedTitle { out += "   listed as: \(listed)\n" }
            let region = [report.region.province, report.region.prefecture, report.region.county].compactMap { $0 }
            field(&out, "issuer", report.issuer, report.provenance["issuer"])
            field(&out, "region", region.isEmpty ? nil : region.joined(separator: " > "), report.provenance["region"])
            field(&out, "level", report.region.level, nil)
            let candidates = report.yearCandidates.map { "\($0.value) \($0.from.rawValue)" }.joined(separator: ", ")
            field(&out, "year", report.year.map(String.init), candidates.isEmpty ? nil : candidates)
            field(&out, "type", report.docType.rawValue + (report.period.map { " · \($0)" } ?? ""), nil)
            field(&out, "signed", report.signedDate, nil)
            field(&out, "published", report.publishedDate, report.publishedDate == nil ? nil : report.provenance["published_date"])
            if !report.complete { field(&out, "INCOMPLETE", report.incompleteReason, nil) }
            if let dup = report.duplicateOf { field(&out, "duplicate of", dup, nil) }
            if !report.paragraphs.isEmpty { out += "   (\(report.paragraphs.count) paragraphs before the first heading)\n" }
            tree(&out, report.sections, indent: "   ")
            if let signature = report.signature { out += "   signature: \(signature.replacingOccurrences(of: "\n", with: " / "))\n" }
            for d in report.dropped { out += "   dropped [\(d.rule)] line \(d.line): \(clip(d.text))\n" }
        }
        for d in source.dropped { out += "   dropped [\(d.rule)] line \(d.line): \(clip(d.text))\n" }
        return out
    }

    private static func field(_ out: inout String, _ name: String, _ value: String?, _ from: String?) {
        out += "   \(name): \(value ?? "—")" + (from.map { "  (\($0))" } ?? "") + "\n"
    }

    private static func tree(_ out: inout String, _ sections: [Section], indent: String) {
        for s in sections {
            out += "\(indent)\(s.number)\(s.heading.isEmpty ? "…" : s.heading)  [\(s.paragraphs.count)¶]\n"
            tree(&out, s.children, indent: indent + "  ")
        }
    }

    private static func clip(_ text: String) -> String {
        text.count > 70 ? String(text.prefix(70)) + "…" : text
    }
}
