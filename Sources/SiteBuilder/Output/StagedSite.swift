import Foundation

/// The staging folder of a build, filled by many threads at once as pages are rendered, so a
/// page's bytes are written and dropped straight away and memory does not grow with the site.
/// A file whose bytes equal those of the site in place is hard-linked from it, not rewritten.
///
/// The folder may start out holding the last site but one (`SiteWriter`'s spare), whose files
/// and hashes are `kept`: a file it already holds with the right bytes is left as it is, so an
/// edit to one source writes and links only what changed, not 275,000 files. Kept files may share
/// their inode with the site in place, so none is ever written through: a file replaced is
/// unlinked first, and `sweep()` removes the kept files the build did not put.
///
/// Paths are numbered in the `PathTable` of `previous`, once per call: the tables are then read by number.
final class StagedSite: @unchecked Sendable {
    private let previous: SiteFiles
    private let kept: SiteFiles
    private var paths: PathTable { previous.paths }
    /// The two folders as paths ending in `/`. Paths are joined as strings: `URL.appendingPathComponent`
    /// asks the file system whether each is a folder, a stat per file that took seconds at 100,000 reports.
    private let root: String
    private let previousRoot: String
    private let lock = NSLock()
    private var folders: Set<String> = [""]
    private var hashes: SiteFiles
    private var failure: String?
    private(set) var written = 0
    /// Files linked from the site in place: every unchanged file when the folder started empty, none
    /// when it started from a spare that already held them.
    private(set) var linked = 0

    init(folder: URL, previousFolder: URL, previous: SiteFiles, kept: SiteFiles = SiteFiles()) {
        self.previous = previous
        self.kept = kept.renumbered(in: previous.paths)
        hashes = SiteFiles(paths: previous.paths)
        hashes.reserveCapacity(previous.paths.count)
        root = folder.path + "/"
        previousRoot = previousFolder.path + "/"
    }

    /// Puts `file` in the staging folder and returns its content hash.
    @discardableResult
    func put(_ file: OutputFile) -> UInt64 {
        let hash = ContentHash.of(file.bytes)
        let n = paths.number(file.path)
        if keep(n, hash: hash) { return hash }
        if previous[n] == hash, linkFromPrevious(file.path, n, hash: hash) { return hash }
        ensureFolder(of: file.path)
        let path = root + file.path
        clear(file.path, n)
        let ok = Self.write(file.bytes, to: path)
        lock.withLock {
            if ok {
                hashes[n] = hash
                written += 1
            } else if failure == nil {
                failure = "cannot write \(path): \(String(cString: strerror(errno)))"
            }
        }
        return hash
    }

    /// Puts a source's original file (`bytes`, read from `sourcePath`) in the staging folder and
    /// returns its hash: hard-linked from the content folder, which costs no space and no copy, or
    /// copied where a link cannot be made (another file system). The build never writes through a
    /// path it linked (`put` unlinks first; the preview server renames over its files), so the
    /// content folder's file is never changed by a build.
    func putOriginal(_ path: String, from sourcePath: String, bytes: [UInt8]) -> UInt64 {
        let hash = ContentHash.of(bytes)
        let n = paths.number(path)
        if keep(n, hash: hash) { return hash }
        if previous[n] == hash, linkFromPrevious(path, n, hash: hash) { return hash }
        ensureFolder(of: path)
        clear(path, n)
        // Linked only while the file still holds the bytes that were parsed.
        if let now = FileManager.default.contents(atPath: sourcePath), now.count == bytes.count, ContentHash.of([UInt8](now)) == hash,
           link(sourcePath, root + path) == 0 {
            lock.withLock { hashes[n] = hash }
            return hash
        }
        return put(OutputFile(path: path, bytes: bytes))
    }

    /// Puts a file too large to hold in memory, which `make` writes at the temporary path it is
    /// given (beside the file's place in the staging folder), and returns its hash; nil when `make`
    /// throws, which fails the build like any file that cannot be written.
    @discardableResult
    func putMade(_ path: String, _ make: (_ temporaryPath: String) throws -> Void) -> UInt64? {
        putMadeWithHash(path) { try make($0); return try ContentHash.ofFile($0) }
    }

    /// `putMade` for a file whose maker also gives its content hash, so the file is not read back
    /// to hash it (the data export hashes the rows it renders and knows those it copies).
    func putMadeWithHash(_ path: String, _ make: (_ temporaryPath: String) throws -> UInt64) -> UInt64? {
        ensureFolder(of: path)
        let name = (path as NSString).lastPathComponent
        let temporary = root + (path as NSString).deletingLastPathComponent + "/.\(name).part"
        defer { unlink(temporary) }
        do {
            let hash = try make(temporary)
            let n = paths.number(path)
            if keep(n, hash: hash) { return hash }
            if previous[n] == hash, linkFromPrevious(path, n, hash: hash) { return hash }
            // The name is freed first: ext4 writes out a file renamed over another at once (its
            // `auto_da_alloc`, for files replaced in place), 0.4 s for a 426 MB export, and nothing
            // reads the staging folder before the swap.
            unlink(root + path)
            guard rename(temporary, root + path) == 0 else {
                throw SiteWriter.WriteError(message: "cannot write \(root + path): \(String(cString: strerror(errno)))")
            }
            lock.withLock {
                hashes[n] = hash
                written += 1
            }
            return hash
        } catch {
            lock.withLock { if failure == nil { failure = "\(error)" } }
            return nil
        }
    }

    /// The folder's own copy of the file at `path`, which it started with and no other site shares
    /// (one link): its hash and size, or nil. Such a file may be rewritten in place (`putPatched`).
    func ownCopy(_ path: String) -> (hash: UInt64, size: Int)? {
        guard let n = paths.existing(path), let hash = kept[n], lock.withLock({ hashes[n] == nil }) else { return nil }
        var st = stat()
        guard lstat(root + path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_nlink == 1 else { return nil }
        return (hash, Int(st.st_size))
    }

    /// Rewrites in place the folder's own copy of `path` (`ownCopy`): `patch` is given its full path
    /// and returns its new content hash. Nil when `patch` throws, which fails the build, and with it
    /// this folder, which the file no longer matches.
    func putPatched(_ path: String, _ patch: (_ fullPath: String) throws -> UInt64) -> UInt64? {
        let n = paths.number(path)
        do {
            let hash = try patch(root + path)
            lock.withLock {
                hashes[n] = hash
                written += 1
            }
            return hash
        } catch {
            fail("\(error)")
            return nil
        }
    }

    /// Writes `bytes` to a new or truncated file with plain system calls: Foundation's `Data.write`
    /// took milliseconds a file, which the preview server's fast path cannot afford.
    /// `flags` may ask to append to a file instead.
    static func write(_ bytes: [UInt8], to path: String, flags: Int32 = O_WRONLY | O_CREAT | O_TRUNC) -> Bool {
        bytes.withUnsafeBufferPointer { buffer -> Bool in
            let fd = open(path, flags, 0o644)
            guard fd >= 0 else { return false }
            defer { close(fd) }
            var done = 0
            while done < buffer.count {
                let n = Foundation.write(fd, buffer.baseAddress! + done, buffer.count - done)
                if n <= 0 { return false }
                done += n
            }
            return true
        }
    }

    /// Keeps the file the folder started with at `path`, whatever its bytes; false when there is none.
    func keepUnchanged(_ path: String) -> Bool {
        guard let n = paths.existing(path), let hash = kept[n] else { return false }
        return keep(n, hash: hash)
    }

    /// Takes back the file put at `path` in this build: the folder no longer holds it.
    func withdraw(_ path: String) {
        guard let n = paths.existing(path) else { return }
        unlink(root + path)
        lock.withLock { hashes[n] = nil }
    }

    /// Links the file at `path` from the site in place, whatever its bytes; false when there is none.
    func linkUnchanged(_ path: String) -> Bool {
        guard let n = paths.existing(path), let hash = previous[n] else { return false }
        return linkFromPrevious(path, n, hash: hash)
    }

    /// Reuses an unchanged file of the site in place without its bytes; false when that is not possible.
    func linkFromPrevious(_ path: String, hash: UInt64) -> Bool {
        guard let n = paths.existing(path) else { return false }
        return linkFromPrevious(path, n, hash: hash)
    }

    /// Reuses the files of a source that is not parsed again, all unchanged in the site in place:
    /// each is kept or linked, except a report page (`head` set), which must be there and is
    /// finished by the report links step. False when one is not there with its hash: the source is
    /// then parsed and its files put. The kept files are counted under one lock, not one a file:
    /// after an edit nearly every file of the site comes here.
    func reuse(_ files: [SourceRecord.File]) -> Bool {
        var keeping: [(number: Int, hash: UInt64)] = []
        keeping.reserveCapacity(files.count)
        for (file, n) in zip(files, paths.existing(files.lazy.map(\.path))) {
            guard let n, previous[n] == file.hash else { return false }
            if file.head != nil { continue }
            if kept[n] == file.hash {
                keeping.append((n, file.hash))
            } else if !linkFromPrevious(file.path, n, hash: file.hash) {
                return false
            }
        }
        lock.withLock { for (n, hash) in keeping { hashes[n] = hash } }
        return true
    }

    /// `linkFromPrevious` for the path numbered `n`.
    private func linkFromPrevious(_ path: String, _ n: Int, hash: UInt64) -> Bool {
        guard previous[n] == hash else { return false }
        if keep(n, hash: hash) { return true }
        ensureFolder(of: path)
        clear(path, n)
        guard link(previousRoot + path, root + path) == 0 else { return false }
        lock.withLock {
            hashes[n] = hash
            linked += 1
        }
        return true
    }

    /// True when the folder already holds the path numbered `n` with these bytes, which then count as put.
    private func keep(_ n: Int, hash: UInt64) -> Bool {
        guard kept[n] == hash else { return false }
        lock.withLock { hashes[n] = hash }
        return true
    }

    /// Unlinks what the folder holds at `path` (numbered `n`) before a new file takes its place: a
    /// kept file or one linked earlier in this build shares its inode with the site in place, which
    /// writing through it would change.
    private func clear(_ path: String, _ n: Int) {
        if kept[n] != nil || lock.withLock({ hashes[n] != nil }) { unlink(root + path) }
    }

    /// Removes the kept files that this build did not put, and the folders that leaves empty, so
    /// the folder holds exactly the build's files. Called once every file is put.
    func sweep() {
        let stale: [Int] = lock.withLock { kept.numbers.filter { hashes[$0] == nil } }
        var emptied = Set<String>()
        for path in stale.map({ paths.path($0) }) {
            unlink(root + path)
            emptied.insert((path as NSString).deletingLastPathComponent)
        }
        // A folder's path is longer than its parent's, so the deepest go first; `rmdir` leaves a
        // folder that still holds something.
        for var folder in emptied.sorted(by: { $0.count > $1.count }) {
            while !folder.isEmpty, rmdir(root + folder) == 0 { folder = (folder as NSString).deletingLastPathComponent }
        }
    }

    private func ensureFolder(of path: String) {
        let dir = (path as NSString).deletingLastPathComponent
        let known = lock.withLock { folders.contains(dir) }
        guard !known else { return }
        try? FileManager.default.createDirectory(atPath: root + dir, withIntermediateDirectories: true)
        lock.withLock { _ = folders.insert(dir) }
    }

    /// The bytes of a file put or linked in this build; nil when it cannot be read.
    func contents(of path: String) -> [UInt8]? {
        var st = stat()
        guard stat(root + path, &st) == 0 else { return nil }
        return Self.read(Int(st.st_size), from: root + path)
    }

    /// The bytes of a file of the site in place; nil when it cannot be read.
    func previousContents(of path: String) -> [UInt8]? {
        var st = stat()
        guard stat(previousRoot + path, &st) == 0 else { return nil }
        return Self.read(Int(st.st_size), from: previousRoot + path)
    }

    /// Every file put or linked, with its hash: the next build's `previous`.
    var manifest: SiteFiles { lock.withLock { hashes } }

    func check() throws {
        if let message = lock.withLock({ failure }) { throw SiteWriter.WriteError(message: message) }
    }
}

/// Report pages are written in two parts (`ReportPageSlot`): the head while the source is parsed,
/// the rest once the whole archive is known.
extension StagedSite {
    /// Writes the head of a report page, to be completed by `finish`; returns the head's hash.
    func putHead(_ path: String, _ head: [UInt8]) -> UInt64 {
        ensureFolder(of: path)
        let target = root + path
        clear(path, paths.number(path))
        if Self.write(head, to: target) {
            lock.withLock { written += 1 }
        } else {
            fail("cannot write \(target): \(String(cString: strerror(errno)))")
        }
        return ContentHash.of(head)
    }

    /// Appends `rest` to a head `putHead` wrote in this build (never a linked file), so the page is
    /// whole and known by `hash`.
    func finish(_ path: String, rest: [UInt8], hash: UInt64) {
        let target = root + path
        if Self.write(rest, to: target, flags: O_WRONLY | O_APPEND) {
            let n = paths.number(path)
            lock.withLock { hashes[n] = hash }
        } else {
            fail("cannot write \(target): \(String(cString: strerror(errno)))")
        }
    }

    /// True when the site in place has the file at `path` with this hash; nothing is linked yet.
    func hasPrevious(_ path: String, hash: UInt64) -> Bool {
        previous[path] == hash
    }

    /// Finishes the page of a source that was not parsed again: linked from the site in place when
    /// its bytes are unchanged (`hash`), else its head (`headLength` bytes, whose hash is `head`)
    /// read back from the page in place and written, with `rest`, as a new file.
    func finishFromPrevious(_ path: String, head: UInt64, headLength: Int, rest: [UInt8], hash: UInt64) {
        let n = paths.number(path)
        if keep(n, hash: hash) || linkFromPrevious(path, n, hash: hash) { return }
        guard var bytes = Self.read(headLength, from: previousRoot + path), ContentHash.of(bytes) == head else {
            return fail("\(previousRoot + path) is not the page the last build wrote (changed outside a build?): delete .archive-cache/ to build everything anew")
        }
        ensureFolder(of: path)
        clear(path, n)
        bytes += rest
        if Self.write(bytes, to: root + path) {
            lock.withLock {
                hashes[n] = hash
                written += 1
            }
        } else {
            fail("cannot write \(root + path): \(String(cString: strerror(errno)))")
        }
    }

    private func fail(_ message: String) {
        lock.withLock { if failure == nil { failure = message } }
    }

    /// The first `count` bytes of the file at `path`; nil when it is shorter or cannot be read.
    private static func read(_ count: Int, from path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let n = bytes.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress! + done, count - done) }
            if n <= 0 { return nil }
            done += n
        }
        return bytes
    }
}
