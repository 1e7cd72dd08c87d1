/// What cmark must produce for escaped text, computed independently of the escaper, from the
/// CommonMark spec and cmark's HTML writer: text is plain when it comes back as this.
enum ExpectedHTML {
    /// cmark's text escaping: `&`, `<`, `>` and `"` only (`'` stays).
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\u{0}": out += "\u{FFFD}" // cmark replaces NUL
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Spaces, tabs, line tabulation and form feed: trimmed at each line's ends.
    static func isLineSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\u{0B}" || scalar == "\u{0C}"
    }

    static func trimmed(_ scalars: [Unicode.Scalar], also extra: (Unicode.Scalar) -> Bool = { _ in false }) -> String {
        var slice = scalars[...]
        while let first = slice.first, isLineSpace(first) || extra(first) { slice = slice.dropFirst() }
        while let last = slice.last, isLineSpace(last) || extra(last) { slice = slice.dropLast() }
        var out = ""
        out.unicodeScalars.append(contentsOf: slice)
        return out
    }

    /// The lines of `text` (LF, CRLF or CR), each trimmed, without blank lines at either end.
    static func lines(_ text: String) -> [String] {
        var lines: [[Unicode.Scalar]] = [[]]
        var afterCR = false
        for scalar in text.unicodeScalars {
            defer { afterCR = scalar == "\r" }
            if scalar == "\n", afterCR { continue }
            if scalar == "\n" || scalar == "\r" { lines.append([]) } else { lines[lines.count - 1].append(scalar) }
        }
        var result = lines.map { trimmed($0) }
        while result.first?.isEmpty == true { result.removeFirst() }
        while result.last?.isEmpty == true { result.removeLast() }
        return result
    }

    /// The HTML of a paragraph holding exactly `text`, its lines separated by `<br />`.
    static func paragraph(_ text: String) -> String {
        let lines = lines(text)
        if lines.isEmpty { return "" }
        return "<p>" + lines.map(escape).joined(separator: "<br />\n") + "</p>\n"
    }

    /// `text` as a single line: line breaks as spaces, ends trimmed.
    static func inlineText(_ text: String) -> String {
        let scalars = text.unicodeScalars.map { $0 == "\n" || $0 == "\r" ? " " : $0 }
        return trimmed(scalars)
    }

    /// The HTML of an H1 holding exactly `text` on one line.
    static func heading(_ text: String) -> String {
        "<h1>" + escape(inlineText(text)) + "</h1>\n"
    }

    /// The text content of cmark's HTML: tags removed, the four entities cmark writes decoded.
    /// Any `<` in cmark's output starts a tag, because text `<` is always written as `&lt;`.
    static func textContent(ofHTML html: String) -> String {
        var stripped = ""
        var inTag = false
        for scalar in html.unicodeScalars {
            if inTag {
                if scalar == ">" { inTag = false }
            } else if scalar == "<" {
                inTag = true
            } else {
                stripped.unicodeScalars.append(scalar)
            }
        }
        return stripped
            .replacingAll("&lt;", with: "<")
            .replacingAll("&gt;", with: ">")
            .replacingAll("&quot;", with: "\"")
            .replacingAll("&amp;", with: "&")
    }
}

extension String {
    /// Plain substring replacement without Foundation, so the helpers mean the same everywhere.
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            out += rest[..<range.lowerBound]
            out += replacement
            rest = rest[range.upperBound...]
        }
        out += rest
        return out
    }
}
