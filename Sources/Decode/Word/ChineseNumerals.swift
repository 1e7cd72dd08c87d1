/// Whole numbers in Chinese and Japanese numerals, as Word writes list counters in them.
struct ChineseNumerals {
    /// 〇/零 and 一…九 (or their legal forms), digit by digit.
    var digits: [String]
    /// 零, for the zeros inside a number (一百零一).
    var zero: String
    /// 十 百 千, then 万 for ten thousands.
    var units: [String]
    var myriad: String
    /// 十一 rather than 一十一 for 10–19 (everyday Chinese; legal forms write 壹拾壹; Japanese drops
    /// every such 一 anyway).
    var shortTens: Bool
    /// Japanese drops 一 before every unit (百, 千) and writes no zero (百一).
    var japanese: Bool

    /// 一 二 … 十 十一 … 二十 … 一百零一 … 九千九百九十九 … 一万: `chineseCounting`, `chineseCountingThousand`.
    static let counting = ChineseNumerals(digits: Array("〇一二三四五六七八九").map(String.init), zero: "零", units: ["十", "百", "千"],
                                          myriad: "万", shortTens: true, japanese: false)
    /// 壹 贰 … 壹拾 壹拾壹: `chineseLegalSimplified`.
    static let legalSimplified = ChineseNumerals(digits: Array("零壹贰叁肆伍陆柒捌玖").map(String.init), zero: "零", units: ["拾", "佰", "仟"],
                                                 myriad: "万", shortTens: false, japanese: false)
    /// 壹 貳 參 … 壹拾: `ideographLegalTraditional`.
    static let legalTraditional = ChineseNumerals(digits: Array("零壹貳參肆伍陸柒捌玖").map(String.init), zero: "零", units: ["拾", "佰", "仟"],
                                                  myriad: "萬", shortTens: false, japanese: false)
    /// 一 … 十 十一 … 百 百一: `japaneseCounting`.
    static let japaneseCounting = ChineseNumerals(digits: Array("〇一二三四五六七八九").map(String.init), zero: "〇", units: ["十", "百", "千"],
                                                  myriad: "万", shortTens: false, japanese: true)

    /// The largest number written in numerals; beyond it, Arabic digits (no list gets near).
    static let maximum = 99_999_999

    func text(_ n: Int) -> String {
        guard n > 0 else { return n == 0 ? digits[0] : String(n) }
        guard n <= Self.maximum else { return String(n) }
        let high = n / 10_000, low = n % 10_000
        guard high > 0 else {
            let out = section(low)
            return shortTens && (10...19).contains(n) ? String(out.dropFirst()) : out
        }
        var out = section(high) + myriad
        if low > 0 {
            if low < 1000, !japanese { out += zero }
            out += section(low)
        }
        return out
    }

    /// 1…9999 as thousands, hundreds, tens and ones, one zero for each run of zeros inside.
    private func section(_ n: Int) -> String {
        let places = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10]
        let placeUnits = [units[2], units[1], units[0], ""]
        var out = ""
        var skipped = false
        for (d, unit) in zip(places, placeUnits) {
            if d == 0 {
                skipped = !out.isEmpty
                continue
            }
            if skipped, !japanese { out += zero }
            skipped = false
            if !(japanese && d == 1 && !unit.isEmpty) { out += digits[d] }
            out += unit
        }
        return out
    }
}
