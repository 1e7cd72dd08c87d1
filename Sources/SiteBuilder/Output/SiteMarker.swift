import Foundation

/// `.archive-site` at the top of a built site: proof that a build made the folder (so a build may
/// replace it), and the id of the site it holds, which the build cache must name to be trusted.
///
/// The id is a hash of every file's path and content hash, so the same sources give the same
/// marker (the site stays byte-identical between builds) and a site changed in any file has another.
public enum SiteMarker {
    public static let fileName = ".archive-site"

    /// The id of a site whose files have these content hashes: the sum of a hash of each file's
    /// path and content hash, which no order of the files changes, so 275,000 paths need no sorting.
    static func id(of files: SiteFiles) -> String {
        var sum: UInt64 = 0
        for n in files.numbers { sum &+= ContentHash.combine([files.paths.key(n), files[n]!]) }
        return String(sum, radix: 16)
    }

    /// The id of a site edited in place (the preview server's fast path): the last id with the files
    /// written, in a form no build's id takes, so no saved cache can match it.
    static func editedID(from last: String, _ files: [(path: String, hash: UInt64)]) -> String {
        var values = [ContentHash.of(Array(last.utf8))]
        for (path, hash) in files.sorted(by: { ByteOrder.precedes($0.path, $1.path) }) {
            values.append(ContentHash.of(Array(path.utf8)))
            values.append(hash)
        }
        return "edited-" + String(ContentHash.combine(values), radix: 16)
    }

    static func contents(id: String) -> [UInt8] {
        Array("archive-site \(id)\n# Made by archive build: a build may replace this folder.\n".utf8)
    }

    /// The id in the marker of the site at `folder`; nil when there is none (not a built site).
    static func read(in folder: URL) -> String? {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(fileName).path),
              let line = String(decoding: data, as: UTF8.self).split(separator: "\n").first,
              line.hasPrefix("archive-site ") else { return nil }
        return String(line.dropFirst("archive-site ".count))
    }

    /// Writes the marker into `folder` by a rename, so a reader sees the old id or the new one.
    static func write(id: String, in folder: URL) throws {
        let target = folder.appendingPathComponent(fileName).path
        let temporary = target + ".new"
        guard StagedSite.write(contents(id: id), to: temporary), rename(temporary, target) == 0 else {
            throw SiteWriter.WriteError(message: "cannot write \(target): \(String(cString: strerror(errno)))")
        }
    }
}
