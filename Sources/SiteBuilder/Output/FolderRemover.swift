import Foundation

/// Removes a folder and everything in it with plain system calls, a folder's files on all cores:
/// the previous site, gone after each swap, holds 275,000 files at 100,000 reports, and
/// `FileManager.removeItem` (a stat and a URL an entry) took most of a one-change build's swap.
/// Symbolic links are removed, never followed.
enum FolderRemover {
    static func remove(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else {
            unlink(path)
            return
        }
        removeContents(of: fd)
        close(fd)
        rmdir(path)
    }

    /// Files are removed in batches this large, one batch a core at a time.
    private static let batch = 4096

    private static func removeContents(of fd: Int32) {
        guard let (names, folders) = FolderEntries.split(fd) else { return }
        let shared = UncheckedBox(names)
        let batches = (names.count + batch - 1) / batch
        let failed = ResultSlots<[String]>(count: batches)
        DispatchQueue.concurrentPerform(iterations: batches) { b in
            let names = shared.value
            var notFiles: [String] = []
            for name in names[(b * batch)..<min(names.count, (b + 1) * batch)] where unlinkat(fd, name, 0) != 0 && errno == EISDIR {
                notFiles.append(name)  // a folder the file system did not type
            }
            failed.set(b, notFiles)
        }
        for name in folders + failed.values.flatMap({ $0 }) {
            let child = openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard child >= 0 else { continue }
            removeContents(of: child)
            close(child)
            unlinkat(fd, name, AT_REMOVEDIR)
        }
    }
}
