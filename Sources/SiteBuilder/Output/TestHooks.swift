import Foundation

/// Seams for the crash and disk-full tests, read from the environment; unset, they do nothing.
enum TestHooks {
    /// `ARCHIVE_TEST_PAUSE_AFTER=<step>`: after that build step, say so on standard error and wait,
    /// until the file `ARCHIVE_TEST_RESUME_FILE` names exists (or for ever), so a test can kill a
    /// build, or run another beside it, at a known point.
    static func pause(after step: String) {
        let environment = ProcessInfo.processInfo.environment
        guard environment["ARCHIVE_TEST_PAUSE_AFTER"] == step else { return }
        FileHandle.standardError.write(Data("paused after \(step)\n".utf8))
        let resume = environment["ARCHIVE_TEST_RESUME_FILE"]
        while resume.map({ !FileManager.default.fileExists(atPath: $0) }) ?? true { usleep(20_000) }
    }

    /// `ARCHIVE_TEST_CACHE_FULL=1`: saving the build cache fails as on a full disk, where a test
    /// cannot mount a small file system.
    static var cacheDiskFull: Bool { ProcessInfo.processInfo.environment["ARCHIVE_TEST_CACHE_FULL"] == "1" }
}
