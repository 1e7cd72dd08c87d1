import Foundation

/// Text in simplified script, for matching against word lists and names written in simplified
/// form (總結 → 总结, 縣 → 县, 區 → 区, 計劃 → 计划); whatever is shown keeps the text as written.
///
/// Cheap where there is nothing to do: a text is transformed (ICU `Hant-Hans`) only when a
/// scalar test finds a traditional-only character in it, so simplified text costs one table
/// look-up a scalar and no copy. Call it only on what is matched (titles, headings, head lines,
/// signatures, office names), never on whole bodies.
public enum SimplifiedForm {
    /// `text` in simplified script; `text` itself when it holds no traditional-only character.
    public static func of(_ text: String) -> String {
        guard hasTraditional(text) else { return text }
        return transform(text)
    }

    /// Whether `text` holds a character that simplified script writes otherwise (總, 縣, 區 …).
    public static func hasTraditional(_ text: String) -> Bool {
        // Read from the string's UTF-8: its scalar view's iterator cost more than the test.
        let scan = { (bytes: UnsafeBufferPointer<UInt8>) in
            table.withUnsafeBufferPointer { table in
                var i = 0
                while i < bytes.count {
                    if isTraditional(UTF8Scalar.next(in: bytes, at: &i), in: table) { return true }
                }
                return false
            }
        }
        if let found = text.utf8.withContiguousStorageIfAvailable(scan) { return found }
        var copy = text
        return copy.withUTF8(scan)
    }

    /// The part of `text` (as written) that stands where `part` stands in `of(text)`: an office
    /// found in the simplified form, shown in the original script. `part` itself when the
    /// transform moved scalars (it almost never does: the mapping is character for character).
    public static func original(of part: String, in text: String) -> String {
        guard hasTraditional(text) else { return part }
        let written = Scalars(text), simplified = Scalars(transform(text))
        guard written.count == simplified.count, let at = simplified.firstIndex(of: Scalars(part)) else { return part }
        return written[at..<(at + part.unicodeScalars.count)].string
    }

    /// `of` for the parser's working form.
    static func of(_ text: Scalars) -> Scalars {
        let found = text.withUnsafeBufferPointer { scalars in
            table.withUnsafeBufferPointer { table in scalars.contains { isTraditional($0.value, in: table) } }
        }
        guard found else { return text }
        return Scalars(transform(text.string))
    }

    /// A character in the table of those the transform changes.
    static func isTraditional(_ s: Unicode.Scalar) -> Bool {
        table.withUnsafeBufferPointer { isTraditional(s.value, in: $0) }
    }

    /// `isTraditional` with the table in hand: the scans read the global once, not a scalar at a time.
    @inline(__always)
    private static func isTraditional(_ v: UInt32, in table: UnsafeBufferPointer<UInt64>) -> Bool {
        guard v >= TraditionalCharacters.start, v < TraditionalCharacters.end else { return false }
        let i = Int(v - TraditionalCharacters.start)
        return table[i >> 6] & (1 << UInt64(i & 63)) != 0
    }

    private static func transform(_ text: String) -> String {
        text.applyingTransform(StringTransform("Hant-Hans"), reverse: false) ?? text
    }

    /// ICU also maps 著 → 着 and 俱 → 具, which simplified text uses every day (显著, 与时俱进), and each
    /// such hit would cost a transform: the table leaves out what the simplified standard holds.
    private static let table = TraditionalCharacters.bits
}
