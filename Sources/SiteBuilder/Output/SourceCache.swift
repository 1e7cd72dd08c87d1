import Foundation
import ReportModel

/// What a build made of one source file: enough to reuse it untouched in the next build (pages
/// linked, listing taken from here) without reading the source again.
struct SourceRecord: Sendable, Equatable {
    struct File: Sendable, Equatable {
        var path: String
        var hash: UInt64
        /// For a report page finished by the "report links" step (`ReportPageSlot`): the hash and
        /// length of the part before its links.
        var head: UInt64? = nil
        var headLength = 0
        /// Its head was written in this build and waits for the rest (not saved).
        var staged = false
    }

    var name: String
    var slug: String
    /// The hash of the source's bytes.
    var hash: UInt64
    /// The source's bytes, the build's inputs and the slug, hashed together: the pages are current
    /// while this matches.
    var key: UInt64
    /// Why the source could not be read; the next build tries it again.
    var error: String?
    var reports: [ListedReport]
    /// Its report pages, their Markdown and its source copy.
    var files: [File]
    /// The parser's warnings on its reports, each naming the source and report: said on every build.
    var warnings: [String] = []
}

/// `.archive-cache/sources.tsv`: the records of the last build, kept between processes, so a new
/// build parses only the sources that changed. Tab-separated lines rather than JSON: at 100,000
/// reports JSONEncoder alone took seconds.
///
///     build   <token>      the first line: the `BuildManifest` saved with these records names it
///     source  <name> <slug> <hash> <key>
///     file    <path> <hash> [<head hash> <head length>]
///     report  <slug> <id> <position> <title> <listed title> <issuer> <province> <prefecture> <county>
///             <level> <code> <year> <type> <complete> <signed> <published> <topics> <fingerprint>
///     detail  <department> <period> <duplicate of>     only when one of them is set
///     minhash <signature>  128 values of 4 hex digits (`MinHash`)
///     outline <start> <end> <hash> <sections> <figures>   where the report's sections and figures
///             lie in the `ListingStore` of this token, their hash and how many there are
///     passages <start> <end>    where the report's passages lie in that store
///     warning <text>
///
/// Lines after a `source` line belong to it, a `detail`, `minhash`, `outline` or `passages` to the
/// report above it; a report without an `outline` line has none; `\N` is null; topics are
/// comma-separated indices. Files of versions that kept outlines here (`section` and `figure`
/// lines) do not read: that build starts without a cache.
///
/// A build that changed few records writes only those, to `sources-changes.tsv`, kept against the
/// whole file (one edited source at 100,000 reports rewrote 263 MB):
///
///     build   <token> <token of sources.tsv>
///     source  …        records that replace those of sources.tsv, in the lines above
///     gone    <name>   a record of sources.tsv that no longer is
enum SourceCache {
    static let fileName = "sources.tsv"
    static let changesFileName = "sources-changes.tsv"

    /// The records as `sources.tsv` holds them: what a later build's changes are kept against. Held
    /// as the records read, its changes applied, and the file's own of those the changes touched:
    /// the records and the base then share one dictionary, not two copies of 35,000 records.
    struct Base {
        var token: String
        private let current: [String: SourceRecord]
        /// The file's record of each source the changes replaced, added (nil) or removed.
        private let replaced: [String: SourceRecord?]
        /// How many records the file holds.
        let count: Int

        init(token: String, records: [String: SourceRecord]) {
            self.init(token: token, current: records, replaced: [:])
        }

        init(token: String, current: [String: SourceRecord], replaced: [String: SourceRecord?]) {
            (self.token, self.current, self.replaced) = (token, current, replaced)
            count = current.count - replaced.keys.filter { current[$0] != nil }.count + replaced.values.filter { $0 != nil }.count
        }

        /// The file's record of source `name`.
        subscript(name: String) -> SourceRecord? {
            if let old = replaced[name] { return old }
            return current[name]
        }

        /// The names of the file's records.
        var names: [String] {
            current.keys.filter { replaced.index(forKey: $0) == nil } + replaced.compactMap { $0.value == nil ? nil : $0.key }
        }
    }

    /// The records saved with `token` (any, when nil); none when the files hold another build's.
    static func load(from folder: URL, token: String?) -> [String: SourceRecord] {
        read(from: folder, token: token).records
    }

    /// The records saved with `token` (any, when nil), the whole file they were kept against, and
    /// the token they were saved with (nil with no records): read with no token, before the manifest
    /// that names one, the caller checks it.
    static func read(from folder: URL, token: String?) -> (records: [String: SourceRecord], base: Base?, token: String?) {
        let changes = contents(of: folder.appendingPathComponent(changesFileName).path).flatMap(Self.tokens)
        if let changes, token == nil || changes.tokens.first == token, changes.tokens.count == 2,
           var records = parseFile(folder.appendingPathComponent(fileName), token: changes.tokens[1])?.records,
           let part = parse(changes.bytes, from: changes.body, to: changes.bytes.count) {
            var replaced: [String: SourceRecord?] = [:]
            for name in part.gone {
                let old = records.removeValue(forKey: name)
                if replaced.index(forKey: name) == nil { replaced[name] = old }
            }
            for record in part.records {
                let old = records.updateValue(record, forKey: record.name)
                if replaced.index(forKey: record.name) == nil { replaced[record.name] = old }
            }
            return (records, Base(token: changes.tokens[1], current: records, replaced: replaced), changes.tokens[0])
        }
        guard let whole = parseFile(folder.appendingPathComponent(fileName), token: token) else { return ([:], nil, nil) }
        return (whole.records, Base(token: whole.token, records: whole.records), whole.token)
    }

    /// A cache file's bytes, the tokens of its `build` line and where the lines after it start.
    private static func tokens(_ bytes: [UInt8]) -> (bytes: [UInt8], tokens: [String], body: Int)? {
        let header = Array("build\t".utf8)
        guard bytes.starts(with: header), let end = bytes.firstIndex(of: 0x0A) else { return nil }
        let tokens = bytes[header.count..<end].split(separator: 0x09, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        return (bytes, tokens, end + 1)
    }

    /// Every record of a whole file saved with `token` (any, when nil), and that token; nil when it
    /// holds another build's or a line does not read. Read in blocks (`RecordBlocks`), each parsed
    /// in parts on all cores; the records go into one dictionary sized for them all.
    private static func parseFile(_ url: URL, token: String?) -> (token: String, records: [String: SourceRecord])? {
        guard let blocks = RecordBlocks(path: url.path), let first = blocks.next(), let file = tokens(first),
              file.tokens.count == 1, token == nil || file.tokens[0] == token else { return nil }
        var parts: [Part] = []
        var block = first, start = file.body
        while true {
            guard let parsed = parseBlock(block, from: start) else { return nil }
            parts += parsed
            guard let next = blocks.next() else { break }
            (block, start) = (next, 0)
        }
        guard !blocks.failed else { return nil }
        var records: [String: SourceRecord] = [:]
        records.reserveCapacity(parts.reduce(0) { $0 + $1.records.count })
        // Moved out of the parts, not copied: a copy retained, and the parts' end released, each
        // of a record's strings and arrays. Taken from the end, so of two records of one source
        // the later in the file is put back.
        for p in parts.indices.reversed() {
            while let record = parts[p].records.popLast() {
                let name = record.name
                if let later = records.updateValue(record, forKey: name) { records[name] = later }
            }
        }
        return (file.tokens[0], records)
    }

    /// The records of `bytes[first...]`, which starts at a `source` line, parsed in parts on all
    /// cores; nil when a line does not read.
    private static func parseBlock(_ bytes: [UInt8], from first: Int) -> [Part]? {
        let count = max(1, min(ProcessInfo.processInfo.activeProcessorCount, (bytes.count - first) >> 20))
        var bounds = [first]
        let sourceLine = Array("\nsource\t".utf8)
        for p in 1..<count {
            var i = max(bounds.last!, first + (bytes.count - first) * p / count)
            while i + sourceLine.count <= bytes.count, !bytes[i..<(i + sourceLine.count)].elementsEqual(sourceLine) { i += 1 }
            if i + sourceLine.count <= bytes.count { bounds.append(i + 1) }
        }
        bounds.append(bytes.count)
        let parts = bounds
        let results = ResultSlots<Part?>(count: parts.count - 1)
        let shared = UncheckedBox(bytes)
        DispatchQueue.concurrentPerform(iterations: parts.count - 1) { p in
            results.set(p, parse(shared.value, from: parts[p], to: parts[p + 1]))
        }
        var parsed: [Part] = []
        for part in results.values {
            // Not a file this version wrote (or a `gone` line where none belongs): build without it.
            guard let part, part.gone.isEmpty else { return nil }
            parsed.append(part)
        }
        return parsed
    }

    /// The file's bytes read straight into an array: through `Data` the file was in memory twice.
    private static func contents(of path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return nil }
        let size = Int(st.st_size)
        guard size > 0 else { return [] }
        var complete = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var done = 0
            while done < size {
                let n = Foundation.read(fd, buffer.baseAddress! + done, size - done)
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { break }
                done += n
            }
            count = done
            complete = done == size
        }
        return complete ? bytes : nil
    }

    /// The records of some lines in file order, and the names a changes file says are gone.
    private struct Part {
        var records: [SourceRecord] = []
        var gone: [String] = []
    }

    /// The records whose lines lie in `bytes[first..<last]`, which starts at a `source` or `gone`
    /// line; nil when a line does not read.
    private static func parse(_ bytes: [UInt8], from first: Int, to last: Int) -> Part? {
        bytes.withUnsafeBufferPointer { parse($0, from: first, to: last) }
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, from first: Int, to last: Int) -> Part? {
        var part = Part()
        var current: SourceRecord?
        // The index of the current source's last report, -1 for none: tested through `current`,
        // the whole record was copied for each line.
        var lastReport = -1
        let ends = UnsafeMutableBufferPointer<Int>.allocate(capacity: CacheLine.capacity)
        defer { ends.deallocate() }
        var f = CacheLine(bytes, ends: ends)
        var recent = RecentFields()
        // Over half the file is `minhash` lines, whose length is known: they are read without
        // looking through them for their tabs and line break (one of another length does not read).
        let minhashWord = Array("minhash\t".utf8), minhashLength = minhashWord.count + MinHash.size * 4
        var start = first
        while start < last {
            if start + minhashLength <= last, start + minhashLength == last || bytes[start + minhashLength] == 0x0A,
               memcmp(bytes.baseAddress! + start, minhashWord, minhashWord.count) == 0 {
                let digits = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[(start + minhashWord.count)..<(start + minhashLength)])
                guard lastReport >= 0, let signature = CacheLine.signature(digits, size: MinHash.size) else { return nil }
                current!.reports[lastReport].minhash = signature
                start += minhashLength + 1
                continue
            }
            let end = memchr(bytes.baseAddress! + start, 0x0A, last - start)
                .map { bytes.baseAddress!.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? last
            defer { start = end + 1 }
            guard end > start else { continue }
            f.split(start, end)
            switch (f.firstByte, f.count) {
            case (UInt8(ascii: "o"), 6) where f.is(0, "outline"):
                guard lastReport >= 0, let start = f.int(1), let end = f.int(2), start < end, let hash = f.hex(3),
                      let sections = f.int(4).flatMap(Int32.init(exactly:)), let figures = f.int(5).flatMap(Int32.init(exactly:))
                else { return nil }
                current!.reports[lastReport].outline = .stored(.init(span: start..<end, hash: hash, sections: sections, figures: figures))
            case (UInt8(ascii: "s"), 5) where f.is(0, "source"):
                if let done = current.take() { part.records.append(done) }
                guard let name = f.string(1), let slug = f.string(2), let hash = f.hex(3), let key = f.hex(4) else { return nil }
                current = SourceRecord(name: name, slug: slug, hash: hash, key: key, error: nil, reports: [], files: [])
                lastReport = -1
            case (UInt8(ascii: "f"), 3) where f.is(0, "file"), (UInt8(ascii: "f"), 5) where f.is(0, "file"):
                guard current != nil, let path = f.string(1), let hash = f.hex(2) else { return nil }
                var file = SourceRecord.File(path: path, hash: hash)
                if f.count == 5 {
                    guard let head = f.hex(3), let length = f.int(4) else { return nil }
                    (file.head, file.headLength) = (head, length)
                }
                current!.files.append(file)
            case (UInt8(ascii: "r"), 19) where f.is(0, "report"):
                // A report's id is mostly its slug: then they share one `String`.
                guard current != nil, let slug = f.string(1), let id = f.same(1, 2) ? slug : f.string(2), let position = f.int(3),
                      let type = f.string(13).flatMap(DocType.init(rawValue:)), let topics = f.indices(17),
                      let fingerprint = f.hex(18) else { return nil }
                current!.reports.append(ListedReport(
                    slug: slug, id: id, sourceFile: current!.name, position: position, title: f.string(4),
                    listedTitle: f.string(5), issuer: recent.string(6, of: f),
                    region: Region(province: recent.string(7, of: f), prefecture: recent.string(8, of: f), county: recent.string(9, of: f),
                                   level: recent.string(10, of: f), code: recent.string(11, of: f)),
                    year: f.int(12), docType: type, complete: f.is(14, "1"), signedDate: recent.string(15, of: f),
                    publishedDate: recent.string(16, of: f), topics: topics, sections: [], fingerprint: fingerprint))
                lastReport += 1
            case (UInt8(ascii: "d"), 4) where f.is(0, "detail"):
                guard lastReport >= 0 else { return nil }
                current!.reports[lastReport].department = f.string(1)
                current!.reports[lastReport].period = f.string(2)
                current!.reports[lastReport].duplicateOf = f.string(3)
            case (UInt8(ascii: "p"), 3) where f.is(0, "passages"):
                guard lastReport >= 0, let start = f.int(1), let end = f.int(2), start < end else { return nil }
                current!.reports[lastReport].passages = start..<end
            case (UInt8(ascii: "w"), 2) where f.is(0, "warning"):
                guard current != nil, let text = f.string(1) else { return nil }
                current!.warnings.append(text)
            case (UInt8(ascii: "g"), 2) where f.is(0, "gone"):
                guard let name = f.string(1) else { return nil }
                part.gone.append(name)
            default:
                return nil  // not a file this version wrote: build without it
            }
        }
        if let done = current.take() { part.records.append(done) }
        return part
    }

    /// The last text read in each field of a report line: the issuer, region and dates mostly repeat
    /// from one report to the next, and then share one `String` rather than allocate one each.
    private struct RecentFields {
        private var ranges = [Range<Int>?](repeating: nil, count: CacheLine.capacity)
        private var values = [String?](repeating: nil, count: CacheLine.capacity)

        /// `f.string(i)`, the one read before when the field's bytes are the same.
        mutating func string(_ i: Int, of f: CacheLine) -> String? {
            let range = f.range(i)
            if let last = ranges[i], last.count == range.count,
               memcmp(f.bytes.baseAddress! + last.lowerBound, f.bytes.baseAddress! + range.lowerBound, range.count) == 0 {
                return values[i]
            }
            ranges[i] = range
            values[i] = f.string(i)
            return values[i]
        }
    }

    /// Saves `records` as the cache of build `token`. Only the records that differ from `base` are
    /// written, as changes to it, while they are few; otherwise, or with no base, the whole file.
    /// Records of sources that failed are left out: they are read again next time.
    /// - Returns: the base the next save is kept against.
    @discardableResult
    static func save(_ records: [SourceRecord], token: String, to folder: URL, over base: Base? = nil) throws -> Base {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if let base {
            // A record is looked up once: those of the base all found, none of its records is gone.
            var changed: [SourceRecord] = [], found = 0
            for record in records where record.error == nil {
                if let old = base[record.name] {
                    found += 1
                    if old == record { continue }
                }
                changed.append(record)
            }
            var gone: [String] = []
            if found < base.count {
                let names = Set(records.lazy.filter { $0.error == nil }.map(\.name))
                gone = base.names.filter { !names.contains($0) }.sorted(by: ByteOrder.precedes)
            }
            if changed.count + gone.count <= max(64, base.count / 8) {
                try write(changed, gone: gone, header: [token, base.token], to: folder.appendingPathComponent(changesFileName))
                return base
            }
        }
        let kept = records.filter { $0.error == nil }
        try write(kept, gone: [], header: [token], to: folder.appendingPathComponent(fileName))
        // Changes kept against an older whole file name another token: a crash before this unlink
        // leaves them unread.
        unlink(folder.appendingPathComponent(changesFileName).path)
        return Base(token: token, records: Dictionary(kept.map { ($0.name, $0) }) { a, _ in a })
    }

    private static func write(_ records: [SourceRecord], gone: [String], header: [String], to url: URL) throws {
        let file = try CacheFile(url)
        // Written in chunks: the whole file for a large archive is over a hundred megabytes.
        var out: [UInt8] = []
        out.reserveCapacity(1 << 20)
        func line(_ fields: [String?]) throws {
            for (i, field) in fields.enumerated() {
                if i > 0 { out.append(0x09) }
                Field.append(field, to: &out)
            }
            out.append(0x0A)
            if out.count >= 1 << 20 {
                try file.write(out)
                out.removeAll(keepingCapacity: true)
            }
        }
        try line(["build"] + header)
        func list(_ topics: [Int]) -> String { topics.map(String.init).joined(separator: ",") }
        for record in records {
            try line(["source", record.name, record.slug, String(record.hash, radix: 16), String(record.key, radix: 16)])
            for file in record.files {
                try line(["file", file.path, String(file.hash, radix: 16)] + (file.head.map { [String($0, radix: 16), String(file.headLength)] } ?? []))
            }
            for r in record.reports {
                try line(["report", r.slug, r.id, String(r.position), r.title, r.listedTitle, r.issuer,
                          r.region.province, r.region.prefecture, r.region.county, r.region.level, r.region.code,
                          r.year.map(String.init), r.docType.rawValue, r.complete ? "1" : "0", r.signedDate, r.publishedDate,
                          list(r.topics), String(r.fingerprint, radix: 16)])
                if r.department != nil || r.period != nil || r.duplicateOf != nil {
                    try line(["detail", r.department, r.period, r.duplicateOf])
                }
                if let signature = r.minhash {
                    // Hex digits need no escaping: written straight, a tenth of the time.
                    out += Array("minhash\t".utf8)
                    Field.appendHex(signature, to: &out)
                    out.append(0x0A)
                }
                switch r.outline {
                case .stored(let o):
                    try line(["outline", String(o.span.lowerBound), String(o.span.upperBound), String(o.hash, radix: 16),
                              String(o.sections), String(o.figures)])
                case .held(let outline):
                    precondition(outline == .empty, "the sources step puts every outline in the build's ListingStore")
                }
                if let span = r.passages { try line(["passages", String(span.lowerBound), String(span.upperBound)]) }
            }
            for warning in record.warnings { try line(["warning", warning]) }
        }
        for name in gone { try line(["gone", name]) }
        try file.write(out)
        try file.commit()
    }

    /// Writes one field: text with tab, newline, carriage return and backslash escaped, or `\N` for
    /// null (`CacheLine` reads it).
    enum Field {
        static func appendHex(_ signature: [UInt16], to out: inout [UInt8]) {
            for v in signature {
                for shift: UInt16 in [12, 8, 4, 0] {
                    let digit = UInt8(v >> shift & 0xF)
                    out.append(digit < 10 ? 0x30 + digit : 0x61 + digit - 10)
                }
            }
        }

        static func append(_ value: String?, to out: inout [UInt8]) {
            guard let value else { return out.append(contentsOf: [0x5C, 0x4E]) }
            for b in value.utf8 {
                switch b {
                case 0x09: out.append(contentsOf: [0x5C, 0x74])
                case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
                case 0x0D: out.append(contentsOf: [0x5C, 0x72])
                case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
                default: out.append(b)
                }
            }
        }
    }
}
