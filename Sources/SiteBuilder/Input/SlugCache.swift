import Foundation
import ReportModel

/// The slugs of source names spelled outside ASCII, kept between builds in
/// `.archive-cache/slugs.tsv`: such a name's slug takes ICU's pinyin transform, about 160 µs, which
/// for 35,000 Chinese file names was 5.6 CPU seconds of every build, a build with nothing to do
/// included. A slug depends on nothing but its name and the tool, so the file is kept for one
/// tool (`BuildSession.toolStamp`) and otherwise ignored; a line that does not read is skipped.
final class SlugCache: @unchecked Sendable {
    static let fileName = "slugs.tsv"
    private static let version = "1"

    private let url: URL?
    private let header: String
    private let lock = NSLock()
    private var slugs: [String: String] = [:]
    private var added = false

    /// The slugs saved in `folder` for the tool `tool`; none when the file is missing or for another tool.
    init(folder: URL?, tool: UInt64) {
        url = folder?.appendingPathComponent(Self.fileName)
        header = "slugs\t\(Self.version)\t\(String(tool, radix: 16))"
        guard let url, let data = FileManager.default.contents(atPath: url.path) else { return }
        let lines = data.split(separator: 0x0A, omittingEmptySubsequences: true)
        guard let first = lines.first, first.elementsEqual(header.utf8) else { return }
        slugs.reserveCapacity(lines.count)
        for line in lines.dropFirst() {
            guard let tab = line.firstIndex(of: 0x09) else { continue }
            slugs[String(decoding: line[..<tab], as: UTF8.self)] = String(decoding: line[(tab + 1)...], as: UTF8.self)
        }
    }

    /// `ContentFolder.slug(of:)`, from the cache when the name needs the transform; any thread may call it.
    func slug(of name: String) -> String {
        guard name.utf8.contains(where: { $0 >= 0x80 }) else { return ContentFolder.slug(of: name) }
        if let known = lock.withLock({ slugs[name] }) { return known }
        let slug = ContentFolder.slug(of: name)
        // A name with a tab or line break would not read back: it is slugged again each build.
        if !name.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            lock.withLock {
                slugs[name] = slug
                added = true
            }
        }
        return slug
    }

    /// Writes the slugs of `names` (the names a scan found) when any was added since the file was
    /// read; a failure leaves it to a later build.
    func save(keeping names: [String]) {
        guard let url, lock.withLock({ added }) else { return }
        let slugs = lock.withLock { self.slugs }
        var out = Array((header + "\n").utf8)
        for name in names {
            guard let slug = slugs[name] else { continue }
            out += name.utf8
            out.append(0x09)
            out += slug.utf8
            out.append(0x0A)
        }
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        if (try? CacheFile.replace(url, with: out)) != nil {
            lock.withLock { added = false }
        }
    }
}
