import Foundation

/// Clears the spare site of what no build made before a build starts from it: a file dropped into
/// the site in place is not in a clean build, and must not come back when the spare is swapped in.
enum SpareSweep {
    /// Unlinks every entry under `root` whose path is not in `files`, but the site's marker, and
    /// removes the folders that leaves empty. Symbolic links are removed, never followed.
    static func removeStrays(in root: String, keeping files: SiteFiles) {
        /// True when the folder at `relative` ends up empty.
        func sweep(_ relative: String) -> Bool {
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
                } else if files[path] != nil || path == SiteMarker.fileName {
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
}
