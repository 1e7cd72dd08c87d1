/// The number a browser shows before an ordered list's item: `1.`, `a.`, `A.`, `i.`, `I.` by the
/// list's `type`; the parser reads `1.` as a heading number.
enum HTMLListMarker {
    static func marker(_ number: Int, style: String) -> String {
        switch style {
        case "a", "A":
            guard number > 0 else { return "\(number)." }
            let letters = alphabetic(number)
            return (style == "A" ? letters.uppercased() : letters) + "."
        case "i", "I":
            guard (1...3999).contains(number) else { return "\(number)." }
            let numeral = roman(number)
            return (style == "I" ? numeral.uppercased() : numeral) + "."
        default:
            return "\(number)."
        }
    }

    /// a … z, aa, ab …
    private static func alphabetic(_ number: Int) -> String {
        var n = number
        var scalars: [Unicode.Scalar] = []
        while n > 0 {
            n -= 1
            scalars.insert(Unicode.Scalar(UInt8(ascii: "a") + UInt8(n % 26)), at: 0)
            n /= 26
        }
        return String(String.UnicodeScalarView(scalars))
    }

    private static func roman(_ number: Int) -> String {
        let values = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                      (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
        var n = number
        var out = ""
        for (value, numeral) in values {
            while n >= value {
                out += numeral
                n -= value
            }
        }
        return out
    }
}
