import Foundation

/// Writes a built site so that `public/` is never half-written: everything goes into a fresh
/// folder beside it, which then takes its place; a failed build leaves the last good site untouched.
/// Stale files vanish with the old folder.
public struct SiteWriter: Sendable {
    public var output: URL

    public init(output: URL) {
        self.output = output
    }

    /// A new empty staging folder beside the output.
    public func stage() throws -> URL {
        let parent = output.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).building-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: staging)
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        return staging
    }

    /// Puts `staging` in the output's place and removes the previous site. Dot entries at the top of
    /// the old output (`.git` of a deploy checkout, `.gitkeep`) belong to the user and move across.
    public func commit(_ staging: URL) throws {
        let fm = FileManager.default
        let old = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)")
        try? fm.removeItem(at: old)
        guard fm.fileExists(atPath: output.path) else {
            try fm.moveItem(at: staging, to: output)
            return
        }
        try fm.moveItem(at: output, to: old)
        let kept = ((try? fm.contentsOfDirectory(atPath: old.path)) ?? []).filter { $0.hasPrefix(".") }
        do {
            for name in kept { try fm.moveItem(at: old.appendingPathComponent(name), to: staging.appendingPathComponent(name)) }
            try fm.moveItem(at: staging, to: output)
        } catch {
            for name in kept { try? fm.moveItem(at: staging.appendingPathComponent(name), to: old.appendingPathComponent(name)) }
            try? fm.moveItem(at: old, to: output)
            throw error
        }
        try? fm.removeItem(at: old)
    }

    /// Removes a staging folder after a failed build.
    public func discard(_ staging: URL) {
        try? FileManager.default.removeItem(at: staging)
    }

    public struct WriteError: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }
}

/// The first error from concurrent writers.
final class LockedError: @unchecked Sendable {
    private let lock = NSLock()
    private var first: String?

    var message: String? { lock.withLock { first } }

    func set(_ message: String) {
        lock.withLock { if first == nil { first = message } }
    }
}
