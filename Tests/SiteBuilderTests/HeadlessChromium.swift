import Foundation

/// Headless Chromium, the browser the page tests look at the built site with (`make test` installs it).
enum HeadlessChromium {
    static func path() throws -> String {
        guard let path = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw ExternalTool.Missing(description: "chromium is not installed (`make test` installs it)")
        }
        return path
    }

    /// The DOM of `url` after its scripts ran for `budgetMilliseconds` of virtual time. File pages may
    /// read their own folder (`--allow-file-access-from-files`), so a wrapper page can look into frames.
    static func dumpDOM(_ url: URL, budgetMilliseconds: Int) throws -> String {
        try ExternalTool.run([try path(), "--headless", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files",
                              "--window-size=500,800", "--virtual-time-budget=\(budgetMilliseconds)", "--dump-dom", url.absoluteString]).out
    }
}
