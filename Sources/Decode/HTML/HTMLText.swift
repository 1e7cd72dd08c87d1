/// The kinds of character a page's text is laid out by.
enum HTMLText {
    /// Spaces a line is trimmed of: ASCII, no-break, ideographic, the typographic and zero-width
    /// ones, and the byte-order mark some editors leave mid-file.
    static func isBlank(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09, 0x0A, 0x0C, 0x0D, 0x20, 0xA0, 0x3000, 0x2002...0x200B, 0xFEFF: true
        default: false
        }
    }

    /// Characters of Chinese (and Japanese) text, which is written without spaces between words:
    /// ideographs, kana, CJK and full-width punctuation, and the curly quotes, dashes and
    /// ellipsis Chinese text shares with Western text.
    static func isWide(_ s: Unicode.Scalar) -> Bool {
        isChinese(s) || s.value == 0x2014 || s.value == 0x2018 || s.value == 0x2019 || s.value == 0x201C
            || s.value == 0x201D || s.value == 0x2026
    }

    /// Ideographs, kana, CJK and full-width punctuation.
    static func isChinese(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3000...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFF00...0xFFEF, 0x20000...0x3134F: true
        default: false
        }
    }

    /// Runs of blanks as one space, none at either end: an attribute's or a title's value.
    static func collapsed(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var gap = false
        for s in text.unicodeScalars {
            if isBlank(s) {
                gap = !out.isEmpty
            } else {
                if gap { out.append(" ") }
                gap = false
                out.append(s)
            }
        }
        return String(out)
    }

    /// A text node as the reader sees it. Word's "save as web page" brackets list numbers and
    /// drawings in downlevel-revealed conditional comments (`<![if !supportLists]>` …
    /// `<![endif]>`), which browsers read as comments (the standard's bogus comments) but
    /// libxml2 2.9 leaves in the text: they are taken out.
    static func visible(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "<")) else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if scalars[i] == "<", isConditionalMarker(scalars[i...]),
               let close = scalars[(i + 3)...].indices.first(where: { scalars[$0] == "]" && $0 + 1 < scalars.count && scalars[$0 + 1] == ">" }) {
                i = close + 2
            } else {
                out.append(scalars[i])
                i += 1
            }
        }
        return String(out)
    }

    /// `<![if ` or `<![if!` (a condition follows) or `<![endif]`.
    private static func isConditionalMarker(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
        let opening = "<![if".unicodeScalars, closing = "<![endif]".unicodeScalars
        if s.starts(with: closing) { return true }
        guard s.starts(with: opening), s.count > opening.count else { return false }
        let next = s[s.startIndex + opening.count]
        return next == "!" || isBlank(next)
    }
}
