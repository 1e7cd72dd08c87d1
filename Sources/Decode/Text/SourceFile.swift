import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A source file's bytes, or why they cannot be had in words a user can act on: a path that is not
/// there, a folder given where its files were meant, or the system's reason (from `errno`).
package enum SourceFile {
    /// The bytes of the file at `path`; errors name it as `name`.
    package static func bytes(at path: String, name: String) throws(DecodeError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw DecodeError(path: name, reason: reason(errno: errno, name: name)) }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
            throw DecodeError(path: name, reason: reason(errno: EISDIR, name: name))
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(max(0, Int(info.st_size)))
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n == 0 { return bytes }
            if n < 0 {
                if errno == EINTR { continue }
                throw DecodeError(path: name, reason: reason(errno: errno, name: name))
            }
            bytes.append(contentsOf: buffer[..<n])
        }
    }

    /// Why `name` could not be read, from the `errno` of the failed call.
    static func reason(errno code: Int32, name: String) -> String {
        switch code {
        case ENOENT:
            return "no such file"
        case EISDIR:
            return "is a folder (did you mean \(name.hasSuffix("/") ? name : name + "/")*.txt?)"
        default:
            let system = String(cString: strerror(code))
            return "cannot be read: " + system.prefix(1).lowercased() + system.dropFirst()
        }
    }
}
