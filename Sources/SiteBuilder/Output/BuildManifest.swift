import Foundation

/// What the last build read and wrote, kept in `.archive-cache/manifest.tsv` beside the config
/// (with `manifest-changes.tsv`: see `save`), so the next build — even in a new process — can tell
/// that nothing changed, and can link the files whose bytes are unchanged instead of writing them again.
///
/// It is trusted only for the site it names: saved before the site is swapped in, it describes a
/// site that a crash or another build may never have put in place, so a build compares `site` with
/// the site's marker and builds everything anew when they differ.
struct BuildManifest: Sendable, Equatable {
    /// The id of the site it describes (`SiteMarker`).
    var site = ""
    /// The token written at the top of the `SourceCache` saved with it.
    var records = ""
    /// Hash of the config, the templates and the build options.
    var inputs: UInt64 = 0
    /// Source file name → "size:mtime" (`ContentFolder.Source.stamp`).
    var sources: [String: String] = [:]
    /// Content hash of each file of the site in place.
    var outputs = SiteFiles()
    /// List page path → the key it was rendered with (`PageKeys`).
    var pages: [String: UInt64] = [:]
    /// The sources' parser warnings, said again by a build that finds nothing changed.
    var warnings: [String] = []
    /// The site the swap puts aside (`SiteWriter.Spare`), kept as its differences from `outputs`:
    /// its id, the files it holds with other bytes or alone, and the outputs it lacks.
    var spareSite: String?
    var spareDiffers = SiteFiles()
    var spareLacks: [String] = []
    /// The keys of the spare's list pages, as their differences from `pages`.
    var sparePagesDiffer: [String: UInt64] = [:]
    var sparePagesLack: [String] = []

    /// The spare in full; nil when the build kept none.
    var spare: SiteWriter.Spare? {
        guard let spareSite else { return nil }
        var files = outputs
        for path in spareLacks { files[path] = nil }
        let differs = spareDiffers.renumbered(in: outputs.paths)
        for n in differs.numbers { files[n] = differs[n] }
        var keys = pages
        for path in sparePagesLack { keys[path] = nil }
        keys.merge(sparePagesDiffer) { _, spare in spare }
        return SiteWriter.Spare(id: spareSite, files: files, pages: keys)
    }

    /// Records `spare` by its differences from `outputs` and `pages`, which must be set first.
    mutating func setSpare(_ spare: SiteWriter.Spare?) {
        spareSite = spare?.id
        spareDiffers = SiteFiles(paths: outputs.paths)
        spareLacks = []
        (sparePagesDiffer, sparePagesLack) = ([:], [])
        guard let spare else { return }
        let (differs, lacks) = spare.files.renumbered(in: outputs.paths).differences(from: outputs)
        for (n, hash) in differs { spareDiffers[n] = hash }
        spareLacks = lacks.map { outputs.paths.path($0) }
        (sparePagesDiffer, sparePagesLack) = Self.differences(spare.pages, from: pages)
    }

    static let fileName = "manifest.tsv"
    static let changesFileName = "manifest-changes.tsv"
    /// The format's version, in the first line of both files: a file of another version is not read.
    private static let version = "2"

    /// The sources, outputs and pages as `manifest.tsv` holds them: what a later save writes its
    /// differences from.
    struct Base: Sendable {
        var token: String
        var sources: [String: String]
        var outputs: SiteFiles
        var pages: [String: UInt64]
    }

    /// The manifest saved last, and the whole file it was kept against; nil when there is none or a
    /// line does not read.
    ///
    ///     base     2 <token>     the first line of `manifest.tsv`
    ///     changes  2 <token>     the first line of `manifest-changes.tsv`, naming the base it changes
    ///     site | records | inputs | warning | spare   - <value>
    ///     sources | outputs | pages   - <count>     in `manifest.tsv`: how many lines of that kind
    ///                                  follow, so each table is made that size at once, not grown and rehashed
    ///     source | output | page | spare-file  <name> <value>
    ///     spare-lacks  <path> -
    ///     spare-page  <path> <key>        the spare's list pages' keys that differ from `page` lines
    ///     spare-page-lacks  <path> -
    ///     source-gone | output-gone | page-gone  <name> -      in a changes file: not in this manifest
    ///
    /// A changes file holds every line but the sources, outputs and pages it shares with the base.
    static func load(from folder: URL) -> (manifest: BuildManifest, base: Base)? {
        var manifest = BuildManifest()
        manifest.spareDiffers = SiteFiles(paths: manifest.outputs.paths)  // read by number in the outputs' table
        guard let token = read(folder.appendingPathComponent(fileName), header: "base", into: &manifest) else { return nil }
        let base = Base(token: token, sources: manifest.sources, outputs: manifest.outputs, pages: manifest.pages)
        var changed = manifest
        (changed.site, changed.records, changed.inputs, changed.warnings) = ("", "", 0, [])
        (changed.spareSite, changed.spareDiffers, changed.spareLacks) = (nil, SiteFiles(paths: manifest.outputs.paths), [])
        (changed.sparePagesDiffer, changed.sparePagesLack) = ([:], [])
        // Changes that name another base were kept against a whole file written since.
        if let named = read(folder.appendingPathComponent(changesFileName), header: "changes", into: &changed), named == token {
            manifest = changed
        }
        return (manifest, base)
    }

    /// Adds the lines of the file at `url` to `manifest`; returns the token of its first line, which
    /// must be `header`; nil when it is not, or a line does not read.
    /// Read as bytes: 275,000 lines at 100,000 reports, which splitting a `String` took a second over.
    private static func read(_ url: URL, header: String, into manifest: inout BuildManifest) -> String? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return data.withUnsafeBytes { read($0.bindMemory(to: UInt8.self), header: header, into: &manifest) }
    }

    private static func read(_ bytes: UnsafeBufferPointer<UInt8>, header: String, into manifest: inout BuildManifest) -> String? {
        let changes = header == "changes"
        var token: String?
        var start = 0
        // Output lines are numbered in runs (`PathTable.numbers`), in the order they come: a path
        // named on any other line waits for the run before it.
        var run: (paths: [UInt8], ends: [Int], hashes: [UInt64]) = ([], [], [])
        func number() {
            guard !run.ends.isEmpty else { return }
            let numbers = run.paths.withUnsafeBytes { manifest.outputs.paths.numbers($0, ends: run.ends) }
            for (n, hash) in zip(numbers, run.hashes) { manifest.outputs[n] = hash }
            run = ([], [], [])
        }
        defer { number() }
        /// Where the next `byte` lies in `bytes[from..<end]`, or nil.
        func next(_ byte: UInt8, from: Int, to end: Int) -> Int? {
            guard from < end else { return nil }
            return memchr(bytes.baseAddress! + from, Int32(byte), end - from).map { bytes.baseAddress!.distance(to: $0.assumingMemoryBound(to: UInt8.self)) }
        }
        while start < bytes.count {
            let end = next(0x0A, from: start, to: bytes.count) ?? bytes.count
            defer { start = end + 1 }
            guard end > start else { continue }
            guard let first = next(0x09, from: start, to: end), let second = next(0x09, from: first + 1, to: end),
                  next(0x09, from: second + 1, to: end) == nil else { return nil }
            let kind = UnsafeBufferPointer(rebasing: bytes[start..<first])
            let name = UnsafeBufferPointer(rebasing: bytes[(first + 1)..<second])
            let value = UnsafeBufferPointer(rebasing: bytes[(second + 1)..<end])
            func text(_ field: UnsafeBufferPointer<UInt8>) -> String { String(decoding: field, as: UTF8.self) }
            func path(_ field: UnsafeBufferPointer<UInt8>) -> Int {
                number()
                return manifest.outputs.paths.number(UnsafeRawBufferPointer(field))
            }
            // No more lines than the file has bytes: a damaged count cannot ask for more memory.
            func count(_ field: UnsafeBufferPointer<UInt8>) -> Int { min(Int(text(field)) ?? 0, bytes.count) }
            guard token != nil else {
                guard kind.elementsEqual(header.utf8), name.elementsEqual(version.utf8) else { return nil }
                token = text(value)
                continue
            }
            switch kind.count {
            case 6 where kind.elementsEqual("output".utf8):
                run.paths += name
                run.ends.append(run.paths.count)
                run.hashes.append(hex(value))
            case 6 where kind.elementsEqual("source".utf8): manifest.sources[text(name)] = text(value)
            case 4 where kind.elementsEqual("page".utf8): manifest.pages[text(name)] = hex(value)
            case 4 where kind.elementsEqual("site".utf8): manifest.site = text(value)
            case 7 where kind.elementsEqual("records".utf8): manifest.records = text(value)
            case 6 where kind.elementsEqual("inputs".utf8): manifest.inputs = hex(value)
            case 7 where kind.elementsEqual("warning".utf8): manifest.warnings.append(text(value))
            case 7 where !changes && kind.elementsEqual("sources".utf8): manifest.sources.reserveCapacity(count(value))
            case 7 where !changes && kind.elementsEqual("outputs".utf8):
                manifest.outputs.paths.reserve(count(value))
                manifest.outputs.reserveCapacity(count(value))
                run.ends.reserveCapacity(count(value))
                run.hashes.reserveCapacity(count(value))
                run.paths.reserveCapacity(count(value) * 40)
            case 5 where !changes && kind.elementsEqual("pages".utf8): manifest.pages.reserveCapacity(count(value))
            case 5 where kind.elementsEqual("spare".utf8): manifest.spareSite = text(value)
            case 10 where kind.elementsEqual("spare-file".utf8): manifest.spareDiffers[path(name)] = hex(value)
            case 11 where kind.elementsEqual("spare-lacks".utf8): manifest.spareLacks.append(text(name))
            case 10 where kind.elementsEqual("spare-page".utf8): manifest.sparePagesDiffer[text(name)] = hex(value)
            case 16 where kind.elementsEqual("spare-page-lacks".utf8): manifest.sparePagesLack.append(text(name))
            case 11 where changes && kind.elementsEqual("output-gone".utf8): manifest.outputs[path(name)] = nil
            case 11 where changes && kind.elementsEqual("source-gone".utf8): manifest.sources[text(name)] = nil
            case 9 where changes && kind.elementsEqual("page-gone".utf8): manifest.pages[text(name)] = nil
            default: return nil
            }
        }
        return token
    }

    /// Hex digits as a number; 0 when they are not.
    private static func hex(_ digits: UnsafeBufferPointer<UInt8>) -> UInt64 {
        CacheLine.hex(digits) ?? UInt64(String(decoding: digits, as: UTF8.self), radix: 16) ?? 0
    }

    /// A tab and what `Character.isNewline` takes for a line break: a warning is kept on one line.
    private static let breaks: Set<UInt32> = [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029]

    /// Saves the manifest. While its sources, outputs and pages differ from `base` in few entries,
    /// only those are written, as changes to it (an edit to one source at 100,000 reports changes a
    /// few hundred of 340,000 lines); otherwise, or with no base, the whole file.
    /// - Returns: the base the next save is kept against.
    @discardableResult
    func save(to folder: URL, over base: Base? = nil) throws -> Base {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if let base {
            // Each table on a core of its own: the save waits between the last page and the swap.
            let pagesDiffer = Background { [pages] in Self.differences(pages, from: base.pages) }
            let sourcesDiffer = Background { [sources] in Self.differences(sources, from: base.sources) }
            let outputs = outputs.differences(from: base.outputs)
            let (sources, pages) = (try sourcesDiffer.value(), try pagesDiffer.value())
            let count = sources.changed.count + sources.gone.count + outputs.changed.count + outputs.gone.count
                + pages.changed.count + pages.gone.count
            if count <= max(64, (base.sources.count + base.outputs.count + base.pages.count) / 8) {
                try write(header: "changes", token: base.token, sources: sources, outputs: outputs, pages: pages,
                          to: folder.appendingPathComponent(Self.changesFileName))
                return base
            }
        }
        let token = UUID().uuidString
        try write(header: "base", token: token, sources: (sources, []), outputs: (outputs.numbers.map { ($0, outputs[$0]!) }, []), pages: (pages, []),
                  to: folder.appendingPathComponent(Self.fileName))
        // Changes kept against an older whole file name another token: a crash before this unlink
        // leaves them unread.
        unlink(folder.appendingPathComponent(Self.changesFileName).path)
        return Base(token: token, sources: sources, outputs: outputs, pages: pages)
    }

    /// The entries of `map` that `base` lacks or holds with another value, and the keys of `base`
    /// that `map` lacks.
    private static func differences<Value: Equatable>(_ map: [String: Value], from base: [String: Value])
        -> (changed: [String: Value], gone: [String]) {
        var changed: [String: Value] = [:]
        var shared = 0
        for (key, value) in map {
            switch base[key] {
            case value?: shared += 1
            case nil: changed[key] = value
            case _?: shared += 1; changed[key] = value
            }
        }
        // Keys gone from the base are looked for only when some are.
        let gone = shared < base.count ? base.keys.filter { map[$0] == nil } : []
        return (changed, gone)
    }

    /// Written a mebibyte at a time: at 100,000 reports the whole file is 17 MB, which the build's
    /// peak memory need not hold. Lines are in no particular order.
    private func write(header: String, token: String, sources: (changed: [String: String], gone: [String]),
                       outputs: (changed: [(number: Int, hash: UInt64)], gone: [Int]), pages: (changed: [String: UInt64], gone: [String]),
                       to url: URL) throws {
        let file = try CacheFile(url)
        var out = Array("\(header)\t\(Self.version)\t\(token)\nsite\t-\t\(site)\nrecords\t-\t\(records)\ninputs\t-\t\(String(inputs, radix: 16))\n".utf8)
        if header == "base" {
            out += Array("sources\t-\t\(sources.changed.count)\noutputs\t-\t\(outputs.changed.count)\npages\t-\t\(pages.changed.count)\n".utf8)
        }
        out.reserveCapacity(1 << 20 + 4096)
        // `name` is a path's number in the outputs' table when `path` is set.
        func line(_ kind: String, _ name: String, path: Int? = nil, _ value: String) throws {
            out += kind.utf8
            out.append(0x09)
            if let path { self.outputs.paths.append(path, to: &out) } else { out += name.utf8 }
            out.append(0x09)
            out += value.utf8
            out.append(0x0A)
            if out.count >= 1 << 20 {
                try file.write(out)
                out.removeAll(keepingCapacity: true)
            }
        }
        for (name, stamp) in sources.changed { try line("source", name, stamp) }
        for name in sources.gone { try line("source-gone", name, "-") }
        for (path, hash) in outputs.changed { try line("output", "", path: path, String(hash, radix: 16)) }
        for path in outputs.gone { try line("output-gone", "", path: path, "-") }
        for (path, key) in pages.changed { try line("page", path, String(key, radix: 16)) }
        for path in pages.gone { try line("page-gone", path, "-") }
        if let spareSite {
            try line("spare", "-", spareSite)
            let differs = spareDiffers.renumbered(in: self.outputs.paths)
            for n in differs.numbers { try line("spare-file", "", path: n, String(differs[n]!, radix: 16)) }
            for path in spareLacks { try line("spare-lacks", path, "-") }
            for (path, key) in sparePagesDiffer { try line("spare-page", path, String(key, radix: 16)) }
            for path in sparePagesLack { try line("spare-page-lacks", path, "-") }
        }
        for warning in warnings {
            try line("warning", "-", String(String.UnicodeScalarView(warning.unicodeScalars.map { Self.breaks.contains($0.value) ? " " : $0 })))
        }
        try file.write(out)
        try file.commit()
    }
}
