import Foundation
import ReportModel

/// The content folder as a build reads it: its sources (the files of a `SourceFormat` inside it and
/// inside its folders, at any depth: text, web pages, Word files, PDFs), and what it does not read, said on every build rather than skipped in
/// silence. Hidden files and hidden folders are not read. A symbolic link, to a file or a folder, is
/// followed when it stays inside the content folder, or anywhere with `[build] follow_symlinks = true`;
/// a folder already read (through another link, or a link back up) is not read again.
struct ContentFolder {
    struct Source {
        /// The path relative to the content folder: `浙江省/宁波市/余姚市-2023.txt`.
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
    /// Links out of the folder that were not followed, one a link, and one line for everything else not read.
    var warnings: [String] = []

    var stamps: [String: String] { Dictionary(uniqueKeysWithValues: sources.map { ($0.name, $0.stamp) }) }

    /// Names listed in the warning about entries not read; the rest are counted.
    static let listedLimit = 10

    /// - Parameter slugs: the slugs of earlier builds, which names spelled outside ASCII are taken from.
    static func scan(_ folder: String, followSymlinks: Bool, slugs: SlugCache? = nil) throws -> ContentFolder {
        // Opened to see that it can be listed, not listed twice: it holds 35,000 files at 100,000 reports.
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw SiteConfig.Error(file: folder, message: "cannot list the content folder") }
        close(fd)
        var walk = Walk(folder: folder, root: OutputGuard.canonical(folder), followSymlinks: followSymlinks)
        walk.visited.insert(walk.root)
        walk.read("")
        var result = walk.result
        result.sources = Self.slugged(walk.found, cache: slugs)
        if !walk.notRead.isEmpty {
            let notRead = walk.notRead
            let listed = notRead.prefix(listedLimit).joined(separator: ", ")
            let more = notRead.count > listedLimit ? " and \(notRead.count - listedLimit) more" : ""
            result.warnings.append("\(folder): \(notRead.count) \(notRead.count == 1 ? "entry" : "entries") not read "
                + "(sources are the \(SourceFormat.patterns) files in it and its folders, none hidden): \(listed)\(more)")
        }
        return result
    }

    /// Slugs for sources found: those directly in the content folder first, so each keeps the slug
    /// of its own name whatever the folders hold; a clash gains `-2` until it is unique.
    static func slugged(_ found: [(name: String, stamp: String)], cache: SlugCache? = nil) -> [Source] {
        var slugs = Set<String>()
        var out: [Source] = []
        var top: [(name: String, stamp: String)] = [], nested: [(name: String, stamp: String)] = []
        for file in found {
            var name = file.name
            let isNested = name.withUTF8 { !$0.isEmpty && memchr($0.baseAddress!, Int32(UInt8(ascii: "/")), $0.count) != nil }
            if isNested { nested.append(file) } else { top.append(file) }
        }
        let ordered = top.sorted(by: { $0.name < $1.name }) + nested.sorted(by: { $0.name < $1.name })
        for (file, slug) in zip(ordered, rawSlugs(of: ordered.map(\.name), cache: cache)) {
            var slug = slug
            while !slugs.insert(slug).inserted { slug += "-2" }
            out.append(Source(name: file.name, slug: slug, stamp: file.stamp))
        }
        return out.sorted { $0.name < $1.name }
    }

    /// The slug of a relative path, before de-duplication (`ReportID.sourceSlug`).
    static func slug(of name: String) -> String { ReportID.sourceSlug(name) }

    /// `slug(of:)` of each name, on all cores: a name outside ASCII takes ICU's transform.
    private static func rawSlugs(of names: [String], cache: SlugCache?) -> [String] {
        let chunk = 512
        let slots = ResultSlots<String>(count: names.count)
        DispatchQueue.concurrentPerform(iterations: (names.count + chunk - 1) / chunk) { part in
            for i in (part * chunk)..<min(names.count, (part + 1) * chunk) {
                slots.set(i, cache?.slug(of: names[i]) ?? slug(of: names[i]))
            }
        }
        return slots.values
    }

    /// A source is a regular file whose extension names a `SourceFormat`, not hidden; `st` describes what a link leads to.
    static func isSource(_ name: String, _ st: stat) -> Bool {
        !name.hasPrefix(".") && SourceFormat(fileName: name) != nil && (st.st_mode & S_IFMT) == S_IFREG
    }

    /// One pass over the folder tree.
    private struct Walk {
        var folder: String
        var root: String
        var followSymlinks: Bool
        var result = ContentFolder()
        var found: [(name: String, stamp: String)] = []
        var notRead: [String] = []
        /// Real paths of the folders read.
        var visited = Set<String>()

        /// Reads the folder at `relative` (`""` for the content folder itself).
        /// Each entry is looked at relative to its open folder: resolving its whole path again, 35,000
        /// times at 100,000 reports, was half the time of the walk.
        mutating func read(_ relative: String) {
            let here = relative.isEmpty ? folder : (folder as NSString).appendingPathComponent(relative)
            let fd = open(here, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard fd >= 0 else { return }
            defer { close(fd) }
            guard let entries = FolderEntries.read(fd) else { return }
            for name in entries.map(\.name).sorted() {
                let rel = relative.isEmpty ? name : relative + "/" + name
                var st = stat()
                guard fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 else { continue }  // gone since the listing
                // The whole path only for a link, a folder or a message.
                var path: String { (here as NSString).appendingPathComponent(name) }
                let isLink = (st.st_mode & S_IFMT) == S_IFLNK
                if isLink {
                    let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
                    guard stat(path, &st) == 0 else {
                        result.errors.append(errno == ELOOP
                            ? "\(path): a symbolic link loop (through \(target))"
                            : "\(path): a symbolic link to \(target), which does not exist")
                        continue
                    }
                }
                let isFolder = (st.st_mode & S_IFMT) == S_IFDIR
                if name.hasPrefix(".") || !isFolder && !ContentFolder.isSource(name, st) {
                    notRead.append(isFolder ? rel + "/" : rel)
                    continue
                }
                if isLink {
                    let resolved = OutputGuard.canonical(path)
                    if !followSymlinks, !OutputGuard.contains(root, resolved) {
                        result.warnings.append("\(path): a symbolic link to \(resolved), outside the content folder; not followed "
                            + "(set [build] follow_symlinks = true to read it)")
                        continue
                    }
                }
                if isFolder {
                    let real = OutputGuard.canonical(path)
                    guard visited.insert(real).inserted else {
                        result.warnings.append("\(path): a symbolic link to \(real), a folder already read; not read again")
                        continue
                    }
                    read(rel)
                } else {
                    found.append((rel, "\(st.st_size):\(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)"))
                }
            }
        }
    }
}
