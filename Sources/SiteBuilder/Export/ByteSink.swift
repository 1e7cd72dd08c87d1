import Foundation

/// A file written a piece at a time through a megabyte buffer: the data export of a large archive
/// is hundreds of megabytes, more than a build should hold. Written to its path directly; callers
/// give it a temporary path and move the file into place once it is whole.
final class ByteSink {
    private let path: String
    private let fd: Int32
    private var buffer: [UInt8] = []
    /// Bytes handed to the file so far, buffered ones included: where the next byte will stand.
    private(set) var position = 0
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
        position += 1
        if buffer.count >= Self.chunk { try flush() }
    }

    func append(_ bytes: some Collection<UInt8>) throws {
        let before = buffer.count
        buffer.append(contentsOf: bytes)
        position += buffer.count - before
        if buffer.count >= Self.chunk { try flush() }
    }

    func append(_ text: String) throws {
        try append(text.utf8)
    }

    /// Writes what is buffered, then `bytes`, without copying them into the buffer.
    func write(_ bytes: [UInt8]) throws {
        try flush()
        try bytes.withUnsafeBufferPointer { try write($0) }
        position += bytes.count
    }

    /// Writes what is buffered, then `count` bytes of the file `source` from `offset`, copied by the
    /// kernel where it can (`sendfile`), without passing through the process.
    func copy(_ count: Int, from source: Int32, at offset: Int) throws {
        try flush()
        var done = 0
        #if os(Linux)
        var from = off_t(offset)
        while done < count {
            let n = sendfile(fd, source, &from, count - done)
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { break }  // the rest goes through a buffer, which reports why it cannot be read
            done += n
        }
        #endif
        try copyThroughBuffer(count - done, from: source, at: offset + done)
        position += count
    }

    private func copyThroughBuffer(_ count: Int, from source: Int32, at offset: Int) throws {
        guard count > 0 else { return }
        var chunk = [UInt8](repeating: 0, count: min(count, Self.chunk))
        var done = 0
        while done < count {
            let n = min(chunk.count, count - done)
            let ok = chunk.withUnsafeMutableBytes { PositionalIO.read(source, into: UnsafeMutableRawBufferPointer(rebasing: $0[..<n]), at: offset + done) }
            guard ok else { throw SiteWriter.WriteError(message: "cannot copy into \(path): \(String(cString: strerror(errno)))") }
            try chunk.withUnsafeBufferPointer { try write(UnsafeBufferPointer(rebasing: $0[..<n])) }
            done += n
        }
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
