import Foundation

/// The entries of a folder as `readdir` gives them: the walks over a built site (removing, linking,
/// sweeping it) use plain system calls, for the 275,000 files of 100,000 reports.
enum FolderEntries {
    /// The name and `d_type` of each entry of the open folder `fd`, which stays open; `.` and `..`
    /// left out. Nil when it cannot be read.
    static func read(_ fd: Int32) -> [(name: String, type: UInt8)]? {
        let copy = dup(fd)
        guard copy >= 0 else { return nil }
        guard let dir = fdopendir(copy) else {
            close(copy)
            return nil
        }
        defer { closedir(dir) }
        var entries: [(name: String, type: UInt8)] = []
        while let entry = readdir(dir) {
            var raw = entry.pointee.d_name
            let name = withUnsafePointer(to: &raw) { $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) } }
            if name != ".", name != ".." { entries.append((name, entry.pointee.d_type)) }
        }
        return entries
    }

    /// The entries of `fd` by name, folders apart from the rest (whose type the file system may not
    /// know: callers treat a failure on one of them as a sign of a folder).
    static func split(_ fd: Int32) -> (files: [String], folders: [String])? {
        guard let entries = read(fd) else { return nil }
        var files: [String] = [], folders: [String] = []
        for (name, type) in entries {
            if type == UInt8(DT_DIR) { folders.append(name) } else { files.append(name) }
        }
        return (files, folders)
    }
}
