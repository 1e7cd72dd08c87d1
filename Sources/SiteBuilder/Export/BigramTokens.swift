/// Text as the pairs of adjacent letters or digits it holds, separated by spaces (`发展学前教育。`
/// → `发展 展学 学前 前教 教育`): what the database's `sections_bigrams` index is made from. SQLite's
/// trigram tokenizer cannot find a term shorter than three characters, and a two-character word
/// (学前, 幼儿, 减负) is the common case in Chinese; each pair here is one token of the `unicode61`
/// tokenizer, so `MATCH '学前'` finds exactly the texts that hold 学前. Punctuation and spaces break
/// a run: no pair spans them.
enum BigramTokens {
    static func of(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count * 2)
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            guard isWordScalar(scalar) else {
                previous = nil
                continue
            }
            if let previous {
                if !out.isEmpty { out.append(0x20) }
                UTF8.encode(previous) { out.append($0) }
                UTF8.encode(scalar) { out.append($0) }
            }
            previous = scalar
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A letter or a number, as `unicode61` counts token characters; the CJK block and ASCII are
    /// answered without looking up the scalar's properties.
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x4E00...0x9FFF: return true
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        case 0..<0x80: return false
        default:
            switch s.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .decimalNumber, .letterNumber, .otherNumber: return true
            default: return false
            }
        }
    }
}
