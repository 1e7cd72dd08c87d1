import Ccmark

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Markdown → HTML through Debian's libcmark, the archive's only Markdown implementation.
///
/// This is the one file that imports `Ccmark`: the rest of the project sees Swift strings only,
/// so a cmark upgrade (or a swap to another CommonMark implementation) touches nothing else.
/// Rendering always uses `CMARK_OPT_DEFAULT`, which in cmark ≥ 0.29 is *safe* mode: raw HTML
/// becomes `<!-- raw HTML omitted -->` and `javascript:`/`vbscript:`/`file:`/most `data:` link
/// destinations are blanked. Escaping (see ``MarkdownEscaper``) is the first line of defence for
/// report text; safe mode is the second, for any Markdown that did not come through the escaper.
public enum CommonMark {
    /// The HTML for a CommonMark document, with every block closed by a newline.
    ///
    /// An empty or all-blank document gives the empty string, as cmark does.
    public static func html(fromMarkdown markdown: String) -> String {
        var markdown = markdown
        // `withUTF8` hands cmark the string's own contiguous bytes (making them native first if
        // needed), and cmark takes an explicit length, so NUL bytes in the text are handled by cmark
        // (it turns them into U+FFFD) instead of cutting the document short.
        return markdown.withUTF8(html(fromUTF8:))
    }

    /// The HTML for part of a document (a section of a report's Markdown), without copying it out.
    public static func html(fromMarkdown markdown: Substring) -> String {
        var markdown = markdown
        return markdown.withUTF8(html(fromUTF8:))
    }

    private static func html(fromUTF8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return "" }
        let html = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { text in
            cmark_markdown_to_html(text, bytes.count, CMARK_OPT_DEFAULT)
        }
        // cmark returns NULL only when allocation fails; it aborts in that case, but be total.
        guard let html else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    /// The version of the libcmark the program is running against, e.g. `0.30.2`,
    /// for build reports and for tests that depend on safe-mode behaviour.
    public static var version: String {
        String(cString: cmark_version_string())
    }
}
