import XCTest

/// Compares strings byte for byte: `String ==` uses canonical equivalence, and the point of these
/// tests is that the exact text comes back.
func XCTAssertSameBytes(_ actual: String, _ expected: String, _ message: @autoclosure () -> String = "",
                        file: StaticString = #filePath, line: UInt = #line) {
    if !Array(actual.utf8).elementsEqual(expected.utf8) {
        XCTFail("\(String(reflecting: actual)) is not \(String(reflecting: expected)) \(message())", file: file, line: line)
    }
}
