import Foundation

/// An exclusive lock on a project for the length of a build (`flock` on `.archive-cache/lock`),
/// so two builds, or a build and `archive serve`, never interleave their sites and caches. The
/// kernel drops it when the process ends, however it ends.
final class BuildLock {
    private let fd: Int32

    /// Takes the lock, waiting for another holder; `waiting` is told who holds it before the wait.
    convenience init(folder: URL, waiting: (String) -> Void) throws {
        try self.init(folder: folder)
        if flock(fd, LOCK_EX | LOCK_NB) == 0 {
            claim()
            return
        }
        let holder = (try? String(contentsOfFile: Self.path(in: folder), encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        waiting("waiting for another build of this project to finish (\(holder.isEmpty ? "lock \(Self.path(in: folder))" : "process \(holder)"))")
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { throw SiteWriter.WriteError(message: "cannot lock \(Self.path(in: folder)): \(String(cString: strerror(errno)))") }
        }
        claim()
    }

    /// The lock if no one holds it now; nil otherwise.
    static func ifFree(folder: URL) -> BuildLock? {
        guard let lock = try? BuildLock(folder: folder), flock(lock.fd, LOCK_EX | LOCK_NB) == 0 else { return nil }
        lock.claim()
        return lock
    }

    private init(folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        fd = open(Self.path(in: folder), O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw SiteWriter.WriteError(message: "cannot open the build lock \(Self.path(in: folder)): \(String(cString: strerror(errno)))")
        }
    }

    private static func path(in folder: URL) -> String { folder.appendingPathComponent("lock").path }

    /// Writes who holds the lock, for the message a waiting build prints.
    private func claim() {
        ftruncate(fd, 0)
        let pid = Array("\(getpid())\n".utf8)
        _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
