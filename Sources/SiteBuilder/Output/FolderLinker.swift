import Foundation

/// Copies a folder tree by hard links, folders on all cores: the copy shares every file's bytes
/// with the original, so it costs directory entries, not space. Names are taken as `readdir` gives
/// them and linked with `linkat`, relative to open folders, so no path is built.
///
/// A file system adds one entry to a folder at a time (the folder is locked while it does), so two
/// cores linking into one folder take as long as one; into two folders, half as long. The folders
/// are therefore shared out whole, the largest first, each to the core with the fewest files so far:
/// at 100,000 reports `reports/` holds 200,000 of the site's 275,000 files, and the rest are
/// linked beside it.
enum FolderLinker {
    /// Links every file under `source` into `target` (which must not exist), folders made alike,
    /// but the top-level entries `skipping` names. Symbolic links are linked as links, never followed.
    /// - Returns: false when any entry could not be linked (`target` then holds part of the tree).
    static func link(_ source: String, to target: String, skipping: Set<String> = []) -> Bool {
        let from = open(source, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard from >= 0 else { return false }
        guard mkdir(target, 0o755) == 0 else {
            close(from)
            return false
        }
        let to = open(target, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard to >= 0 else {
            close(from)
            return false
        }
        var folders = [Folder(from: from, to: to)]
        defer { for folder in folders { close(folder.from); close(folder.to) } }
        guard collect(0, skipping: skipping, into: &folders) else { return false }
        let lanes = lanes(for: folders.map(\.files.count))
        let shared = UncheckedBox(folders)
        let failed = ResultSlots<Bool>(count: lanes.count)
        DispatchQueue.concurrentPerform(iterations: lanes.count) { lane in
            var failure = false
            for f in lanes[lane] {
                let folder = shared.value[f]
                for name in folder.files where linkat(folder.from, name, folder.to, name, 0) != 0 { failure = true }
            }
            failed.set(lane, failure)
        }
        return !failed.values.contains(true)
    }

    /// A folder of the tree, open in both trees, and the names of the entries to link in it.
    private struct Folder {
        var from: Int32
        var to: Int32
        var files: [String] = []
    }

    /// Lists the files of `folders[index]` and makes its folders in the target tree, appending each,
    /// and theirs, to `folders`; false when a folder cannot be read, opened or made.
    private static func collect(_ index: Int, skipping: Set<String>, into folders: inout [Folder]) -> Bool {
        let (from, to) = (folders[index].from, folders[index].to)
        guard let entries = FolderEntries.read(from) else { return false }
        var files: [String] = []
        for (name, type) in entries where !skipping.contains(name) {
            // A file system may not type its entries: such an entry is looked at.
            guard type == UInt8(DT_DIR) || (type == UInt8(DT_UNKNOWN) && isFolder(name, in: from)) else {
                files.append(name)
                continue
            }
            let child = openat(from, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard child >= 0 else { return false }
            guard mkdirat(to, name, 0o755) == 0 else {
                close(child)
                return false
            }
            let made = openat(to, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard made >= 0 else {
                close(child)
                return false
            }
            folders.append(Folder(from: child, to: made))
            guard collect(folders.count - 1, skipping: [], into: &folders) else { return false }
        }
        folders[index].files = files
        return true
    }

    /// The folders (by their file counts) shared out among the cores: the largest first, each to
    /// the core with the fewest files so far.
    static func lanes(for counts: [Int], cores: Int = ProcessInfo.processInfo.activeProcessorCount) -> [[Int]] {
        var lanes = [[Int]](repeating: [], count: max(1, min(cores, counts.count)))
        var load = [Int](repeating: 0, count: lanes.count)
        for f in counts.indices.sorted(by: { (counts[$0], $1) > (counts[$1], $0) }) {
            let lane = load.indices.min { (load[$0], $0) < (load[$1], $1) }!
            lanes[lane].append(f)
            load[lane] += counts[f]
        }
        return lanes
    }

    private static func isFolder(_ name: String, in folder: Int32) -> Bool {
        var st = stat()
        return fstatat(folder, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }
}
