import Foundation

/// A file written a piece at a time through a megabyte buffer: the data export of a large archive
/// is hundreds of megabytes, more than a build should hold. Written to its path directly; callers
/// give it a temporary path and move the file into place once it is whole.
final class ByteSink {
    private let path: String
    private let fd: Int32
    private var buffer: [UInt8] = []
    private static let chunk = 1 << 20

    init(path: String) throws {
        self.path = path
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw SiteWriter.WriteError(message: "cannot create \(path): \(String(cString: strerror(errno)))") }
        buffer.reserveCapacity(Self.chunk + 4096)
    }

    deinit { close(fd) }

    func append(_ byte: UInt8) throws {
        buffer.append(byte)
        if buffer.count >= Self.chunk { try flush() }
    }

    func append(_ bytes: some Collection<UInt8>) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.chunk { try flush() }
    }

    func append(_ text: String) throws {
        try append(text.utf8)
    }

    /// Writes what is buffered, then `bytes`, without copying them into the buffer.
    func write(_ bytes: [UInt8]) throws {
        try flush()
        try bytes.withUnsafeBufferPointer { try write($0) }
    }

    /// Writes what is buffered; call once at the end (and the sink flushes by itself on the way).
    func flush() throws {
        try buffer.withUnsafeBufferPointer { try write($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func write(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        var done = 0
        while done < bytes.count {
            let n = Foundation.write(fd, bytes.baseAddress! + done, bytes.count - done)
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { throw SiteWriter.WriteError(message: "cannot write \(path): \(String(cString: strerror(errno)))") }
            done += n
        }
    }
}
