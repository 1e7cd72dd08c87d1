import Foundation

/// Whole reads and writes at an offset of an open file, carried on across short counts and
/// signals: the build's on-disk stores (`ListingStore`, `PostingSpill`) are appended to and read
/// by offset, from several threads at once.
enum PositionalIO {
    /// Writes all of `bytes` at `offset`; false (with `errno` set) when the file cannot take them.
    static func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, at offset: Int) -> Bool {
        whole(bytes.count) { pwrite(fd, bytes.baseAddress! + $0, bytes.count - $0, off_t(offset + $0)) }
    }

    /// Fills `buffer` from `offset`; false when the file ends first or cannot be read.
    static func read(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> Bool {
        whole(buffer.count) { pread(fd, buffer.baseAddress! + $0, buffer.count - $0, off_t(offset + $0)) }
    }

    /// Repeats `transfer` (given the bytes done so far, it returns how many more it moved) until
    /// `count` bytes are done; false when it moves none or fails other than by a signal.
    private static func whole(_ count: Int, _ transfer: (_ done: Int) -> Int) -> Bool {
        var done = 0
        while done < count {
            let n = transfer(done)
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return false }
            done += n
        }
        return true
    }
}
