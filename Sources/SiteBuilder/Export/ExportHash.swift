import Foundation

/// The content hash the manifest knows an export file by: the hashes of its parts combined, a part
/// being a row (`ExportRows`) or the bytes before, between or after rows. A build that copies most
/// rows from the last file (`ExportPlan`) then reads back only what it rendered, the copied parts'
/// hashes being saved with the rows: reading 426 MB back to hash it cost more than writing it. The
/// hash follows from the bytes and where the rows lie alone, so a clean build and one that copied
/// rows give the same file the same hash.
enum ExportHash {
    private static let chunk = 1 << 20

    static func file(_ parts: [UInt64]) -> UInt64 {
        ContentHash.combine(parts)
    }

    /// The hashes of the parts of the file at `path`, `size` bytes whose rows lie at `rows`,
    /// written as `plan` says: `2 * rows.count + 1` of them, the bytes before each row and the
    /// row in turn, then the bytes after the last. Parts copied whole from the last file are not read.
    static func parts(of path: String, size: Int, rows: [Range<Int>], plan: ExportPlan) throws -> [UInt64] {
        func span(_ part: Int) -> Range<Int> {
            let row = part / 2
            if part % 2 == 1 { return rows[row] }
            return (row == 0 ? 0 : rows[row - 1].upperBound)..<(row == rows.count ? size : rows[row].lowerBound)
        }
        var parts = [UInt64](repeating: 0, count: 2 * rows.count + 1)
        var known = [Bool](repeating: false, count: parts.count)
        if let previous = plan.previous {
            for case .copy(let new, let old) in plan.pieces {
                // A run's rows and the bytes between them are copied; the bytes before its first row are not.
                for t in 0..<new.count {
                    let part = 2 * (new.lowerBound + t) + 1, was = 2 * (old.lowerBound + t) + 1
                    parts[part] = previous.parts[was]
                    known[part] = true
                    if t > 0 {
                        parts[part - 1] = previous.parts[was - 1]
                        known[part - 1] = true
                    }
                }
            }
        }
        let empty = ContentHash.of([UInt8]())
        var unread: [Int] = []
        for part in parts.indices where !known[part] {
            if span(part).isEmpty { parts[part] = empty } else { unread.append(part) }
        }
        guard !unread.isEmpty else { return parts }

        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw SiteWriter.WriteError(message: "cannot read \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        // Where each stretch of parts to read, lying end to end, ends: a read never goes past it
        // into copied bytes.
        var ends = unread.map { span($0).upperBound }
        for k in stride(from: unread.count - 2, through: 0, by: -1) where span(unread[k + 1]).lowerBound == ends[k] {
            ends[k] = ends[k + 1]
        }
        var window: [UInt8] = []
        var read = 0..<0  // the bytes of the file the window holds
        for (k, part) in unread.enumerated() {
            let bytes = span(part)
            if bytes.lowerBound < read.lowerBound || bytes.upperBound > read.upperBound {
                let count = max(bytes.count, min(chunk, ends[k] - bytes.lowerBound))
                if window.count < count { window = [UInt8](repeating: 0, count: count) }
                let ok = window.withUnsafeMutableBytes { PositionalIO.read(fd, into: UnsafeMutableRawBufferPointer(rebasing: $0[..<count]), at: bytes.lowerBound) }
                guard ok else { throw SiteWriter.WriteError(message: "cannot read \(path): \(String(cString: strerror(errno)))") }
                read = bytes.lowerBound..<bytes.lowerBound + count
            }
            parts[part] = window.withUnsafeBytes {
                ContentHash.of(UnsafeRawBufferPointer(rebasing: $0[bytes.lowerBound - read.lowerBound..<bytes.upperBound - read.lowerBound]))
            }
        }
        return parts
    }
}
