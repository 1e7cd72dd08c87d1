import Foundation
import ReportModel
import ReportParser

/// Finds reports in a project's content folder by their id (`ReportID`, the slug of the page:
/// `000-155cf9d07f7bc588-1`), or by the file-name form `archive parse` printed before ids were one
/// (`000_155cf9d07f7bc588-01`), and parses only the sources that can hold them.
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
                .filter { $0.slug == key || Self.isFileNameForm(key, of: $0) }
        }
        guard !found.isEmpty else {
            throw Failure(description: "no report \(key) in \(config.contentDirectory): give its id as `archive parse` prints it, the name of its page (reports/<id>.html)")
        }
        guard found.count == 1 else {
            throw Failure(description: "\(key) names \(found.count) reports; give one of their ids: \(found.map(\.slug).joined(separator: ", "))")
        }
        return found[0]
    }

    /// An id is the source's slug and the report's position; the older form the file's name up to
    /// its first dot and the position. Either way a number follows a last dash.
    private static func mayHold(_ source: ContentFolder.Source, _ key: String) -> Bool {
        guard let (stem, _) = ReportID.split(key) else { return false }
        return stem == source.slug || fileStem(source.name) == stem
    }

    /// `000_155cf9d07f7bc588-01`: the file's name up to its first dot, and the position.
    private static func isFileNameForm(_ key: String, of report: ArchivedReport) -> Bool {
        guard let (stem, position) = ReportID.split(key) else { return false }
        return position == report.position && fileStem(report.sourceFile) == stem
    }

    private static func fileStem(_ name: String) -> Substring {
        let file = name.split(separator: "/").last ?? Substring(name)
        return file.split(separator: ".").first ?? file
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
