import Foundation

/// A file of `.archive-cache/` written whole or not at all: into a temporary file, then renamed over
/// the old one. Any failure (a full disk among them) throws, naming the file: a cache that cannot be
/// saved fails the build, since a stale cache would make later builds trust a site that is gone.
final class CacheFile {
    private let target: URL
    private let temporary: URL
    private let fd: Int32

    init(_ target: URL) throws {
        self.target = target
        temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).tmp")
        fd = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Self.error("cannot create", temporary) }
    }

    deinit {
        close(fd)
        unlink(temporary.path)
    }

    func write(_ bytes: [UInt8]) throws {
        if TestHooks.cacheDiskFull {
            errno = ENOSPC
            throw Self.error("cannot write", temporary)
        }
        try bytes.withUnsafeBufferPointer { buffer in
            var done = 0
            while done < buffer.count {
                let n = Foundation.write(fd, buffer.baseAddress! + done, buffer.count - done)
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { throw Self.error("cannot write", temporary) }
                done += n
            }
        }
    }

    /// Puts the written bytes in the target's place.
    func commit() throws {
        guard rename(temporary.path, target.path) == 0 else { throw Self.error("cannot replace", target) }
    }

    static func replace(_ target: URL, with bytes: [UInt8]) throws {
        let file = try CacheFile(target)
        try file.write(bytes)
        try file.commit()
    }

    private static func error(_ what: String, _ url: URL) -> SiteWriter.WriteError {
        SiteWriter.WriteError(message: "\(what) \(url.path): \(String(cString: strerror(errno)))")
    }
}
