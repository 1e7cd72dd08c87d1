import Foundation

/// Paths into the package, found from this file so tests run from any working directory.
enum TestPaths {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func content(_ name: String) -> String {
        root.appendingPathComponent("content").appendingPathComponent(name).path
    }

    /// A fresh temporary folder, removed when the test ends.
    static func temporaryFolder(_ test: XCTestCaseLike) -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("reportarchive-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }
}

protocol XCTestCaseLike {
    func addTeardownBlock(_ block: @escaping @Sendable () -> Void)
}
