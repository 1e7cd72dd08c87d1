import Foundation
import ReportModel
import ReportParser

/// Finds reports in a project's content folder by the names people give them — the id `archive
/// parse` prints (`000_155cf9d07f7bc588-01`) or the slug of its page (`000-155cf9d07f7bc588-1`) — and
/// parses only the sources that can hold them.
struct SourceLookup {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    var config: SiteConfig
    var folder: ContentFolder
    var parser = ReportParser()

    init(config: SiteConfig) throws {
        self.config = config
        folder = try ContentFolder.scan(config.contentDirectory, followSymlinks: config.followSymlinks)
    }

    /// The report named `key`, as the site shows it.
    func report(_ key: String) throws -> ArchivedReport {
        var found: [ArchivedReport] = []
        for source in folder.sources where Self.mayHold(source, key) {
            let parsed = try parser.parse(file: (config.contentDirectory as NSString).appendingPathComponent(source.name), displayName: source.name)
            found += ArchivedReport.all(in: parsed, file: source.name, slug: source.slug, config: config,
                                        classifier: TopicClassifier(topics: config.topics), gazetteer: .shared)
                .filter { $0.slug == key || $0.report.id == key }
        }
        guard !found.isEmpty else {
            throw Failure(description: "no report \(key) in \(config.contentDirectory): give its id as `archive parse` prints it or the slug of its page (reports/<slug>.html)")
        }
        guard found.count == 1 else {
            throw Failure(description: "\(key) names \(found.count) reports; give one of their slugs: \(found.map(\.slug).joined(separator: ", "))")
        }
        return found[0]
    }

    /// A slug is the source's slug and the report's position; an id starts with the file's name up
    /// to its first dot. Either way a number follows a last dash.
    private static func mayHold(_ source: ContentFolder.Source, _ key: String) -> Bool {
        guard let dash = key.lastIndex(of: "-"), key[key.index(after: dash)...].allSatisfy(\.isASCII) else { return false }
        let stem = String(key[..<dash])
        let file = source.name.split(separator: "/").last.map(String.init) ?? source.name
        return stem == source.slug || file == stem || file.hasPrefix(stem + ".")
    }
}

extension ArchivedReport {
    /// The report's text as read: its title, the part before the first heading, then each heading
    /// and its text.
    var plainText: String {
        var lines = [report.title ?? report.listedTitle ?? ""] + report.paragraphs
        for entry in sections {
            lines.append(entry.section.fullHeading)
            lines += entry.section.paragraphs
        }
        return lines.joined(separator: "\n")
    }
}
