/// A page's text as lines, written as a browser lays it out: runs of HTML whitespace are one
/// space, blocks and `<br>` end lines, and a line break in the source between two Chinese
/// characters is nothing (Chinese is written without spaces; the break is the editor's).
///
/// A line is trimmed of spaces and no-break spaces at both ends and of ideographic spaces at its
/// end; ideographic spaces at its start are kept, as the indentation Chinese text uses. A line of
/// blanks is no line, and blank lines (from `<br><br>`) never stand first, last or twice in a row.
struct HTMLLineWriter {
    private(set) var lines: [String] = []
    private var line = ""
    private var last: Unicode.Scalar?
    private var gap = Gap.none
    private var blankPending = false

    /// Whitespace read since the last character written, which becomes one space (or none) only
    /// when more text follows on the line.
    private enum Gap: Comparable {
        case none
        case space
        /// Whitespace holding a line break, which between two Chinese characters is nothing.
        case lineBreak
        /// Between table cells: a space whatever stands beside it.
        case separator
    }

    /// The 1-based number the line being written will have, or the next line when none is.
    var nextLine: Int { lines.count + (blankPending ? 1 : 0) + 1 }

    /// Text outside `<pre>`: whitespace runs collapse.
    mutating func write(_ text: String) {
        for s in text.unicodeScalars {
            switch s {
            case " ", "\t", "\u{0C}":
                gap = max(gap, .space)
            case "\n", "\r":
                gap = max(gap, .lineBreak)
            default:
                append(s)
            }
        }
    }

    /// Text inside `<pre>`: spaces kept, each line break ends a line.
    mutating func writePreformatted(_ text: String) {
        var afterCR = false
        for s in text.unicodeScalars {
            defer { afterCR = s == "\r" }
            if s == "\n" && afterCR { continue }
            if s == "\n" || s == "\r" {
                breakLine()
            } else {
                gap = .none
                line.unicodeScalars.append(s)
                last = s
            }
        }
    }

    /// Between table cells: a space, unless the line has not started.
    mutating func separate() {
        gap = .separator
    }

    /// A block's edge: the line ends if it holds text.
    mutating func endLine() {
        flush()
    }

    /// `<br>`: the line ends; where none was being written, a blank line stands.
    mutating func breakLine() {
        if !flush() && !lines.isEmpty { blankPending = true }
    }

    /// Ends the last line.
    mutating func finish() {
        flush()
    }

    /// The lines written, each ended by `\n`.
    var text: String {
        var text = ""
        text.reserveCapacity(lines.reduce(0) { $0 + $1.utf8.count + 1 })
        for l in lines {
            text += l
            text += "\n"
        }
        return text
    }

    private mutating func append(_ s: Unicode.Scalar) {
        if !line.isEmpty && gap != .none && !(gap == .lineBreak && HTMLText.isWide(last!) && HTMLText.isWide(s)) {
            line.unicodeScalars.append(" ")
        }
        gap = .none
        line.unicodeScalars.append(s)
        last = s
    }

    /// Ends the line; false when it held nothing but blanks, and so is no line.
    @discardableResult
    private mutating func flush() -> Bool {
        defer {
            line = ""
            last = nil
            gap = .none
        }
        let scalars = line.unicodeScalars
        guard let end = scalars.lastIndex(where: { !HTMLText.isBlank($0) }) else { return false }
        let start = scalars.firstIndex { !HTMLText.isBlank($0) || $0 == "\u{3000}" }!
        if blankPending {
            lines.append("")
            blankPending = false
        }
        lines.append(String(scalars[start...end]))
        return true
    }
}
