/// The `Content-Type` a file is served with, from its extension.
enum ContentType {
    /// Text types carry `; charset=utf-8`: the site writes every text file as UTF-8, and browsers
    /// would otherwise guess (wrongly, for Chinese pages opened without a `<meta charset>`).
    private static let text: [String: String] = [
        "html": "text/html",
        "htm": "text/html",
        "css": "text/css",
        "js": "text/javascript",
        "mjs": "text/javascript",
        "json": "application/json",
        "map": "application/json",
        "xml": "application/xml",
        "xsl": "application/xml",
        "txt": "text/plain",
        "md": "text/markdown",
        "markdown": "text/markdown",
        "csv": "text/csv",
        "svg": "image/svg+xml",
        "webmanifest": "application/manifest+json",
    ]

    private static let binary: [String: String] = [
        "wasm": "application/wasm",
        "png": "image/png",
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "gif": "image/gif",
        "webp": "image/webp",
        "avif": "image/avif",
        "ico": "image/x-icon",
        "woff2": "font/woff2",
        "woff": "font/woff",
        "ttf": "font/ttf",
        "otf": "font/otf",
        "pdf": "application/pdf",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "doc": "application/msword",
        "zip": "application/zip",
        "gz": "application/gzip",
        // The search index's shards, long lists and attributes: binary the search script decodes itself.
        "bin": "application/octet-stream",
    ]

    static let html = "text/html; charset=utf-8"
    static let plainText = "text/plain; charset=utf-8"
    static let fallback = "application/octet-stream"

    /// The type for a file name (only the part after the last dot counts, case-insensitively).
    static func forFile(named name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return fallback }
        let ext = name[name.index(after: dot)...].lowercased()
        if let type = text[ext] { return type + "; charset=utf-8" }
        return binary[ext] ?? fallback
    }

    static func isHTML(_ contentType: String) -> Bool {
        contentType.hasPrefix("text/html")
    }
}
