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

    static let fileName = "manifest.tsv"

    static func load(from folder: URL) -> BuildManifest? {
        guard let text = try? String(contentsOf: folder.appendingPathComponent(fileName), encoding: .utf8) else { return nil }
        var manifest = BuildManifest()
        for line in text.split(separator: "\n") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count == 3 else { return nil }
            switch f[0] {
            case "site": manifest.site = String(f[2])
            case "records": manifest.records = String(f[2])
            case "inputs": manifest.inputs = UInt64(f[2], radix: 16) ?? 0
            case "source": manifest.sources[String(f[1])] = String(f[2])
            case "output": manifest.outputs[String(f[1])] = UInt64(f[2], radix: 16) ?? 0
            case "page": manifest.pages[String(f[1])] = UInt64(f[2], radix: 16) ?? 0
            case "warning": manifest.warnings.append(String(f[2]))
            default: return nil
            }
        }
        return manifest
    }

    func save(to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var text = "site\t-\t\(site)\nrecords\t-\t\(records)\ninputs\t-\t\(String(inputs, radix: 16))\n"
        for (name, stamp) in sources.sorted(by: { $0.key < $1.key }) { text += "source\t\(name)\t\(stamp)\n" }
        for (path, hash) in outputs.sorted(by: { $0.key < $1.key }) { text += "output\t\(path)\t\(String(hash, radix: 16))\n" }
        for (path, key) in pages.sorted(by: { $0.key < $1.key }) { text += "page\t\(path)\t\(String(key, radix: 16))\n" }
        for warning in warnings {
            text += "warning\t-\t\(warning.map { $0 == "\t" || $0.isNewline ? " " : String($0) }.joined())\n"
        }
        try CacheFile.replace(folder.appendingPathComponent(Self.fileName), with: Array(text.utf8))
    }
}
