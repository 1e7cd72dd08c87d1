import Foundation

/// What the topic pages quote of every report, kept on disk rather than in memory: at 10,000
/// reports the passages are 22 MB, while the whole build peaks at under 100 MB. The sources step
/// appends each report's passages here and keeps where they lie (`ListedReport.passages`); the
/// topic pages read them back.
///
/// One file a build, `passages-<token>.bin` in the cache folder beside the records with that token,
/// whose written bytes never change: a build starts its file as a second name of the last build's
/// (`init(extending:)`) and appends what it parses, so the spans of the reports it reuses stay valid
/// without copying them (222 MB at 100,000 reports); the other names are removed once the new site
/// is in place. A file that is mostly passages no report refers to any more is copied afresh.
final class PassageStore: @unchecked Sendable {
    let url: URL
    private let fd: Int32
    /// The store this one extends: its spans read the same here.
    private let extended: URL?
    private let lock = NSLock()
    private var end = 0
    private var writeFailure: String?

    static func url(in folder: URL, token: String) -> URL {
        folder.appendingPathComponent("passages-\(token).bin")
    }

    /// A new, empty store for the build whose records have `token`.
    init(creatingIn folder: URL, token: String) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        url = Self.url(in: folder, token: token)
        fd = open(url.path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        extended = nil
        guard fd >= 0 else { throw SiteWriter.WriteError(message: "cannot create \(url.path): \(String(cString: strerror(errno)))") }
    }

    /// A store for the build whose records have `token` that holds `previous`'s bytes (its file
    /// linked under a second name) and appends after them; nil when the file cannot be linked, or
    /// when more than half of it is passages the `live` bytes (those of the records it may reuse)
    /// no longer cover.
    init?(extending previous: PassageStore, token: String, live: Int) {
        let folder = previous.url.deletingLastPathComponent()
        url = Self.url(in: folder, token: token)
        var st = stat()
        guard fstat(previous.fd, &st) == 0, Int(st.st_size) <= 2 * live + (1 << 20) else { return nil }
        unlink(url.path)
        guard link(previous.url.path, url.path) == 0 else { return nil }
        fd = open(url.path, O_RDWR | O_CLOEXEC)
        guard fd >= 0 else {
            unlink(url.path)
            return nil
        }
        end = Int(st.st_size)
        extended = previous.url
    }

    /// The store of an earlier build, to read; nil when it is gone.
    init?(in folder: URL, token: String) {
        url = Self.url(in: folder, token: token)
        extended = nil
        fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
    }

    deinit { close(fd) }

    /// Why a write failed, if one did: the build cannot show the passages, and fails.
    var failure: String? { lock.withLock { writeFailure } }

    /// Appends one report's passages (from any thread) and returns where they lie; nil for none.
    func append(_ bytes: [UInt8]) -> Range<Int>? {
        guard !bytes.isEmpty else { return nil }
        let start = lock.withLock {
            defer { end += bytes.count }
            return end
        }
        let written = bytes.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                let n = pwrite(fd, buffer.baseAddress! + done, buffer.count - done, off_t(start + done))
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { return false }
                done += n
            }
            return true
        }
        guard written else {
            let message = "cannot write \(url.path): \(String(cString: strerror(errno)))"
            lock.withLock { writeFailure = writeFailure ?? message }
            return nil
        }
        return start..<(start + bytes.count)
    }

    /// The bytes at `span`; nil when they cannot all be read.
    func read(_ span: Range<Int>) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: span.count)
        let complete = bytes.withUnsafeMutableBytes { buffer in
            var done = 0
            while done < buffer.count {
                let n = pread(fd, buffer.baseAddress! + done, buffer.count - done, off_t(span.lowerBound + done))
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { return false }
                done += n
            }
            return true
        }
        return complete ? bytes : nil
    }

    /// `record` with its reports' passages copied from `previous` into this store; nil when they
    /// cannot be read there (the source is then parsed again).
    func carry(_ record: SourceRecord, from previous: PassageStore?) -> SourceRecord? {
        if let previous, previous.url == extended { return record }
        var record = record
        for i in record.reports.indices {
            guard let span = record.reports[i].passages else { continue }
            guard let bytes = previous?.read(span), let copied = append(bytes) else { return nil }
            record.reports[i].passages = copied
        }
        return record
    }

    /// Removes the stores of other builds from the folder: once the site this one was built with
    /// is in place, and the saved cache names it, nothing refers to them.
    func removeOthers() {
        let folder = url.deletingLastPathComponent()
        let mine = url.lastPathComponent
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        where name.hasPrefix("passages-") && name.hasSuffix(".bin") && name != mine {
            unlink(folder.appendingPathComponent(name).path)
        }
    }

    /// Removes this store: the build that wrote it failed, and no cache names it.
    func remove() {
        unlink(url.path)
    }
}
