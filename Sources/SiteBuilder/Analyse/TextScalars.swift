/// Classes of scalars the comparison reads: what makes a word, a number or a break in Chinese text.
extension Unicode.Scalar {
    /// A CJK ideograph (the basic block, extension A, and 〇).
    var isIdeograph: Bool {
        (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) || value == 0x3007
    }

    /// 0–9 in ASCII or full width.
    var isDigit: Bool {
        (0x30...0x39).contains(value) || (0xFF10...0xFF19).contains(value)
    }

    /// An ASCII or full-width Latin letter: `XX县` hides a name with letters.
    var isLatinLetter: Bool {
        (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) || (0xFF21...0xFF3A).contains(value) || (0xFF41...0xFF5A).contains(value)
    }

    /// What words are made of; punctuation, spaces and symbols are not.
    var isWordScalar: Bool { isIdeograph || isDigit || isLatinLetter }

    /// A Chinese numeral of an amount (十二, 一百二十).
    var isNumeralWord: Bool {
        switch self {
        case "〇", "零", "一", "二", "两", "三", "四", "五", "六", "七", "八", "九", "十", "百", "千": true
        default: false
        }
    }

    /// A letter people put in place of a hidden digit: xx年, XXXX所, **人.
    var isHiddenDigit: Bool {
        switch self {
        case "x", "X", "ｘ", "Ｘ", "*", "＊", "×": true
        default: false
        }
    }

    /// Ends a sentence, or a line that stands for one.
    var endsSentence: Bool {
        switch self {
        case "。", "！", "？", "!", "?", "；", ";", "\n", "\r": true
        default: false
        }
    }
}
