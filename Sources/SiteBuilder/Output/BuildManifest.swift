import Foundation

/// What the last build read and wrote, kept in `.archive-cache/manifest.tsv` beside the config,
/// so the next build — even in a new process — can tell that nothing changed, and can link the
/// files whose bytes are unchanged instead of writing them again.
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
    /// Output path → content hash of the site in place.
    var outputs: [String: UInt64] = [:]
    /// List page path → the key it was rendered with (`PageKeys`).
    var pages: [String: UInt64] = [:]
    /// The sources' parser warnings, said again by a build that finds nothing changed.
    var warnings: [String] = []
    /// The site the swap puts aside (`SiteWriter.Spare`), kept as its differences from `outputs`:
    /// its id, the files it holds with other bytes or alone, and the outputs it lacks.
    var spareSite: String?
    var spareDiffers: [String: UInt64] = [:]
    var spareLacks: [String] = []

    /// The spare in full; nil when the build kept none.
    var spare: SiteWriter.Spare? {
        guard let spareSite else { return nil }
        var files = outputs
        for path in spareLacks { files[path] = nil }
        files.merge(spareDiffers) { _, spare in spare }
        return SiteWriter.Spare(id: spareSite, files: files)
    }

    /// Records `spare` by its differences from `outputs`, which must be set first.
    mutating func setSpare(_ spare: SiteWriter.Spare?) {
        spareSite = spare?.id
        spareDiffers = [:]
        spareLacks = []
        guard let spare else { return }
        for (path, hash) in spare.files where outputs[path] != hash { spareDiffers[path] = hash }
        spareLacks = outputs.keys.filter { spare.files[$0] == nil }.sorted(by: PathOrder.precedes)
    }

    static let fileName = "manifest.tsv"

    /// Read as bytes: 275,000 lines at 100,000 reports, which splitting a `String` took a second over.
    static func load(from folder: URL) -> BuildManifest? {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(fileName).path) else { return nil }
        let bytes = [UInt8](data)
        var manifest = BuildManifest()
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            defer { start = end + 1 }
            guard end > start else { continue }
            guard let first = bytes[start..<end].firstIndex(of: 0x09), let second = bytes[(first + 1)..<end].firstIndex(of: 0x09),
                  !bytes[(second + 1)..<end].contains(0x09) else { return nil }
            let kind = bytes[start..<first], name = bytes[(first + 1)..<second], value = bytes[(second + 1)..<end]
            func text(_ field: ArraySlice<UInt8>) -> String { String(decoding: field, as: UTF8.self) }
            switch kind.count {
            case 6 where kind.elementsEqual("output".utf8): manifest.outputs[text(name)] = hex(value)
            case 6 where kind.elementsEqual("source".utf8): manifest.sources[text(name)] = text(value)
            case 4 where kind.elementsEqual("page".utf8): manifest.pages[text(name)] = hex(value)
            case 4 where kind.elementsEqual("site".utf8): manifest.site = text(value)
            case 7 where kind.elementsEqual("records".utf8): manifest.records = text(value)
            case 6 where kind.elementsEqual("inputs".utf8): manifest.inputs = hex(value)
            case 7 where kind.elementsEqual("warning".utf8): manifest.warnings.append(text(value))
            case 5 where kind.elementsEqual("spare".utf8): manifest.spareSite = text(value)
            case 10 where kind.elementsEqual("spare-file".utf8): manifest.spareDiffers[text(name)] = hex(value)
            case 11 where kind.elementsEqual("spare-lacks".utf8): manifest.spareLacks.append(text(name))
            default: return nil
            }
        }
        return manifest
    }

    /// Lower-case hex digits as a number; 0 when they are not.
    private static func hex(_ digits: ArraySlice<UInt8>) -> UInt64 {
        guard !digits.isEmpty, digits.count <= 16 else { return 0 }
        var value: UInt64 = 0
        for b in digits {
            switch b {
            case 0x30...0x39: value = value << 4 | UInt64(b - 0x30)
            case 0x61...0x66: value = value << 4 | UInt64(b - 0x61 + 10)
            case 0x41...0x46: value = value << 4 | UInt64(b - 0x41 + 10)
            default: return 0
            }
        }
        return value
    }

    /// A tab and what `Character.isNewline` takes for a line break: a warning is kept on one line.
    private static let breaks: Set<UInt32> = [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029]

    /// Written a mebibyte at a time: at 100,000 reports the file is 17 MB, which the build's peak
    /// memory need not hold.
    func save(to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = try CacheFile(folder.appendingPathComponent(Self.fileName))
        var out = Array("site\t-\t\(site)\nrecords\t-\t\(records)\ninputs\t-\t\(String(inputs, radix: 16))\n".utf8)
        out.reserveCapacity(1 << 20 + 4096)
        func line(_ kind: String, _ name: String, _ value: String) throws {
            out += kind.utf8
            out.append(0x09)
            out += name.utf8
            out.append(0x09)
            out += value.utf8
            out.append(0x0A)
            if out.count >= 1 << 20 {
                try file.write(out)
                out.removeAll(keepingCapacity: true)
            }
        }
        for (name, stamp) in PathOrder.sorted(sources) { try line("source", name, stamp) }
        for (path, hash) in PathOrder.sorted(outputs) { try line("output", path, String(hash, radix: 16)) }
        for (path, key) in PathOrder.sorted(pages) { try line("page", path, String(key, radix: 16)) }
        if let spareSite {
            try line("spare", "-", spareSite)
            for (path, hash) in PathOrder.sorted(spareDiffers) { try line("spare-file", path, String(hash, radix: 16)) }
            for path in spareLacks { try line("spare-lacks", path, "-") }
        }
        for warning in warnings {
            try line("warning", "-", String(String.UnicodeScalarView(warning.unicodeScalars.map { Self.breaks.contains($0.value) ? " " : $0 })))
        }
        try file.write(out)
        try file.commit()
    }
}
