#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads files of the built site, safely, afresh on every request.
///
/// Rebuilds replace the site folder wholesale (a new folder renamed into place), so nothing is cached: the folder's
/// real path is resolved per request, each file is opened, read and closed at once. A file is served only if its real
/// path (symlinks resolved) lies inside the site folder's real path.
struct SiteFiles: Sendable {
    /// The site folder as configured (may itself be a symlink, or relative to the working directory).
    let root: String

    struct File {
        var bytes: [UInt8]
        var name: String
        var modified: Int
    }

    enum Lookup {
        case file(File)
        /// A folder asked for without its trailing slash.
        case folder
        case notFound
        /// Exists, but resolves outside the site (a symlink out) or cannot be read.
        case forbidden
        /// The site folder itself is missing (not built yet, or caught between two renames of a rebuild).
        case siteMissing
    }

    func lookup(_ path: RequestPath) -> Lookup {
        // A rebuild swaps the folder with two renames; retry briefly instead of answering 404 in that gap.
        var rootReal = realPath(root)
        var attempts = 0
        while rootReal == nil, attempts < 20 {
            attempts += 1
            usleep(10_000)
            rootReal = realPath(root)
        }
        guard let rootReal, isDirectory(rootReal) else { return .siteMissing }
        let prefix = rootReal.hasSuffix("/") ? rootReal : rootReal + "/"

        var candidate = prefix + path.segments.joined(separator: "/")
        var info = stat()
        guard stat(candidate, &info) == 0 else { return errno == EACCES ? .forbidden : .notFound }
        if isDirectoryMode(info.st_mode) {
            guard let realFolder = realPath(candidate), realFolder == rootReal || realFolder.utf8.starts(with: prefix.utf8) else {
                return .forbidden
            }
            if !path.trailingSlash, !path.segments.isEmpty { return .folder }
            candidate = (candidate.hasSuffix("/") ? candidate : candidate + "/") + "index.html"
        }
        guard let real = realPath(candidate) else { return errno == EACCES ? .forbidden : .notFound }
        guard real.utf8.starts(with: prefix.utf8) else { return .forbidden }
        let name = candidate.split(separator: "/").last.map(String.init) ?? candidate
        return load(real, name: name)
    }

    /// Opens the resolved path without following a last-moment symlink, and reads it whole.
    private func load(_ path: String, name: String) -> Lookup {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else {
            switch errno {
            case ENOENT, ENOTDIR: return .notFound
            default: return .forbidden
            }
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .forbidden }
        guard isRegularMode(info.st_mode) else { return .notFound }

        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(info.st_size))
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .forbidden
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        #if canImport(Darwin)
        let modified = Int(info.st_mtimespec.tv_sec)
        #else
        let modified = Int(info.st_mtim.tv_sec)
        #endif
        return .file(File(bytes: bytes, name: name, modified: modified))
    }

    private func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && isDirectoryMode(info.st_mode)
    }

    private func isDirectoryMode(_ mode: mode_t) -> Bool { mode & S_IFMT == S_IFDIR }
    private func isRegularMode(_ mode: mode_t) -> Bool { mode & S_IFMT == S_IFREG }
}
