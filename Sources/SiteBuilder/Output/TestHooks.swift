import Foundation

/// Seams for the crash and disk-full tests, read from the environment; unset, they do nothing.
enum TestHooks {
    /// `ARCHIVE_TEST_PAUSE_AFTER=<step>`: after that build step, say so on standard error and wait
    /// to be killed, so a test can kill a build at a known point.
    static func pause(after step: String) {
        guard ProcessInfo.processInfo.environment["ARCHIVE_TEST_PAUSE_AFTER"] == step else { return }
        FileHandle.standardError.write(Data("paused after \(step)\n".utf8))
        while true { sleep(60) }
    }

    /// `ARCHIVE_TEST_CACHE_FULL=1`: saving the build cache fails as on a full disk, where a test
    /// cannot mount a small file system.
    static var cacheDiskFull: Bool { ProcessInfo.processInfo.environment["ARCHIVE_TEST_CACHE_FULL"] == "1" }
}
