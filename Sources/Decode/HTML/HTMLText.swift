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
}
