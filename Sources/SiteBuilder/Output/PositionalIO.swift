import Foundation

/// Whole reads and writes at an offset of an open file, carried on across short counts and
/// signals: the build's on-disk stores (`ListingStore`, `PostingSpill`) are appended to and read
/// by offset, from several threads at once.
enum PositionalIO {
    /// Writes all of `bytes` at `offset`; false (with `errno` set) when the file cannot take them.
    static func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, at offset: Int) -> Bool {
        var done = 0
        while done < bytes.count {
            let n = pwrite(fd, bytes.baseAddress! + done, bytes.count - done, off_t(offset + done))
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return false }
            done += n
        }
        return true
    }

    /// Fills `buffer` from `offset`; false when the file ends first or cannot be read.
    static func read(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> Bool {
        var done = 0
        while done < buffer.count {
            let n = pread(fd, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return false }
            done += n
        }
        return true
    }
}
