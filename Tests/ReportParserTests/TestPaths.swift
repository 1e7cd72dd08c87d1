import Foundation

/// Paths into the package, found from this file so tests run from any working directory.
enum TestPaths {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func content(_ name: String) -> String {
        root.appendingPathComponent("content").appendingPathComponent(name).path
    }
}
