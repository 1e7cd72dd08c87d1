import Foundation

/// Notices edits to what a build reads: the content folder, the templates and the config.
///
/// On Linux inotify tells each saved file at once (`FileEvents`); elsewhere, or past the system's
/// inotify limits, the watcher polls file sizes and modification times (four times a second by
/// default), a `stat` per file and poll.
public struct SourceWatcher: Sendable {
    public var paths: [String]
    public var interval: Duration

    public init(config: SiteConfig, configPath: String, interval: Duration = .milliseconds(250)) {
        paths = [config.contentDirectory, config.templatesDirectory, configPath]
        self.interval = interval
    }

    /// A fingerprint of every file under the watched paths: size, modification time and name.
    public func snapshot() -> [String: String] {
        var out: [String: String] = [:]
        let fm = FileManager.default
        for root in paths {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: root, isDirectory: &isDir) else { continue }
            let files = isDir.boolValue ? (fm.enumerator(atPath: root)?.compactMap { $0 as? String }.map { (root as NSString).appendingPathComponent($0) } ?? []) : [root]
            for file in files {
                if let fingerprint = Self.fingerprint(file) { out[file] = fingerprint }
            }
        }
        return out
    }

    /// Calls `onChange` with the changed files after each batch of edits, until the task is cancelled.
    /// A batch ends when the files have been quiet a moment, so saving several at once gives one rebuild.
    public func watch(onChange: @Sendable ([String]) async -> Void) async {
        #if canImport(Glibc)
        // Looked at before the events are asked for: a file saved while they are set up (seconds
        // for a large content folder on a busy machine) shows as a difference, not as nothing.
        let before = snapshot()
        let folders = paths.filter(Self.isFolder)
        let single = Set(paths.filter { !Self.isFolder($0) }.map { ($0 as NSString).deletingLastPathComponent }.map { $0.isEmpty ? "." : $0 })
        if let events = FileEvents(trees: folders, single: single.sorted()) {
            return await watch(events, since: before, onChange: onChange)
        }
        #endif
        await poll(onChange: onChange)
    }

    private func poll(onChange: @Sendable ([String]) async -> Void) async {
        var last = snapshot()
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            var now = snapshot()
            guard now != last else { continue }
            // Let a burst of saves settle.
            while true {
                try? await Task.sleep(for: .milliseconds(50))
                let again = snapshot()
                if again == now { break }
                now = again
            }
            await onChange(Self.changes(from: last, to: now))
            last = now
        }
    }

    #if canImport(Glibc)
    private func watch(_ events: FileEvents, since before: [String: String], onChange: @Sendable ([String]) async -> Void) async {
        var last = snapshot()
        let missed = Self.changes(from: before, to: last)
        if !missed.isEmpty { await onChange(missed) }
        while !Task.isCancelled {
            // inotify is waited on off the cooperative threads, a quarter second at a time to notice cancellation.
            let batch = await withCheckedContinuation { done in
                DispatchQueue.global().async { done.resume(returning: events.next(timeout: 250, settle: 20)) }
            }
            var changed: [String] = []
            switch batch {
            case nil:
                continue
            case .rescan:
                for folder in paths where Self.isFolder(folder) { _ = events.watchTree(folder) }
                let now = snapshot()
                changed = Self.changes(from: last, to: now)
                last = now
            case .files(let files):
                for file in files where isWatched(file) {
                    let now = Self.fingerprint(file)
                    if now != last[file] {
                        changed.append(file)
                        last[file] = now
                    }
                }
            }
            if !changed.isEmpty { await onChange(changed.sorted()) }
        }
    }
    #endif

    /// Whether a file is one the watcher reports: under a watched folder, or a watched file itself.
    private func isWatched(_ file: String) -> Bool {
        paths.contains { file == $0 || file.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }
    }

    private static func isFolder(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }

    /// A regular file's size and modification time, nil for anything else or nothing.
    private static func fingerprint(_ file: String) -> String? {
        var st = stat()
        guard stat(file, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        return "\(st.st_size):\(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)"
    }

    private static func changes(from last: [String: String], to now: [String: String]) -> [String] {
        Set(now.keys).symmetricDifference(last.keys).union(now.keys.filter { last[$0] != nil && last[$0] != now[$0] }).sorted()
    }
}
