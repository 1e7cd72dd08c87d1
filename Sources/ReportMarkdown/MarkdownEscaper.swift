/// Turns report text into Markdown that renders back as exactly that text.
///
/// Report text is data copied from web pages: a line may start with `1.` or `#`, contain `*`, `<script>`,
/// `&amp;` or `[x](javascript:…)`. None of it may become markup, or a page would grow lists, links or
/// headings the source never had (and the Markdown files would be an injection route). So every piece of
/// source text goes through here, once, before it is placed in a Markdown document.
///
/// The escaping is minimal so the Markdown files stay readable: CommonMark lets a backslash precede any
/// ASCII punctuation, so a character is escaped only where CommonMark could read it as markup:
///
/// - anywhere: `\` `` ` `` `*` `_` `[` `]` `<` (code spans, emphasis, links, autolinks, raw HTML), and `&`
///   when it begins something shaped like a character reference (`&amp;`, `&#65;`, `&#x41;`);
/// - at the start of a line: `#` `>` `-` `+` `=` `~` (headings, quotes, bullet lists, setext underlines,
///   thematic breaks, fences), and the `.` or `)` after a leading run of digits when a space, tab or the
///   line's end follows (an ordered list; `1.5亿` stays as it is);
/// - a byte order mark starting a line is written `&#xFEFF;`, because cmark drops one at a document's start.
///
/// Chinese text, full-width punctuation and everything else pass through untouched. Spaces and tabs at
/// the ends of a line are removed: cmark drops them anyway, and left in place four leading spaces would
/// start a code block and two trailing ones a hard break.
///
/// Both functions walk UTF-8 bytes: every byte that can need escaping is ASCII, and ASCII bytes never occur
/// inside a multi-byte sequence, so multi-byte text is copied through in runs without being decoded.
public enum MarkdownEscaper {
    /// Text for a single-line context — a heading, a title, a list item, link text.
    ///
    /// Line breaks become spaces (a heading cannot hold one) and the ends are trimmed. Every `#` is
    /// escaped, not only a leading one, because a trailing ` #` run would be taken as an ATX heading's
    /// closing sequence and dropped. The result is also safe at the start of a line, so it can stand
    /// after `# ` or `- ` or on a line of its own.
    public static func escapeInline(_ text: String) -> String {
        withBytes(of: text) { bytes in
            let (start, end) = trim(bytes, start: 0, end: bytes.count, alsoLineBreaks: true)
            var out: [UInt8] = []
            out.reserveCapacity(end - start + 16)
            appendEscapedLine(bytes, start: start, end: end, inline: true, to: &out)
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Text for one paragraph block, keeping its line structure.
    ///
    /// Lines (split at LF, CRLF or CR) are escaped one by one and joined with a backslash hard break
    /// (`\` + newline), so a signature's issuer and date lines, or a paragraph the source broke by hand,
    /// render on separate lines without ever leaving the paragraph. Blank lines at the ends are dropped;
    /// a blank line inside becomes one more hard break, since a real blank line would end the paragraph
    /// and let the next line start a new block. All-blank text gives the empty string.
    public static func escapeParagraph(_ text: String) -> String {
        withBytes(of: text) { bytes in
            let count = bytes.count
            var out: [UInt8] = []
            out.reserveCapacity(count + count / 16 + 16)
            var lineStart = 0
            var wroteLine = false
            var blankLinesSinceLast = 0
            while lineStart <= count {
                var lineEnd = lineStart
                while lineEnd < count, bytes[lineEnd] != newline, bytes[lineEnd] != carriageReturn { lineEnd += 1 }
                let (start, end) = trim(bytes, start: lineStart, end: lineEnd, alsoLineBreaks: false)
                if start == end {
                    if wroteLine { blankLinesSinceLast += 1 }
                } else {
                    if wroteLine {
                        for _ in 0...blankLinesSinceLast {
                            out.append(backslash)
                            out.append(newline)
                        }
                    }
                    appendEscapedLine(bytes, start: start, end: end, inline: false, to: &out)
                    wroteLine = true
                    blankLinesSinceLast = 0
                }
                if lineEnd == count { break }
                // CRLF is one line break, not a break and a blank line.
                lineStart = lineEnd + 1
                if bytes[lineEnd] == carriageReturn, lineStart < count, bytes[lineStart] == newline { lineStart += 1 }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    // MARK: - Byte walking

    private static let backslash = UInt8(ascii: "\\")
    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t")
    private static let lineTabulation: UInt8 = 0x0B
    private static let formFeed: UInt8 = 0x0C

    private static func withBytes<R>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }

    /// Space-like bytes cmark may strip at a line's ends or accept after a list marker.
    /// Form feed and line tabulation are included because cmark strips them at a paragraph's end
    /// and accepts them after `1.`; keeping them at a line's ends would make the output depend on
    /// where in the paragraph the line falls.
    @inline(__always)
    private static func isLineSpace(_ byte: UInt8) -> Bool {
        byte == space || byte == tab || byte == lineTabulation || byte == formFeed
    }

    /// Line breaks only occur inside a line for ``escapeInline(_:)``, which turns them into spaces.
    @inline(__always)
    private static func isLineBreak(_ byte: UInt8) -> Bool {
        byte == newline || byte == carriageReturn
    }

    /// Whether the `&` at `index` begins something shaped like a character reference: `&`, an optional
    /// `#` or `#x`, ASCII letters or digits, `;`. Only those can be decoded by cmark, so `AT&T` and `a & b`
    /// stay as they are; the shape is looser than the real entity list, which errs on the safe side.
    private static func startsEntity(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Bool {
        var cursor = index + 1
        if cursor < end, bytes[cursor] == UInt8(ascii: "#") {
            cursor += 1
            if cursor < end, bytes[cursor] | 0x20 == UInt8(ascii: "x") { cursor += 1 }
        }
        let nameStart = cursor
        while cursor < end, cursor - nameStart <= 32 {
            let byte = bytes[cursor]
            guard byte &- UInt8(ascii: "0") < 10 || (byte | 0x20) &- UInt8(ascii: "a") < 26 else { break }
            cursor += 1
        }
        return cursor > nameStart && cursor < end && bytes[cursor] == UInt8(ascii: ";")
    }

    private static func trim(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int, alsoLineBreaks: Bool) -> (Int, Int) {
        func isTrimmed(_ byte: UInt8) -> Bool {
            isLineSpace(byte) || (alsoLineBreaks && isLineBreak(byte))
        }
        var start = start
        var end = end
        while start < end, isTrimmed(bytes[start]) { start += 1 }
        while end > start, isTrimmed(bytes[end - 1]) { end -= 1 }
        return (start, end)
    }

    /// Escapes `bytes[start..<end]`, which begins and ends with a non-space byte and stands at a line start.
    private static func appendEscapedLine(
        _ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int, inline: Bool, to out: inout [UInt8]
    ) {
        guard start < end else { return }
        var index = start

        // cmark drops a byte order mark at the very start of a document, which would put what follows at
        // the start of the document's first line. Written as a character reference it is kept as text,
        // and the line no longer starts with a marker.
        if end - index >= 3, bytes[index] == 0xEF, bytes[index + 1] == 0xBB, bytes[index + 2] == 0xBF {
            out.append(contentsOf: "&#xFEFF;".utf8)
            index += 3
            guard index < end else { return }
        }

        // Block markers: only the first byte of a line can open a block.
        switch bytes[index] {
        case UInt8(ascii: "#"), UInt8(ascii: ">"), UInt8(ascii: "-"), UInt8(ascii: "+"),
             UInt8(ascii: "="), UInt8(ascii: "~"):
            out.append(backslash)
            out.append(bytes[index])
            index += 1
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            var digitsEnd = index
            while digitsEnd < end, bytes[digitsEnd] &- UInt8(ascii: "0") < 10 { digitsEnd += 1 }
            if digitsEnd < end, bytes[digitsEnd] == UInt8(ascii: ".") || bytes[digitsEnd] == UInt8(ascii: ")"),
               digitsEnd + 1 == end || isLineSpace(bytes[digitsEnd + 1]) || isLineBreak(bytes[digitsEnd + 1]) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<digitsEnd]))
                out.append(backslash)
                out.append(bytes[digitsEnd])
                index = digitsEnd + 1
            }
        default:
            break
        }

        // Inline markup: copy runs of harmless bytes, stop only at ASCII that may need a backslash.
        var runStart = index
        while index < end {
            let byte = bytes[index]
            if byte >= 0x80 {
                index += 1
                continue
            }
            var replacement: UInt8?
            var escape = false
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"),
                 UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "<"):
                escape = true
            case UInt8(ascii: "&"):
                escape = startsEntity(bytes, at: index, end: end)
            case UInt8(ascii: "#"):
                escape = inline
            case newline, carriageReturn:
                if inline { replacement = space }
            default:
                break
            }
            if escape || replacement != nil {
                if runStart < index { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
                if let replacement {
                    out.append(replacement)
                } else {
                    out.append(backslash)
                    out.append(byte)
                }
                runStart = index + 1
            }
            index += 1
        }
        if runStart < end { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<end])) }
    }
}
