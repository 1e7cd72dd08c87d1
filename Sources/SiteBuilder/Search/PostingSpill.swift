import Foundation

/// Where the search step moves posting lists once they outgrow its memory budget
/// (`PostingLists.spill`): a scratch file in the staging folder, unlinked as soon as it is opened,
/// so it is never part of the site and nothing is left behind whatever stops the build. At
/// 100,000 reports the postings are 150 MB; spilled in parts, the step holds a few dozen.
/// Appended to by the one thread that owns its lists, read from any.
final class PostingSpill: @unchecked Sendable {
    private let fd: Int32
    private let path: String
    /// Its length: where the next bytes appended will start.
    private(set) var size = 0

    init(in folder: URL) throws {
        path = folder.appendingPathComponent(".search-postings-\(UUID().uuidString)").path
        fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw Self.failure("cannot create", path) }
        unlink(path)
    }

    deinit { close(fd) }

    /// Appends `bytes` at `size`.
    func append(_ bytes: [UInt8]) throws {
        guard bytes.withUnsafeBytes({ PositionalIO.write(fd, $0, at: size) }) else { throw Self.failure("cannot write", path) }
        size += bytes.count
    }

    /// Appends the `count` bytes at `offset` to `out`.
    func read(at offset: Int, count: Int, into out: inout [UInt8]) throws {
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: count))
        let complete = out.withUnsafeMutableBytes {
            PositionalIO.read(fd, into: UnsafeMutableRawBufferPointer(rebasing: $0[start...]), at: offset)
        }
        guard complete else { throw Self.failure("cannot read", path) }
    }

    private static func failure(_ what: String, _ path: String) -> SearchIndexWriter.Failure {
        SearchIndexWriter.Failure(description: "search: \(what) the scratch file \(path): \(String(cString: strerror(errno)))")
    }
}
