import Foundation

/// Writes a built site so that `public/` is never half-written: everything goes into a folder
/// beside it, which then takes its place in one atomic exchange; a failed or killed build leaves
/// the last good site untouched.
///
/// The site the exchange puts aside is kept as the spare (`.public.spare`) when the build knows
/// its files: the next build starts its staging folder from it and changes only what differs,
/// instead of linking every file anew and removing the old site, which at 100,000 reports were
/// 275,000 links and as many unlinks for an edit to one source.
public struct SiteWriter: Sendable {
    public var output: URL

    public init(output: URL) {
        self.output = output
    }

    private var parent: URL { output.deletingLastPathComponent() }
    private var stagingPrefix: String { ".\(output.lastPathComponent).building-" }
    private var oldPrefix: String { ".\(output.lastPathComponent).old-" }
    private var sparePath: String { parent.appendingPathComponent(".\(output.lastPathComponent).spare").path }

    /// The site put aside by the last swap, as that build knew it.
    struct Spare: Sendable, Equatable {
        /// Its marker's id (`SiteMarker`).
        var id: String
        /// The content hash of each of its files.
        var files: SiteFiles
        /// The keys its list pages were rendered with (`PageKeys`).
        var pages: [String: UInt64] = [:]
    }

    /// A staging folder beside the output: the spare when it is the site `spare` describes, which
    /// is then returned as `claimed` (its files are `StagedSite`'s kept ones), else a new empty folder.
    func stage(from spare: Spare?) throws -> (folder: URL, claimed: Spare?) {
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appendingPathComponent(stagingPrefix + "\(getpid())")
        FolderRemover.remove(staging.path)
        if let spare, SiteMarker.read(in: URL(fileURLWithPath: sparePath)) == spare.id, rename(sparePath, staging.path) == 0 {
            // Claimed by the rename: a build killed from here on leaves it as a staging leftover.
            rescueUserEntries(from: staging)
            SpareSweep.removeStrays(in: staging.path, keeping: spare.files)
            return (staging, spare)
        }
        FolderRemover.remove(sparePath)
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        return (staging, nil)
    }

    /// Puts `staging` in the output's place; the previous site is kept as the spare when
    /// `keepingOld`, else removed. Dot entries at the top of the old output (`.git` of a deploy
    /// checkout, `.gitkeep`) belong to the user and move across.
    func commit(_ staging: URL, keepingOld: Bool = false) throws {
        let fm = FileManager.default
        guard fm.fileExists(atPath: output.path) else {
            try fm.moveItem(at: staging, to: output)
            return
        }
        if Self.exchange(staging.path, output.path) {
            // The old site now stands at the staging path, where a killed build's leftovers are looked for.
            rescueUserEntries(from: staging)
            if !keepingOld || rename(staging.path, sparePath) != 0 { FolderRemover.remove(staging.path) }
            return
        }
        // No atomic exchange here (not Linux, or a file system without it): two renames.
        let old = parent.appendingPathComponent(oldPrefix + "\(getpid())")
        FolderRemover.remove(old.path)
        try fm.moveItem(at: output, to: old)
        do {
            try fm.moveItem(at: staging, to: output)
        } catch {
            try? fm.moveItem(at: old, to: output)
            throw error
        }
        rescueUserEntries(from: old)
        FolderRemover.remove(old.path)
    }

    /// Makes the spare a copy of `staging` by hard links, marked `id` once every file is linked: for
    /// a swap that puts no site aside (the first build, or one that changed most files), so the next
    /// build still starts from a spare rather than linking the whole site into an empty folder
    /// (275,000 links at 100,000 reports). The links share the files' bytes: no second copy. A
    /// spare without its marker (a link failed, the build was killed) is never started from.
    /// The files `ownCopies` names are copied instead, so the spare holds them alone and the next
    /// build may rewrite them in place (`StagedSite.ownCopy`): the data export, whose new version
    /// would else be a second file of hundreds of megabytes written on the next edit.
    /// - Returns: false when no spare was made.
    func linkSpare(of staging: URL, id: String, ownCopies: [String] = []) -> Bool {
        FolderRemover.remove(sparePath)
        guard FolderLinker.link(staging.path, to: sparePath, skipping: [SiteMarker.fileName]),
              ownCopies.allSatisfy({ Self.replaceLink(sparePath + "/" + $0, withCopyOf: staging.path + "/" + $0) }),
              (try? SiteMarker.write(id: id, in: URL(fileURLWithPath: sparePath))) != nil else {
            FolderRemover.remove(sparePath)
            return false
        }
        return true
    }

    /// Puts at `path`, a link to `original`, a copy of its bytes of its own.
    private static func replaceLink(_ path: String, withCopyOf original: String) -> Bool {
        let source = open(original, O_RDONLY | O_CLOEXEC)
        guard source >= 0 else { return false }
        defer { close(source) }
        var st = stat()
        let temporary = path + ".copy"
        defer { unlink(temporary) }
        do {
            guard fstat(source, &st) == 0 else { return false }
            let sink = try ByteSink(path: temporary)
            try sink.copy(Int(st.st_size), from: source, at: 0)
            try sink.finish()
        } catch {
            return false
        }
        // Unlinked first, as `StagedSite.putMadeWithHash` does: a rename over a file makes ext4 write it out at once.
        return unlink(path) == 0 && rename(temporary, path) == 0
    }

    /// Removes the spare `linkSpare` made, for a build that fails before its swap.
    func removeSpare() {
        FolderRemover.remove(sparePath)
    }

    /// Removes a staging folder after a failed build.
    public func discard(_ staging: URL) {
        FolderRemover.remove(staging.path)
    }

    /// Clears what killed builds left beside the output (`.public.building-PID`, `.public.old-PID`):
    /// a site lost between two renames is put back, and the user's dot entries in a leftover old
    /// site move back into the output. Call it only while holding the project's build lock.
    /// - Returns: the leftovers removed.
    @discardableResult
    public func removeLeftovers() -> [String] {
        let fm = FileManager.default
        let names = ((try? fm.contentsOfDirectory(atPath: parent.path)) ?? []).filter {
            for prefix in [stagingPrefix, oldPrefix] where $0.hasPrefix(prefix) {
                return !$0.dropFirst(prefix.count).isEmpty && $0.dropFirst(prefix.count).allSatisfy(\.isNumber)
            }
            return false
        }.sorted()
        var removed: [String] = []
        for name in names {
            let leftover = parent.appendingPathComponent(name)
            if name.hasPrefix(oldPrefix), !fm.fileExists(atPath: output.path), (try? fm.moveItem(at: leftover, to: output)) != nil {
                continue
            }
            if fm.fileExists(atPath: output.path) { rescueUserEntries(from: leftover) }
            FolderRemover.remove(leftover.path)
            if !fm.fileExists(atPath: leftover.path) { removed.append(name) }
        }
        return removed
    }

    /// Moves the top-level dot entries of `old` that the output lacks into the output: they are the
    /// user's (the build's own marker is always already there).
    private func rescueUserEntries(from old: URL) {
        let fm = FileManager.default
        for name in ((try? fm.contentsOfDirectory(atPath: old.path)) ?? []) where name.hasPrefix(".") {
            let target = output.appendingPathComponent(name)
            if !fm.fileExists(atPath: target.path) { try? fm.moveItem(at: old.appendingPathComponent(name), to: target) }
        }
    }

    /// `renameat2(RENAME_EXCHANGE)`: both paths swap in one step, so the output is never missing.
    /// Looked up at run time: glibc's headers do not reach Swift, and older systems lack the call.
    private static func exchange(_ a: String, _ b: String) -> Bool {
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        #if os(Linux)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let renameExchange: UInt32 = 1 << 1
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
        #else
        return false
        #endif
    }

    public struct WriteError: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }
}

/// The first error from concurrent writers.
final class LockedError: @unchecked Sendable {
    private let lock = NSLock()
    private var first: String?

    var message: String? { lock.withLock { first } }

    func set(_ message: String) {
        lock.withLock { if first == nil { first = message } }
    }
}
