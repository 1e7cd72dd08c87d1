import Foundation

/// A cache file of records read a block at a time, each block ending where a `source` line begins,
/// so that a whole file is never in memory: read whole, the 263 MB `sources.tsv` of 100,000
/// reports sat beside the records parsed from it and set a rebuild's peak (708 MB).
final class RecordBlocks {
    private let fd: Int32
    /// Bytes read at a time; a block holds at least this many, unless the file ends first.
    private let size: Int
    private var pending: [UInt8] = []
    private var atEnd = false
    /// Set when a read failed: the blocks returned so far are not the whole file.
    private(set) var failed = false

    init?(path: String, size: Int = 8 << 20) {
        self.size = size
        fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
    }

    deinit { close(fd) }

    /// The next block, which ends before a `source` line or at the end of the file; nil after the
    /// last block and once a read failed.
    func next() -> [UInt8]? {
        var wanted = size
        while !failed {
            if !atEnd, pending.count < wanted {
                fill(upTo: wanted)
                continue
            }
            if atEnd {
                defer { pending = [] }
                return pending.isEmpty ? nil : pending
            }
            if let cut = Self.lastSourceLine(in: pending) {
                // The block is what was read, cut short; only the last source's lines are copied.
                var block: [UInt8] = []
                swap(&block, &pending)
                pending = Array(block[cut...])
                block.removeSubrange(cut...)
                return block
            }
            wanted += size  // one source's lines longer than a block
        }
        return nil
    }

    private func fill(upTo wanted: Int) {
        let start = pending.count
        pending.append(contentsOf: repeatElement(0, count: wanted - start))
        var done = start
        while done < wanted {
            let n = pending.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress! + done, wanted - done) }
            if n < 0, errno == EINTR { continue }
            if n < 0 { failed = true }
            if n <= 0 { break }
            done += n
        }
        if done < wanted { atEnd = true }
        pending.removeSubrange(done...)
    }

    private static let sourceLine = Array("\nsource\t".utf8)

    /// Where the last `source` line that follows a line break begins; nil when there is none.
    static func lastSourceLine(in bytes: [UInt8]) -> Int? {
        let m = sourceLine
        var i = bytes.count - m.count
        while i >= 0 {
            if bytes[i] == 0x0A, bytes[(i + 1)..<(i + m.count)].elementsEqual(m[1...]) { return i + 1 }
            i -= 1
        }
        return nil
    }
}
