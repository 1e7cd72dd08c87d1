/// The character of a `w:sym` (Insert › Symbol): a code in a symbol font, usually written in the
/// private-use range F000–F0FF. Symbol's Greek letters and mathematical signs, and Wingdings'
/// check boxes, have Unicode equivalents; other pictographs are no text and are left out.
enum WordSymbols {
    /// The text of `<w:sym w:font=… w:char=…/>`, "" when it has none.
    static func text(font: String?, char: String?) -> String {
        guard let char, let code = UInt32(char, radix: 16) else { return "" }
        let low = code & 0xFF
        let isFontCode = code <= 0xFF || (0xF000...0xF0FF).contains(code)
        switch (font?.lowercased(), isFontCode) {
        case ("symbol", true):
            return symbolFont[low].map { String($0) } ?? ascii(low)
        case (let name?, true) where name.hasPrefix("wingdings") || name.hasPrefix("webdings"):
            return name == "wingdings" ? wingdings[low].map { String($0) } ?? "" : ""
        case (_, true):
            // A code in any other font (often a text font): the character itself.
            return ascii(low)
        default:
            return Unicode.Scalar(code).map { String($0) } ?? ""
        }
    }

    private static func ascii(_ code: UInt32) -> String {
        (0x20..<0x7F).contains(code) ? String(Unicode.Scalar(UInt8(code))) : ""
    }

    /// Adobe's Symbol encoding where it differs from ASCII.
    private static let symbolFont: [UInt32: Character] = {
        var map: [UInt32: Character] = [:]
        for (code, letter) in zip(0x41...0x5A, "ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ") { map[UInt32(code)] = letter }
        for (code, letter) in zip(0x61...0x7A, "αβχδεφγηιϕκλμνοπθρστυϖωξψζ") { map[UInt32(code)] = letter }
        let signs: [(UInt32, Character)] = [
            (0x22, "∀"), (0x24, "∃"), (0x27, "∋"), (0x2A, "∗"), (0x2D, "−"), (0x40, "≅"), (0x5E, "⊥"),
            (0xA2, "′"), (0xA3, "≤"), (0xA5, "∞"), (0xAC, "←"), (0xAD, "↑"), (0xAE, "→"), (0xAF, "↓"),
            (0xB0, "°"), (0xB1, "±"), (0xB2, "″"), (0xB3, "≥"), (0xB4, "×"), (0xB6, "∂"), (0xB7, "•"),
            (0xB8, "÷"), (0xB9, "≠"), (0xBA, "≡"), (0xBB, "≈"), (0xC6, "∅"), (0xCE, "∈"), (0xD5, "∏"),
            (0xD6, "√"), (0xD7, "⋅"), (0xDB, "⇔"), (0xDE, "⇒"), (0xE5, "∑"), (0xF2, "∫"),
        ]
        for (code, sign) in signs { map[code] = sign }
        return map
    }()

    /// Wingdings' ballot boxes and check marks, the ones forms use for 是/否.
    private static let wingdings: [UInt32: Character] = [0xA8: "□", 0xFB: "✗", 0xFC: "✓", 0xFD: "☒", 0xFE: "☑"]
}
