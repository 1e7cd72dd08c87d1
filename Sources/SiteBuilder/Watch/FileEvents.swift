import Foundation
#if canImport(Glibc)
import Glibc

/// Linux's inotify over the watched folders: an edit is told as it is saved, by file name, instead
/// of found by the next poll, which at 100,000 reports (36,000 sources) costs a tenth of a second.
final class FileEvents: @unchecked Sendable {
    /// What one read of the queue told.
    enum Batch {
        /// These files were written, created, moved or deleted.
        case files(Set<String>)
        /// A folder came, went or moved, or the queue overflowed: only a new look at everything is sure.
        case rescan
    }

    private let fd: Int32
    private var folders: [Int32: String] = [:]
    /// Folders watched alone: a folder made or moved in one (the site swapped in) is no edit.
    private var singles: Set<Int32> = []
    private let lock = NSLock()

    /// Nil where inotify cannot be had (the per-user limit on instances or watches reached).
    /// - Parameters:
    ///   - trees: folders watched with every folder under them.
    ///   - single: folders watched alone (the config's, which also holds the site).
    init?(trees: [String], single: [String]) {
        fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        for folder in single where !watch(folder, alone: true) {
            close(fd)
            return nil
        }
        for tree in trees where !watchTree(tree) {
            close(fd)
            return nil
        }
    }

    deinit { close(fd) }

    private static let mask = UInt32(IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB
                                     | IN_DELETE_SELF | IN_MOVE_SELF)

    private func watch(_ folder: String, alone: Bool = false) -> Bool {
        let wd = inotify_add_watch(fd, folder, Self.mask)
        guard wd >= 0 else { return errno == ENOENT }  // a folder that does not exist (yet) is not an error
        lock.withLock {
            folders[wd] = folder
            if alone { singles.insert(wd) }
        }
        return true
    }

    /// Watches `root` and every folder under it, again after a rescan (a watch already made is kept).
    func watchTree(_ root: String) -> Bool {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isFolder), isFolder.boolValue else { return true }
        guard watch(root) else { return false }
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let name = enumerator?.nextObject() as? String {
            if enumerator?.fileAttributes?[.type] as? FileAttributeType == .typeDirectory, !watch((root as NSString).appendingPathComponent(name)) {
                return false
            }
        }
        return true
    }

    /// Waits up to `timeout` milliseconds for events, then reads them until the folders have been
    /// quiet for `settle` milliseconds (an editor's save is several events). Nil on timeout.
    func next(timeout: Int32, settle: Int32) -> Batch? {
        var files = Set<String>()
        var rescan = false
        var wait = timeout
        while true {
            var ready = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&ready, 1, wait) > 0 else { break }
            rescan = read(into: &files) || rescan
            wait = settle
        }
        if rescan { return .rescan }
        return files.isEmpty ? nil : .files(files)
    }

    /// Reads the queue; true when a look at everything is needed.
    private func read(into files: inout Set<String>) -> Bool {
        var rescan = false
        let size = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: MemoryLayout<inotify_event>.alignment)
        defer { buffer.deallocate() }
        while true {
            let count = Glibc.read(fd, buffer, size)
            guard count > 0 else { break }
            var offset = 0
            while offset < count {
                let event = buffer.load(fromByteOffset: offset, as: inotify_event.self)
                let header = MemoryLayout<inotify_event>.size
                let name = event.len > 0
                    ? String(cString: buffer.advanced(by: offset + header).assumingMemoryBound(to: CChar.self)) : ""
                offset += header + Int(event.len)
                if event.mask & UInt32(IN_ISDIR) != 0, lock.withLock({ singles.contains(event.wd) }) { continue }
                if event.mask & UInt32(IN_Q_OVERFLOW | IN_ISDIR | IN_DELETE_SELF | IN_MOVE_SELF) != 0 {
                    rescan = true
                    continue
                }
                if event.mask & UInt32(IN_IGNORED) != 0 {
                    _ = lock.withLock { folders.removeValue(forKey: event.wd) }
                    continue
                }
                guard !name.isEmpty, let folder = lock.withLock({ folders[event.wd] }) else { continue }
                files.insert(folder == "." ? name : (folder as NSString).appendingPathComponent(name))
            }
        }
        return rescan
    }
}
#endif
