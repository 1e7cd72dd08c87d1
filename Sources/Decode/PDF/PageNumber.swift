/// A line at a page's edge as compared across pages: its page number, in whatever shape, left out.
///
/// Two pages' running headers differ only in their numbers (`第 3 页` and `第4页`, `— 3 —` and
/// `—4—`), so lines are compared by a key: blanks removed, each run of digits (ASCII or
/// full-width, or Chinese numerals between 第/共 and 页) written `#`, dashes written `-`, ASCII
/// letters in lower case. A line is a page number alone when its key is one of `shapes`.
struct PageNumber {
    var key: String
    /// The value of the first run of digits, if the line has one.
    var value: Int?

    init(line: String) {
        var key = String.UnicodeScalarView()
        var value: Int?
        let scalars = Array(line.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            if let digit = Self.digitValue(s) {
                var number = digit
                i += 1
                while i < scalars.count, let d = Self.digitValue(scalars[i]) {
                    number = number &* 10 &+ d
                    i += 1
                }
                key.append("#")
                if value == nil { value = number }
                continue
            }
            if Self.isChineseNumeral(s), let last = key.last, last == "第" || last == "共",
               let end = Self.numeralRunEnd(scalars, from: i), end < scalars.count, scalars[end] == "页" {
                key.append("#")
                i = end
                continue
            }
            if !s.properties.isWhitespace { key.append(Self.folded(s)) }
            i += 1
        }
        self.key = String(key)
        self.value = value
    }

    /// The shapes a page number takes on a line of its own, after dashes around it are trimmed:
    /// `3`, `- 3 -`, `— 3 —`, `3 / 10`, `第 3 页`, `第3页 共10页`, `Page 3 of 10`.
    static let shapes: Set<String> = ["#", "#/#", "第#页", "第#页共#页", "第#页,共#页", "第#页/共#页", "共#页第#页", "page#", "page#of#"]

    /// Whether the line is a page number alone.
    var isPageNumber: Bool { Self.shapes.contains(String(core)) }

    /// A bare number, `3`, with nothing around it: as often a table's cell as a page number.
    var isBare: Bool { key == "#" }

    /// The key without the dashes that decorate a page number (`— 3 —`, `-3-`).
    private var core: Substring {
        var s = Substring(key)
        while s.first == "-", s.last == "-", s.count > 2 {
            s = s.dropFirst().dropLast()
        }
        return s
    }

    private static func digitValue(_ s: Unicode.Scalar) -> Int? {
        switch s.value {
        case 0x30...0x39: Int(s.value - 0x30)
        case 0xFF10...0xFF19: Int(s.value - 0xFF10)  // full-width ０-９
        default: nil
        }
    }

    private static let chineseNumerals = Set("〇零一二三四五六七八九十百千两".unicodeScalars)

    private static func isChineseNumeral(_ s: Unicode.Scalar) -> Bool { chineseNumerals.contains(s) }

    /// Where a run of Chinese numerals starting at `start` ends, blanks after it skipped.
    private static func numeralRunEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var i = start
        while i < scalars.count, isChineseNumeral(scalars[i]) { i += 1 }
        while i < scalars.count, scalars[i].properties.isWhitespace { i += 1 }
        return i
    }

    /// Dashes as `-`, full-width slash and comma as ASCII, ASCII letters in lower case.
    private static func folded(_ s: Unicode.Scalar) -> Unicode.Scalar {
        switch s.value {
        case 0x2010...0x2015, 0x2212, 0xFF0D, 0x2500, 0x2501, 0xFE58, 0xFE63: "-"
        case 0xFF0F: "/"
        case 0xFF0C: ","
        case 0x41...0x5A: Unicode.Scalar(s.value + 0x20)!
        default: s
        }
    }
}
