import Foundation

/// What a build made of one source file: enough to reuse it untouched in the next build (pages
/// linked, listing taken from here) without reading the source again.
struct SourceRecord: Codable, Sendable {
    struct File: Codable, Sendable {
        var path: String
        var hash: UInt64
    }

    var name: String
    var slug: String
    /// The source's bytes, the build's inputs and the slug, hashed together: the pages are current
    /// while this matches.
    var key: UInt64
    /// Why the source could not be read; the next build tries it again.
    var error: String?
    var reports: [ListedReport]
    /// Its report pages, their Markdown and its source copy.
    var files: [File]
}

/// `.archive-cache/sources.json`: the records of the last build, kept between processes, so a
/// new build parses only the sources that changed.
enum SourceCache {
    static let fileName = "sources.json"

    static func load(from folder: URL) -> [String: SourceRecord] {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent(fileName)),
              let records = try? JSONDecoder().decode([SourceRecord].self, from: data) else { return [:] }
        return Dictionary(records.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Records of sources that failed are left out: they are read again next time.
    static func save(_ records: [SourceRecord], to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let data = try JSONEncoder().encode(records.filter { $0.error == nil })
        let target = folder.appendingPathComponent(fileName)
        let temporary = folder.appendingPathComponent(fileName + ".tmp")
        try data.write(to: temporary)
        guard rename(temporary.path, target.path) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target.path])
        }
    }
}
