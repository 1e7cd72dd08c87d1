import Foundation

/// ASCII names for URLs: pinyin for Chinese, lowercase letters, digits and `-`.
public enum Slug {
    public static func make(_ text: String) -> String {
        let latin = text.unicodeScalars.allSatisfy(\.isASCII) ? text
            : (text.applyingTransform(StringTransform("Han-Latin; Latin-ASCII"), reverse: false) ?? text)
        var out = ""
        var dash = false
        for s in latin.lowercased().unicodeScalars {
            if (s >= "a" && s <= "z") || (s >= "0" && s <= "9") {
                out.unicodeScalars.append(s)
                dash = false
            } else if !dash && !out.isEmpty {
                out += "-"
                dash = true
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "x" : out
    }
}
