import Foundation

/// Notices edits to what a build reads: the content folder, the templates and the config.
///
/// Polls file sizes and modification times (four times a second by default): portable, needs no
/// inotify limits, and costs a few hundred `stat` calls per poll for a typical archive.
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
                var st = stat()
                guard stat(file, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { continue }
                out[file] = "\(st.st_size):\(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)"
            }
        }
        return out
    }

    /// Calls `onChange` with the changed files after each batch of edits, until the task is cancelled.
    /// A batch ends when a poll finds nothing new, so saving several files at once gives one rebuild.
    public func watch(onChange: @Sendable ([String]) async -> Void) async {
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
            let changed = Set(now.keys).symmetricDifference(last.keys).union(now.keys.filter { last[$0] != nil && last[$0] != now[$0] })
            last = now
            await onChange(changed.sorted())
        }
    }
}
