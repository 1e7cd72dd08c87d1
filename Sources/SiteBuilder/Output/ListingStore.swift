import Foundation

/// The parts of every report's listing kept on disk rather than in memory: the passages its topic
/// pages quote and its outline (`PackedOutline`), side by side. With the outlines here a build of
/// 100,000 reports holds about 230 MB less, and its `sources.tsv` is 100 MB, not 263. The sources
/// step appends each report's passages and outline here and keeps where they lie
/// (`ListedReport.passages`, `.outline`); the topic pages, compare pages and data export read them
/// back, a `pread` a report.
///
/// One file a build, `listing-<token>.bin` in the cache folder beside the records with that token,
/// whose written bytes never change: a build starts its file as a second name of the last build's
/// (`init(extending:)`) and appends what it parses, so the spans of the reports it reuses stay valid
/// without copying them (370 MB at 100,000 reports); the other names are removed once the new site
/// is in place. A file that is mostly bytes no report refers to any more is copied afresh.
final class ListingStore: @unchecked Sendable {
    let url: URL
    private let fd: Int32
    /// The store this one extends: its spans read the same here.
    private let extended: URL?
    private let lock = NSLock()
    private var end = 0
    private var firstFailure: String?

    static func url(in folder: URL, token: String) -> URL {
        folder.appendingPathComponent("listing-\(token).bin")
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
    /// when more than half of it is bytes the `live` ones (those of the records it may reuse)
    /// no longer cover.
    init?(extending previous: ListingStore, token: String, live: Int) {
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

    /// Why a write or read failed, if one did: the build cannot show the passages and outlines, and fails.
    var failure: String? { lock.withLock { firstFailure } }

    private func noteFailure(_ message: String) {
        lock.withLock { firstFailure = firstFailure ?? message }
    }

    /// Appends bytes (from any thread) and returns where they lie; nil for none.
    func append(_ bytes: [UInt8]) -> Range<Int>? {
        guard !bytes.isEmpty else { return nil }
        let start = lock.withLock {
            defer { end += bytes.count }
            return end
        }
        guard bytes.withUnsafeBytes({ PositionalIO.write(fd, $0, at: start) }) else {
            noteFailure("cannot write \(url.path): \(String(cString: strerror(errno)))")
            return nil
        }
        return start..<(start + bytes.count)
    }

    /// The bytes at `span`; nil when they cannot all be read.
    func read(_ span: Range<Int>) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: span.count)
        let complete = bytes.withUnsafeMutableBytes { PositionalIO.read(fd, into: $0, at: span.lowerBound) }
        return complete ? bytes : nil
    }

    /// Puts `report`'s passages and outline here, side by side, and sets where they lie; an empty
    /// outline stays in the listing (it costs nothing there).
    func put(_ report: inout ListedReport, passages: [UInt8]) {
        let outline = report.outline.held
        let kept = outline == .empty ? [] : outline.bytes
        guard let span = append(passages + kept) else {
            report.passages = nil
            return
        }
        report.passages = passages.isEmpty ? nil : span.lowerBound..<(span.lowerBound + passages.count)
        if !kept.isEmpty { report.outline = .stored(.init(outline, at: (span.upperBound - kept.count)..<span.upperBound)) }
    }

    /// `report`'s outline, read from here when it is not held; empty when it cannot be read (the
    /// failure is kept, and fails the build).
    func outline(of report: ListedReport) -> PackedOutline {
        read(report, passages: false).outline
    }

    /// `report`'s outline and passages (nil for none), in one read where they lie side by side (as
    /// `put` leaves them): a topic page wants both of every report it lists. Empty when they cannot
    /// be read (the failure is kept, and fails the build).
    func read(_ report: ListedReport, passages wanted: Bool = true) -> (outline: PackedOutline, passages: [UInt8]?) {
        if let both = load(report, passages: wanted) { return both }
        noteFailure("cannot read \(url.path)")
        return (.empty, nil)
    }

    /// What `read` gives; nil when a read fails.
    private func load(_ report: ListedReport, passages wanted: Bool) -> (outline: PackedOutline, passages: [UInt8]?)? {
        let passages = wanted ? report.passages : nil
        guard case .stored(let stored) = report.outline else {
            guard let passages else { return (report.outline.held, nil) }
            return read(passages).map { (report.outline.held, $0) }
        }
        let start = passages.flatMap { $0.upperBound == stored.span.lowerBound ? $0.lowerBound : nil } ?? stored.span.lowerBound
        guard let bytes = read(start..<stored.span.upperBound) else { return nil }
        let cut = bytes.count - stored.span.count
        let outline = PackedOutline(packed: Array(bytes[cut...]))
        guard let passages else { return (outline, nil) }
        if cut > 0 { return (outline, Array(bytes[..<cut])) }
        return read(passages).map { (outline, $0) }
    }

    /// `record` with its reports' passages and outlines copied from `previous` into this store; nil
    /// when they cannot be read there, or read other than the record says (the source is then
    /// parsed again).
    func carry(_ record: SourceRecord, from previous: ListingStore?) -> SourceRecord? {
        if let previous, previous.url == extended { return record }
        var record = record
        for i in record.reports.indices where record.reports[i].passages != nil || record.reports[i].outline.isStored {
            guard let (outline, passages) = previous?.load(record.reports[i], passages: true),
                  outline.contentHash == record.reports[i].outlineHash else { return nil }
            record.reports[i].outline = .held(outline)
            put(&record.reports[i], passages: passages ?? [])
            guard failure == nil else { return nil }
        }
        return record
    }

    /// Removes the stores of other builds from the folder: once the site this one was built with
    /// is in place, and the saved cache names it, nothing refers to them.
    func removeOthers() {
        let folder = url.deletingLastPathComponent()
        let mine = url.lastPathComponent
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        // `passages-`: the stores of versions that kept only passages there.
        where (name.hasPrefix("listing-") || name.hasPrefix("passages-")) && name.hasSuffix(".bin") && name != mine {
            unlink(folder.appendingPathComponent(name).path)
        }
    }

    /// Removes this store: the build that wrote it failed, and no cache names it.
    func remove() {
        unlink(url.path)
    }
}
