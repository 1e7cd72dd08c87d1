@testable import Decode
import XCTest

final class WordNumberFormatTests: XCTestCase {
    func testChineseCountingAsWordWritesIt() {
        let format = WordNumberFormat("chineseCounting")
        let expected = [1: "一", 9: "九", 10: "十", 11: "十一", 19: "十九", 20: "二十", 21: "二十一", 99: "九十九", 100: "一百",
                        101: "一百零一", 110: "一百一十", 1000: "一千", 1001: "一千零一", 1010: "一千零一十", 9999: "九千九百九十九",
                        10000: "一万", 10010: "一万零一十", 0: "〇"]
        for (n, text) in expected { XCTAssertEqual(format.text(n), text, "\(n)") }
        XCTAssertEqual(WordNumberFormat("chineseCountingThousand").text(1203), "一千二百零三")
    }

    func testLegalAndJapaneseNumerals() {
        XCTAssertEqual(WordNumberFormat("chineseLegalSimplified").text(10), "壹拾")
        XCTAssertEqual(WordNumberFormat("chineseLegalSimplified").text(23), "贰拾叁")
        XCTAssertEqual(WordNumberFormat("ideographLegalTraditional").text(3), "參")
        XCTAssertEqual(WordNumberFormat("japaneseCounting").text(101), "百一")
        XCTAssertEqual(WordNumberFormat("japaneseCounting").text(12), "十二")
    }

    func testEnclosedNumbersAreWrittenAsTheyShow() {
        XCTAssertEqual(WordNumberFormat("decimalEnclosedCircle").text(1), "①")
        XCTAssertEqual(WordNumberFormat("decimalEnclosedCircle").text(20), "⑳")
        XCTAssertEqual(WordNumberFormat("decimalEnclosedCircle").text(21), "㉑")
        XCTAssertEqual(WordNumberFormat("decimalEnclosedCircle").text(51), "51")
        XCTAssertEqual(WordNumberFormat("decimalEnclosedParen").text(3), "(3)")
        XCTAssertEqual(WordNumberFormat("decimalEnclosedFullstop").text(3), "3.")
        XCTAssertEqual(WordNumberFormat("ideographEnclosedCircle").text(2), "（二）")
    }

    func testCyclesLettersAndRomanNumerals() {
        XCTAssertEqual(WordNumberFormat("ideographTraditional").text(3), "丙")
        XCTAssertEqual(WordNumberFormat("ideographTraditional").text(11), "甲")
        XCTAssertEqual(WordNumberFormat("ideographZodiac").text(12), "亥")
        XCTAssertEqual(WordNumberFormat("ideographZodiacTraditional").text(11), "甲戌")
        XCTAssertEqual(WordNumberFormat("lowerLetter").text(2), "b")
        XCTAssertEqual(WordNumberFormat("upperLetter").text(28), "BB")
        XCTAssertEqual(WordNumberFormat("upperRoman").text(1994), "MCMXCIV")
        XCTAssertEqual(WordNumberFormat("lowerRoman").text(4), "iv")
        XCTAssertEqual(WordNumberFormat("decimalZero").text(7), "07")
        XCTAssertEqual(WordNumberFormat("decimalFullWidth").text(12), "１２")
        XCTAssertEqual(WordNumberFormat("ideographDigital").text(205), "二〇五")
        XCTAssertEqual(WordNumberFormat("ordinal").text(12), "12th")
        XCTAssertEqual(WordNumberFormat("ordinal").text(22), "22nd")
    }

    func testBulletsAreNoNumberAndUnknownFormatsAreDecimal() {
        XCTAssertNil(WordNumberFormat("bullet").text(3))
        XCTAssertEqual(WordNumberFormat("none").text(3), "")
        XCTAssertEqual(WordNumberFormat("koreanCounting").text(3), "3")
        XCTAssertEqual(WordNumberFormat(nil).text(3), "3")
    }

    func testLevelTextPlaceholders() {
        XCTAssertEqual(WordNumbering.Level.pieces("（%2）"), [.literal("（"), .counter(1), .literal("）")])
        XCTAssertEqual(WordNumbering.Level.pieces("%1.%2.%3"), [.counter(0), .literal("."), .counter(1), .literal("."), .counter(2)])
        XCTAssertEqual(WordNumbering.Level.pieces("100%"), [.literal("100%")])
        XCTAssertEqual(WordNumbering.Level.pieces("%0%"), [.literal("%0%")])
    }
}
