/// How a list level writes its counter (`w:numFmt`), as the reader sees it. Enclosed forms that
/// are one glyph in Word (⑴ ⒈ ㈠) are written out as the parentheses or full stop they show, the
/// form a typist would have used and the parser reads as a heading number; ① stays one glyph,
/// which the parser reads too. Formats not listed here are written in Arabic digits.
enum WordNumberFormat: Equatable {
    case decimal, decimalZero, fullWidth
    /// ① … ㊿.
    case enclosedCircle
    /// ⑴, written (1).
    case enclosedParen
    /// ⒈, written 1.
    case enclosedFullStop
    case chinese(ChineseNumerals.Kind)
    /// 一二〇: digit by digit.
    case ideographDigital
    /// ㈠, written （一）.
    case parenthesizedIdeograph
    /// 甲 乙 丙 … 癸.
    case heavenlyStems
    /// 子 丑 寅 … 亥.
    case earthlyBranches
    /// 甲子 乙丑 … 癸亥.
    case sexagenary
    case lowerLetter, upperLetter, lowerRoman, upperRoman, ordinal
    /// A bullet is no number: nothing is written for it.
    case bullet
    /// `none`: the level's text is written without a counter.
    case none

    init(_ value: String?) {
        switch value ?? "decimal" {
        case "decimalZero": self = .decimalZero
        case "decimalFullWidth", "decimalFullWidth2": self = .fullWidth
        case "decimalEnclosedCircle", "decimalEnclosedCircleChinese": self = .enclosedCircle
        case "decimalEnclosedParen": self = .enclosedParen
        case "decimalEnclosedFullstop": self = .enclosedFullStop
        case "chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand":
            self = .chinese(.counting)
        case "chineseLegalSimplified": self = .chinese(.legalSimplified)
        case "ideographLegalTraditional": self = .chinese(.legalTraditional)
        case "japaneseCounting": self = .chinese(.japaneseCounting)
        case "ideographDigital", "taiwaneseDigital": self = .ideographDigital
        case "ideographEnclosedCircle": self = .parenthesizedIdeograph
        case "ideographTraditional": self = .heavenlyStems
        case "ideographZodiac": self = .earthlyBranches
        case "ideographZodiacTraditional": self = .sexagenary
        case "lowerLetter": self = .lowerLetter
        case "upperLetter": self = .upperLetter
        case "lowerRoman": self = .lowerRoman
        case "upperRoman": self = .upperRoman
        case "ordinal": self = .ordinal
        case "bullet": self = .bullet
        case "none": self = .none
        default: self = .decimal
        }
    }

    private static let stems = Array("甲乙丙丁戊己庚辛壬癸").map(String.init)
    private static let branches = Array("子丑寅卯辰巳午未申酉戌亥").map(String.init)

    /// The counter `n` written in this format; nil for a bullet.
    func text(_ n: Int) -> String? {
        switch self {
        case .decimal: return String(n)
        case .decimalZero: return n >= 0 && n < 10 ? "0" + String(n) : String(n)
        case .fullWidth: return String(String.UnicodeScalarView(String(n).unicodeScalars.map { Self.shifted($0, by: 0xFF10 - 0x30) }))
        case .enclosedCircle:
            switch n {
            case 1...20: return String(Unicode.Scalar(0x2460 + UInt32(n - 1))!)
            case 21...35: return String(Unicode.Scalar(0x3251 + UInt32(n - 21))!)
            case 36...50: return String(Unicode.Scalar(0x32B1 + UInt32(n - 36))!)
            default: return String(n)
            }
        case .enclosedParen: return "(" + String(n) + ")"
        case .enclosedFullStop: return String(n) + "."
        case .chinese(let kind): return kind.numerals.text(n)
        case .ideographDigital:
            guard n >= 0 else { return String(n) }
            return String(n).unicodeScalars.map { ChineseNumerals.counting.digits[Int($0.value) - 0x30] }.joined()
        case .parenthesizedIdeograph: return "（" + ChineseNumerals.counting.text(n) + "）"
        case .heavenlyStems: return n > 0 ? Self.stems[(n - 1) % 10] : String(n)
        case .earthlyBranches: return n > 0 ? Self.branches[(n - 1) % 12] : String(n)
        case .sexagenary: return n > 0 ? Self.stems[(n - 1) % 10] + Self.branches[(n - 1) % 12] : String(n)
        case .lowerLetter: return Self.letters(n, base: "a")
        case .upperLetter: return Self.letters(n, base: "A")
        case .lowerRoman: return Self.roman(n).lowercased()
        case .upperRoman: return Self.roman(n)
        case .ordinal: return Self.ordinal(n)
        case .bullet: return nil
        case .none: return ""
        }
    }

    private static func shifted(_ s: Unicode.Scalar, by offset: UInt32) -> Unicode.Scalar {
        Unicode.Scalar(s.value + offset) ?? s
    }

    /// a … z, then aa … zz, aaa …: Word repeats the letter rather than counting in base 26.
    private static func letters(_ n: Int, base: Unicode.Scalar) -> String {
        guard n > 0 else { return String(n) }
        let letter = Character(Unicode.Scalar(base.value + UInt32((n - 1) % 26))!)
        return String(repeating: letter, count: (n - 1) / 26 + 1)
    }

    private static func roman(_ n: Int) -> String {
        guard n > 0, n < 4000 else { return String(n) }
        let values = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                      (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var rest = n, out = ""
        for (value, letters) in values {
            while rest >= value {
                out += letters
                rest -= value
            }
        }
        return out
    }

    private static func ordinal(_ n: Int) -> String {
        let suffix = switch (n % 10, n % 100) {
        case (_, 11...13): "th"
        case (1, _): "st"
        case (2, _): "nd"
        case (3, _): "rd"
        default: "th"
        }
        return String(n) + suffix
    }
}

extension ChineseNumerals {
    /// The numeral sets Word's formats name.
    enum Kind: Equatable {
        case counting, legalSimplified, legalTraditional, japaneseCounting

        var numerals: ChineseNumerals {
            switch self {
            case .counting: .counting
            case .legalSimplified: .legalSimplified
            case .legalTraditional: .legalTraditional
            case .japaneseCounting: .japaneseCounting
            }
        }
    }
}
