import Foundation
import ReportModel
import ReportParser

/// Any two reports of a project compared, as `archive compare` shows them: their sources parsed
/// from the content folder, their texts read for the names and numbers that differ and the share
/// they have in common, and the compare page the site would show for them.
public struct ReportComparison {
    public let a: ListedReport
    public let b: ListedReport
    public let differences: TextDifferences
    /// Exact share of text in common (`ShingleOverlap`), 0…1.
    public let similarity: Double
    let config: SiteConfig

    /// - Parameters: first, second: an id as `archive parse` prints it, or the slug of a report's page.
    public init(configPath: String, _ first: String, _ second: String) throws {
        config = try SiteConfig.load(configPath)
        let lookup = try SourceLookup(config: config)
        let ra = try lookup.report(first), rb = try lookup.report(second)
        let (ta, tb) = (ra.plainText, rb.plainText)
        a = ra.listed
        b = rb.listed
        differences = TextDifferences.between(ta, tb)
        similarity = ShingleOverlap.jaccard(ta, tb)
    }

    /// The page's place in the site: `compare/<a>--<b>.html`.
    public var sitePath: String { SitePaths(pretty: config.prettyURLs).compare(a.slug, b.slug) }

    /// The compare page as a file of its own at `file`: its links lead into the site built at the
    /// configured output folder, relative from the file's folder, so it opens from disk beside that
    /// site (and is the site's own page when written at `sitePath` inside it).
    public func html(writtenTo file: String) throws -> String {
        let templates = try TemplateSet(directory: config.templatesDirectory)
        let page = PageContext(config: config, paths: SitePaths(pretty: config.prettyURLs))
        let folder = URL(fileURLWithPath: file).deletingLastPathComponent().path
        let root = Self.relativeRoot(from: folder, to: config.outputDirectory)
        let compare = ComparePage(page: page, classifier: TopicClassifier(topics: config.topics), templates: templates)
        return String(decoding: compare.file(a, b, differences: differences, similarity: similarity, root: root).bytes, as: UTF8.self)
    }

    /// `../` up from `folder` to where it meets `site`, then down into it, ending with `/` (empty
    /// when the two are one folder).
    static func relativeRoot(from folder: String, to site: String) -> String {
        func parts(_ path: String) -> [String] {
            URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().pathComponents.filter { $0 != "/" }
        }
        let from = parts(folder), to = parts(site)
        var common = 0
        while common < from.count, common < to.count, from[common] == to[common] { common += 1 }
        let path = Array(repeating: "..", count: from.count - common) + to[common...]
        return path.isEmpty ? "" : path.joined(separator: "/") + "/"
    }
}

extension ReportComparison {
    /// The comparison as plain text: both reports, the topics only one has, the headings row by row
    /// (`=` a pair, `<` only in A, `>` only in B, indented by depth) and the names and numbers that differ.
    public var text: String {
        let topics = TopicClassifier(topics: config.topics).topics
        func describe(_ label: String, _ r: ListedReport) -> String {
            let region = [r.region.province, r.region.prefecture, r.region.county].compactMap { $0 }.joined(separator: " > ")
            return "\(label)  \(r.displayTitle)\n   \(r.slug) · \(region.isEmpty ? "region unknown" : region) · \(r.year.map(String.init) ?? "year unknown") · \(r.docType.rawValue)\n"
        }
        func only(_ x: ListedReport, _ y: ListedReport) -> String {
            x.topics.filter { !y.topics.contains($0) && $0 < topics.count }.map { topics[$0].name }.joined(separator: ", ")
        }
        let sectionsA = a.sections, sectionsB = b.sections
        let alignment = HeadingAlignment(sectionsA, sectionsB)
        var out = describe("A", a) + describe("B", b)
        out += "\nshared text: about \(ComparePage.percent(similarity))%; headings: \(alignment.pairs.count) paired, "
        out += "\(sectionsA.count - alignment.pairs.count) only in A, \(sectionsB.count - alignment.pairs.count) only in B\n"
        out += "topics only in A: \(only(a, b).isEmpty ? "—" : only(a, b))\n"
        out += "topics only in B: \(only(b, a).isEmpty ? "—" : only(b, a))\n"
        if !alignment.rows.isEmpty { out += "\nheadings (= paired, < only in A, > only in B):\n" }
        for row in alignment.rows {
            let left = row.left.map { sectionsA[$0] }, right = row.right.map { sectionsB[$0] }
            let indent = String(repeating: "  ", count: left?.depth ?? right?.depth ?? 0)
            if let left, let right, let similarity = row.similarity {
                out += "=  \(indent)\(left.fullHeading)  ⟷  \(right.fullHeading)  (\(ComparePage.percent(similarity))%)\n"
            } else if let left {
                out += "<  \(indent)\(left.fullHeading)\n"
            } else if let right {
                out += ">  \(indent)\(right.fullHeading)\n"
            }
        }
        if !differences.isEmpty {
            out += "\nnames and numbers that differ:\n"
            for item in differences.items {
                out += "  \(item.kind.rawValue)  \(item.context.isEmpty ? "" : "…\(item.context) ")\(item.a) → \(item.b)\(item.count > 1 ? "  ×\(item.count)" : "")\n"
            }
            if differences.omitted > 0 { out += "  and \(differences.omitted) more\n" }
        }
        return out
    }
}
