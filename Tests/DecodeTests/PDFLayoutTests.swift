@testable import Decode
import XCTest

final class PDFLayoutTests: XCTestCase {
    func testLinesAreReadPageByPageWithTheirBoxesAndTheDocumentInformation() throws {
        let xhtml = """
        <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd"><html xmlns="http://www.w3.org/1999/xhtml">
        <head>
        <title>德清县教育局2022年工作总结 &amp; 附件</title>
        <meta name="Author" content="德清县教育局办公室"/>
        <meta name="Creator" content="Writer"/>
        </head>
        <body>
        <doc>
          <page width="595.303937" height="841.889764">
            <flow>
              <block xMin="162.9" yMin="90" xMax="438.4" yMax="116">
                <line xMin="162.9" yMin="90" xMax="438.4" yMax="116">
                  <word xMin="162.9" yMin="90" xMax="282.9" yMax="116">德清县教育局</word>
                  <word xMin="286.9" yMin="90" xMax="334.3" yMax="116">2022</word>
                  <word xMin="338.4" yMin="90" xMax="438.4" yMax="116">年工作\u{1}总结</word>
                </line>
              </block>
            </flow>
          </page>
          <page width="595.303937" height="841.889764">
          </page>
        </doc>
        </body>
        </html>
        """
        let layout = try PDFLayout(xhtml: Array(xhtml.utf8))
        XCTAssertEqual(layout.title, "德清县教育局2022年工作总结 & 附件")
        XCTAssertEqual(layout.author, "德清县教育局办公室")
        XCTAssertEqual(layout.pages, [[PDFLayout.Line(text: "德清县教育局 2022 年工作 总结", left: 162.9, right: 438.4, height: 26)], []])
    }
}
