import Foundation

/// A file written a piece at a time through a megabyte buffer: the data export of a large archive
/// is hundreds of megabytes, more than a build should hold. Written to its path directly; callers
/// give it a temporary path and move the file into place once it is whole, or rewrite in place a
/// file no one else reads (`init(patching:held:)`).
final class ByteSink {
    /// How many of the `count` bytes a copy takes from `offset` of its source the file being
    /// patched already holds at `position`, from the start: those are not written again.
    typealias Held = (_ offset: Int, _ count: Int, _ position: Int) -> Int

    private let path: String
    private let fd: Int32
    private var buffer: [UInt8] = []
    /// Bytes handed to the file so far, buffered ones included: where the next byte will stand.
    private(set) var position = 0
    /// Set while the bytes handed over are those the patched file already holds: the unchanged
    /// start of a file rewritten in place is neither written nor copied, and its pages stay as they are.
    private var held: Held?
    /// Bytes of the file settled so far, written or found already there.
    private var settled = 0
    /// Bytes really written to the file: for a patched one, only those from the first that differed.
    private(set) var rewritten = 0
    private static let chunk = 1 << 20

    init(path: String) throws {
        self.path = path
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw SiteWriter.WriteError(message: "cannot create \(path): \(String(cString: strerror(errno)))") }
        buffer.reserveCapacity(Self.chunk + 4096)
    }

    /// A sink that rewrites the existing file at `path`: rendered bytes are compared with the
    /// file's and copies asked of `held`, and from the first byte that differs on everything is
    /// written. Rewriting a file in place touches no new memory, where a new copy of a 426 MB
    /// export needs as many fresh pages, which cost more than the copy on a virtual machine.
    /// Call `finish()` at the end: it cuts the file at the last byte written.
    init(patching path: String, held: @escaping Held) throws {
        self.path = path
        fd = open(path, O_RDWR | O_CLOEXEC)
        guard fd >= 0 else { throw SiteWriter.WriteError(message: "cannot open \(path): \(String(cString: strerror(errno)))") }
        self.held = held
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
        if let held {
            done = min(count, held(offset, count, settled))
            settled += done
            if done < count { try leaveHeldBytes() }
        }
        #if os(Linux)
        // Past the bytes the file held already.
        var from = off_t(offset + done)
        while done < count {
            let n = sendfile(fd, source, &from, count - done)
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { break }  // the rest goes through a buffer, which reports why it cannot be read
            done += n
            settled += n
            rewritten += n
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

    /// Writes what is buffered; the sink flushes by itself on the way.
    func flush() throws {
        try buffer.withUnsafeBufferPointer { try write($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is buffered and ends the file at `position`: a file patched in place may have been longer.
    func finish() throws {
        try flush()
        guard ftruncate(fd, off_t(position)) == 0 else {
            throw SiteWriter.WriteError(message: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }

    private func write(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        var done = 0
        if held != nil {
            done = try heldCount(of: bytes)
            settled += done
            if done < bytes.count { try leaveHeldBytes() }
        }
        while done < bytes.count {
            let n = Foundation.write(fd, bytes.baseAddress! + done, bytes.count - done)
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { throw SiteWriter.WriteError(message: "cannot write \(path): \(String(cString: strerror(errno)))") }
            done += n
            settled += n
            rewritten += n
        }
    }

    /// How many of `bytes`, from the start, the patched file already holds where they go.
    private func heldCount(of bytes: UnsafeBufferPointer<UInt8>) throws -> Int {
        guard !bytes.isEmpty else { return 0 }
        var there = [UInt8](repeating: 0, count: bytes.count)
        let n = there.withUnsafeMutableBytes { Foundation.pread(fd, $0.baseAddress!, bytes.count, off_t(settled)) }
        guard n >= 0 else { throw SiteWriter.WriteError(message: "cannot read \(path): \(String(cString: strerror(errno)))") }
        var same = 0
        while same < n, there[same] == bytes[same] { same += 1 }
        return same
    }

    /// From here on every byte is written, from where the bytes already there end.
    private func leaveHeldBytes() throws {
        held = nil
        guard lseek(fd, off_t(settled), SEEK_SET) >= 0 else {
            throw SiteWriter.WriteError(message: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }
}
