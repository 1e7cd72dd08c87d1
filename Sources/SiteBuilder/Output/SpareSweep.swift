import Foundation

/// Clears the spare site of what no build made before a build starts from it: a file dropped into
/// the site in place is not in a clean build, and must not come back when the spare is swapped in.
///
/// A build writes the site's marker last, so a folder whose status last changed before the marker
/// did (its ctime, which no one can set back) holds only what that build left in it: its files are
/// not looked up, and a folder without subfolders is not even listed. At 100,000 reports this
/// skips looking up 200,000 report files in `reports/`.
enum SpareSweep {
    /// Unlinks every entry under `root` whose path is not in `files`, but the site's marker, and
    /// removes the folders that leaves empty. Symbolic links are removed, never followed.
    static func removeStrays(in root: String, keeping files: SiteFiles) {
        let marked = changeTime(root + "/" + SiteMarker.fileName)
        /// True when the folder at `relative` ends up empty.
        func sweep(_ relative: String) -> Bool {
            var st = stat()
            let unchanged = !relative.isEmpty && lstat(root + "/" + relative, &st) == 0 && marked.map { precedes(st.st_ctim, $0) } == true
            // A folder's link count is 2 and its subfolders' on most file systems: 2 says there are none.
            if unchanged, st.st_nlink == 2 { return false }
            let fd = open(root + "/" + relative, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard fd >= 0 else { return false }
            let entries = FolderEntries.read(fd)
            close(fd)
            guard let entries else { return false }
            var empty = true
            for (name, type) in entries {
                let path = relative.isEmpty ? name : relative + "/" + name
                if isFolder(type, root + "/" + path) {
                    if sweep(path), rmdir(root + "/" + path) == 0 { continue }
                    empty = false
                } else if unchanged || files[path] != nil || path == SiteMarker.fileName {
                    empty = false
                } else if unlink(root + "/" + path) != 0 {
                    empty = false
                }
            }
            return empty
        }
        _ = sweep("")
    }

    private static func isFolder(_ type: UInt8, _ path: String) -> Bool {
        if type != UInt8(DT_UNKNOWN) { return type == UInt8(DT_DIR) }
        var st = stat()
        return lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    private static func changeTime(_ path: String) -> timespec? {
        var st = stat()
        return lstat(path, &st) == 0 ? st.st_ctim : nil
    }

    /// Strictly earlier: a change in the same clock tick as the marker may have come after it.
    private static func precedes(_ a: timespec, _ b: timespec) -> Bool {
        a.tv_sec != b.tv_sec ? a.tv_sec < b.tv_sec : a.tv_nsec < b.tv_nsec
    }
}
