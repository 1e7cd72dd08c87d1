import Foundation

/// Undoes what PDF text extraction does to Chinese lines.
///
/// A PDF holds glyphs at positions, not words, so pdftotext writes a space wherever a gap between
/// glyphs is wide: between every character of a justified line (`进 各 项 工 作 。`), and where the
/// font changes between Chinese and Latin type (`2022 年`, `投入 18.3 亿元`, `围绕 “办好`), gaps
/// that Word's spacing between Asian and Latin text leaves without a space character. Chinese
/// text has no spaces between its characters, so those are removed; a space between two Latin
/// words stays. Some PDF writers map glyphs to the Kangxi radicals (`⼯作`, U+2F2F) that look
/// like the ideographs: those are read as the ideographs (`工作`).
enum CJKText {
    /// `line` with those spaces removed, radicals read as ideographs, and blanks trimmed off its ends.
    static func tidy<S: StringProtocol>(_ line: S) -> String {
        let scalars = line.unicodeScalars.map { radicals[$0.value] ?? $0 }
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            guard s == " " else {
                out.append(s)
                i += 1
                continue
            }
            var next = i
            while next < scalars.count, scalars[next] == " " { next += 1 }
            let dropped = i > 0 && next < scalars.count && isSpurious(between: scalars[i - 1], and: scalars[next])
            if !dropped { out.append(contentsOf: scalars[i..<next]) }
            i = next
        }
        return String(out).trimmingCharacters(in: .whitespaces)
    }

    /// Whether a space between `a` and `b` is a gap between glyphs, not a word space: on the side
    /// of a Chinese character, the other is Chinese too, or a punctuation mark Chinese type sets
    /// full width (“ ” —), or a Latin letter, digit, `%` or half-width punctuation (`模式 , 把`, `1. 赤壁`).
    private static func isSpurious(between a: Unicode.Scalar, and b: Unicode.Scalar) -> Bool {
        let (wideA, wideB) = (isWide(a), isWide(b))
        return wideA && (wideB || isShared(b) || isLatin(b)) || wideB && (isShared(a) || isLatin(a))
    }

    /// Han ideographs: the unified blocks, their extensions and the compatibility block.
    static func isHan(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F: true
        default: false
        }
    }

    /// Han ideographs, kana, and CJK and full-width punctuation.
    private static func isWide(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3001...0x303F, 0x3040...0x30FF, 0xFE10...0xFE1F, 0xFE30...0xFE4F, 0xFF01...0xFF60, 0xFFE0...0xFFE6: true
        default: isHan(s)
        }
    }

    /// Marks shared with Latin text that Chinese type sets full width: quotes, dashes, ellipsis, middle dot.
    private static func isShared(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x00B7, 0x2014, 0x2015, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026: true
        default: false
        }
    }

    private static func isLatin(_ s: Unicode.Scalar) -> Bool {
        s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || ",.;:!?%()[]".unicodeScalars.contains(s))
    }

    /// The radicals that are compatibility forms of an ideograph (all Kangxi radicals, a few of the
    /// supplement), each to its ideograph.
    private static let radicals: [UInt32: Unicode.Scalar] = {
        var map: [UInt32: Unicode.Scalar] = [:]
        for value in UInt32(0x2E80)...0x2FDF {
            guard let radical = Unicode.Scalar(value) else { continue }
            let folded = String(Character(radical)).precomposedStringWithCompatibilityMapping.unicodeScalars
            if folded.count == 1, let ideograph = folded.first, ideograph != radical { map[value] = ideograph }
        }
        return map
    }()
}
