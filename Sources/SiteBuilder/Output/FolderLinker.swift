import Foundation

/// Copies a folder tree by hard links, a folder's files on all cores: the copy shares every file's
/// bytes with the original, so it costs directory entries, not space. Names are taken as
/// `readdir` gives them and linked with `linkat`, relative to open folders, so no path is built.
enum FolderLinker {
    /// Links every file under `source` into `target` (which must not exist), folders made alike,
    /// but the top-level entries `skipping` names. Symbolic links are linked as links, never followed.
    /// - Returns: false when any entry could not be linked (`target` then holds part of the tree).
    static func link(_ source: String, to target: String, skipping: Set<String> = []) -> Bool {
        let from = open(source, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard from >= 0 else { return false }
        defer { close(from) }
        guard mkdir(target, 0o755) == 0 else { return false }
        let to = open(target, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard to >= 0 else { return false }
        defer { close(to) }
        return linkContents(of: from, into: to, skipping: skipping)
    }

    /// Files are linked in batches this large, one batch a core at a time.
    private static let batch = 4096

    private static func linkContents(of from: Int32, into to: Int32, skipping: Set<String>) -> Bool {
        guard var (names, folders) = FolderEntries.split(from) else { return false }
        if !skipping.isEmpty {
            names.removeAll { skipping.contains($0) }
            folders.removeAll { skipping.contains($0) }
        }
        let shared = UncheckedBox(names)
        let batches = (names.count + batch - 1) / batch
        let results = ResultSlots<(failed: Bool, folders: [String])>(count: batches)
        DispatchQueue.concurrentPerform(iterations: batches) { b in
            let names = shared.value
            var failed = false, untyped: [String] = []
            for name in names[(b * batch)..<min(names.count, (b + 1) * batch)] where linkat(from, name, to, name, 0) != 0 {
                if errno == EPERM, isFolder(name, in: from) { untyped.append(name) } else { failed = true }  // a folder the file system did not type
            }
            results.set(b, (failed, untyped))
        }
        var ok = !results.values.contains { $0.failed }
        for name in folders + results.values.flatMap(\.folders) where ok {
            let child = openat(from, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard child >= 0, mkdirat(to, name, 0o755) == 0 else {
                if child >= 0 { close(child) }
                return false
            }
            let made = openat(to, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            ok = made >= 0 && linkContents(of: child, into: made, skipping: [])
            close(child)
            if made >= 0 { close(made) }
        }
        return ok
    }

    private static func isFolder(_ name: String, in folder: Int32) -> Bool {
        var st = stat()
        return fstatat(folder, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }
}
