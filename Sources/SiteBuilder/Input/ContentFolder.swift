import Foundation

/// The content folder as a build reads it: its sources (the `*.txt` files directly inside), and
/// what it does not read, said on every build rather than skipped in silence. A symbolic link is
/// followed when it stays inside the folder, or anywhere with `[build] follow_symlinks = true`.
struct ContentFolder {
    struct Source {
        var name: String
        /// Unique across the folder, ASCII: the source's pages are named after it.
        var slug: String
        /// Size and modification time: cheap to read, and enough to see that a source did not move.
        var stamp: String
    }

    /// In name order.
    var sources: [Source] = []
    /// Entries that look like sources but cannot be read (a dangling link, a link loop), each naming the file.
    var errors: [String] = []
    /// Links out of the folder that were not followed, one a file, and one line for everything else not read.
    var warnings: [String] = []

    var stamps: [String: String] { Dictionary(uniqueKeysWithValues: sources.map { ($0.name, $0.stamp) }) }

    static let sourceExtension = ".txt"
    /// Names listed in the warning about entries not read; the rest are counted.
    static let listedLimit = 10

    static func scan(_ folder: String, followSymlinks: Bool) throws -> ContentFolder {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        } catch {
            throw SiteConfig.Error(file: folder, message: "cannot list the content folder")
        }
        let root = OutputGuard.canonical(folder)
        var result = ContentFolder()
        var notRead: [String] = []
        var slugs = Set<String>()
        for name in names {
            let path = (folder as NSString).appendingPathComponent(name)
            var st = stat()
            guard lstat(path, &st) == 0 else { continue }  // gone since the listing
            let isLink = (st.st_mode & S_IFMT) == S_IFLNK
            if isLink {
                let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
                guard stat(path, &st) == 0 else {
                    result.errors.append(errno == ELOOP
                        ? "\(path): a symbolic link loop (through \(target))"
                        : "\(path): a symbolic link to \(target), which does not exist")
                    continue
                }
                let resolved = OutputGuard.canonical(path)
                if !followSymlinks, !OutputGuard.contains(root, resolved), isSource(name, st) {
                    result.warnings.append("\(path): a symbolic link to \(resolved), outside the content folder; not followed "
                        + "(set [build] follow_symlinks = true to read it)")
                    continue
                }
            }
            guard isSource(name, st) else {
                notRead.append((st.st_mode & S_IFMT) == S_IFDIR ? name + "/" : name)
                continue
            }
            var slug = Slug.make(String(name.dropLast(sourceExtension.count)))
            while !slugs.insert(slug).inserted { slug += "-2" }
            result.sources.append(Source(name: name, slug: slug, stamp: "\(st.st_size):\(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)"))
        }
        if !notRead.isEmpty {
            let listed = notRead.prefix(listedLimit).joined(separator: ", ")
            let more = notRead.count > listedLimit ? " and \(notRead.count - listedLimit) more" : ""
            result.warnings.append("\(folder): \(notRead.count) \(notRead.count == 1 ? "entry" : "entries") not read "
                + "(sources are the *\(sourceExtension) files directly inside): \(listed)\(more)")
        }
        return result
    }

    /// A source is a regular file named `*.txt`, not hidden; `st` describes what a link leads to.
    private static func isSource(_ name: String, _ st: stat) -> Bool {
        !name.hasPrefix(".") && name.hasSuffix(sourceExtension) && name.count > sourceExtension.count
            && (st.st_mode & S_IFMT) == S_IFREG
    }
}
