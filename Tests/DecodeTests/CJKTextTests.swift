@testable import Decode
import XCTest

final class CJKTextTests: XCTestCase {
    func testSpacesBetweenChineseCharactersGo() {
        XCTAssertEqual(CJKText.tidy("进 各 项 工 作 。 全 年 教 育 经 费"), "进各项工作。全年教育经费")
        XCTAssertEqual(CJKText.tidy("围绕 “办好人民满意的教育 ”这一目标"), "围绕“办好人民满意的教育”这一目标")
    }

    func testSpacesBetweenChineseAndLatinTypeGo() {
        XCTAssertEqual(CJKText.tidy("德清县教育局 2022 年工作总结"), "德清县教育局2022年工作总结")
        XCTAssertEqual(CJKText.tidy("达到 96.8% ，投入 18.3 亿元"), "达到96.8%，投入18.3亿元")
        XCTAssertEqual(CJKText.tidy("推进 STEM 教育"), "推进STEM教育")
    }

    func testSpacesBesideHalfWidthPunctuationGo() {
        XCTAssertEqual(CJKText.tidy("传统模式 , 把职工的工资"), "传统模式,把职工的工资")
        XCTAssertEqual(CJKText.tidy("目录 1. 赤壁市教育局"), "目录1.赤壁市教育局")
        XCTAssertEqual(CJKText.tidy("(一) 加强党建"), "(一)加强党建")
    }

    func testSpacesBetweenLatinWordsStay() {
        XCTAssertEqual(CJKText.tidy("Page 3 of 10"), "Page 3 of 10")
        XCTAssertEqual(CJKText.tidy("— 3 —"), "— 3 —")
        XCTAssertEqual(CJKText.tidy("使用 Python 3 编程"), "使用Python 3编程")
        XCTAssertEqual(CJKText.tidy("一、　主要工作"), "一、　主要工作", "an ideographic space is the writer's")
    }

    func testKangxiRadicalsReadAsTheIdeographs() {
        XCTAssertEqual(CJKText.tidy("\u{2F2F}作总结 \u{2F00}、"), "工作总结一、")
    }

    func testLinesAreTrimmed() {
        XCTAssertEqual(CJKText.tidy("  一、主要工作成效 \t"), "一、主要工作成效")
        XCTAssertEqual(CJKText.tidy("   "), "")
    }
}
