import Foundation

extension ContentHash {
    /// The hash of a file too large to hold whole (the data export's), read a megabyte at a time:
    /// each megabyte hashed, those hashes combined. Stable for the same bytes, which is all a build
    /// compares it with; it differs from `of(_:)` on the same bytes.
    static func ofFile(_ path: String) throws -> UInt64 {
        func failure() -> SiteWriter.WriteError {
            SiteWriter.WriteError(message: "cannot read \(path): \(String(cString: strerror(errno)))")
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw failure() }
        defer { close(fd) }
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var hashes: [UInt64] = []
        var filled = 0, ended = false
        while !ended {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if n < 0, errno == EINTR { continue }
            guard n >= 0 else { throw failure() }
            filled += n
            ended = n == 0
            if filled == chunk.count || ended && filled > 0 {
                hashes.append(of(Array(chunk[..<filled])))
                filled = 0
            }
        }
        return combine(hashes)
    }
}
