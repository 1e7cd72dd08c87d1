import Foundation

/// Decides, before a build touches anything, whether its output folder may be replaced: a build
/// deletes only what a build made. It refuses the project's own folders (content, templates, the
/// config's folder), `/` and the home folder, and an existing non-empty folder without a site
/// marker unless forced (as Zola refuses to overwrite an output folder it did not make).
public enum OutputGuard {
    public struct Refusal: Error, CustomStringConvertible {
        public var description: String
    }

    /// The checks for the output folder of `config`, read from `configPath`.
    public static func check(_ config: SiteConfig, configPath: String, force: Bool) throws(Refusal) {
        try check(output: config.outputDirectory, content: config.contentDirectory, templates: config.templatesDirectory,
                  configFolder: (configPath as NSString).deletingLastPathComponent, force: force)
    }

    /// Throws a `Refusal` naming the folder and what to do when `output` must not be replaced.
    /// - Parameter force: replace an existing folder that a build did not make (never a project folder).
    public static func check(output: String, content: String, templates: String, configFolder: String,
                             force: Bool) throws(Refusal) {
        let out = canonical(output)
        let fix = "set [build] output in the config to a folder of its own, e.g. \"public\""
        func refuse(_ why: String) -> Refusal { Refusal(description: "refusing to build into \(out): \(why); \(fix)") }
        if out == "/" { throw refuse("it is the root folder") }
        if let home = ProcessInfo.processInfo.environment["HOME"].map(canonical), !home.isEmpty, contains(out, home) {
            throw refuse(out == home ? "it is your home folder" : "it contains your home folder")
        }
        let project = canonical(configFolder)
        if contains(out, project) { throw refuse(out == project ? "it is the project folder (the config's folder)" : "it contains the project folder") }
        for (name, folder) in [("content", canonical(content)), ("templates", canonical(templates))] {
            if out == folder { throw refuse("it is the \(name) folder") }
            if contains(out, folder) { throw refuse("it contains the \(name) folder \(folder)") }
            if contains(folder, out) { throw refuse("it lies inside the \(name) folder \(folder)") }
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: out, isDirectory: &isFolder) else { return }
        guard isFolder.boolValue else {
            throw Refusal(description: "refusing to build into \(out): it is a file, not a folder; remove it or \(fix)")
        }
        if force || SiteMarker.read(in: URL(fileURLWithPath: out)) != nil { return }
        // Dot entries (`.gitkeep`, a deploy checkout's `.git`) are kept across builds, so only other entries count.
        let entries = ((try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        guard entries.isEmpty else {
            let shown = entries.prefix(3).joined(separator: ", ") + (entries.count > 3 ? ", …" : "")
            throw Refusal(description: "refusing to replace \(out): it is not empty (\(shown)) and no build made it "
                + "(it has no \(SiteMarker.fileName)); move its files away, \(fix), or pass --force to replace it")
        }
    }

    /// True when `inner` is `outer` or lies inside it.
    static func contains(_ outer: String, _ inner: String) -> Bool {
        outer == inner || outer == "/" || inner.hasPrefix(outer + "/")
    }

    /// The absolute path with `.`, `..` and symbolic links resolved, also for a path that does not
    /// exist yet (its longest existing ancestor is resolved).
    static func canonical(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var existing = absolute
        var rest: [String] = []
        while true {
            if let resolved = realpath(existing, nil) {
                defer { free(resolved) }
                var parts = String(cString: resolved).split(separator: "/").map(String.init)
                for part in rest.reversed() {
                    switch part {
                    case "", ".": continue
                    case "..": if !parts.isEmpty { parts.removeLast() }
                    default: parts.append(part)
                    }
                }
                return "/" + parts.joined(separator: "/")
            }
            guard let slash = existing.lastIndex(of: "/"), existing != "/" else { return absolute }
            rest.append(String(existing[existing.index(after: slash)...]))
            existing = slash == existing.startIndex ? "/" : String(existing[..<slash])
        }
    }
}
