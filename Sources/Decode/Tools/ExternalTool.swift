import Dispatch
import Foundation

/// A command-line converter from Debian's packages (`pdftotext`, `catdoc`), run on a source's
/// bytes. The bytes go through a private temporary file, which is removed before `run` returns:
/// the tools seek in their input, so a pipe will not do. A tool that is not installed is an error
/// that names the package to install, so that the user can act on it and the other sources build.
package struct ExternalTool: Sendable {
    /// The command, looked up on `PATH`.
    package var command: String
    /// The Debian package that installs it.
    package var package: String

    package init(command: String, package: String) {
        self.command = command
        self.package = package
    }

    package struct Output: Sendable {
        package var status: Int32
        package var stdout: [UInt8]
        package var stderr: String
    }

    /// The tool's absolute path, or nil when it is not on `PATH`.
    package var path: String? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        return folders.lazy.map { "\($0)/\(command)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs the tool with `arguments`, where the placeholder `ExternalTool.input` stands for a file
    /// holding `bytes`; errors name the source as `name`.
    package func run(_ arguments: [String], bytes: [UInt8], name: String) throws(DecodeError) -> Output {
        guard let executable = path else {
            throw DecodeError(path: name, reason: "cannot be read without \(command), which is not installed: "
                + "install the \(package) package (apt-get install \(package))")
        }
        var template = Array((NSTemporaryDirectory() + "/archive-source-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw DecodeError(path: name, reason: "cannot make a temporary file for \(command): \(String(cString: strerror(errno)))") }
        let inputPath = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        defer { unlink(inputPath) }
        let written = bytes.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 { if errno == EINTR { continue }; return false }
                offset += n
            }
            return true
        }
        close(fd)
        guard written else { throw DecodeError(path: name, reason: "cannot write a temporary file for \(command): \(String(cString: strerror(errno)))") }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments.map { $0 == Self.input ? inputPath : $0 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        // Waited for through its termination handler: `waitUntilExit` polls the run loop every
        // 50 ms on Linux, ten times as long as antiword takes to read a .doc.
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        do { try process.run() } catch {
            throw DecodeError(path: name, reason: "cannot run \(command): \(error.localizedDescription)")
        }
        // Both pipes drained at once: a tool that fills one while the other is read would stall.
        let errors = UncheckedData()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errors.data = err.fileHandleForReading.readDataToEndOfFile() }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        exited.wait()
        return Output(status: process.terminationStatus, stdout: [UInt8](stdout),
                      stderr: String(decoding: errors.data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Stands in `run`'s arguments for the path of the file holding the source's bytes.
    package static let input = "{input}"
}

/// stderr's bytes, written by one reader thread and read after it has finished.
private final class UncheckedData: @unchecked Sendable {
    var data = Data()
}
