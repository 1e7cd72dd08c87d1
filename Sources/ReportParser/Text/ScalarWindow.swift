/// The scalars on either side of a span of a text's UTF-8, decoded from the bytes in place: a name
/// found in a report's body is judged by a few characters around it, and the body is never
/// converted whole (1,000 mentions × 40 scalars is a fraction of one pass over a 10 KB body).
struct ScalarWindow {
    /// Nearest last: `before[before.count - 1]` stands right before the span.
    var before: Scalars
    var after: Scalars

    /// - Parameters:
    ///   - bytes: valid UTF-8.
    ///   - span: byte range of the span; both ends on scalar boundaries.
    ///   - reachBefore: most scalars read before the span.
    ///   - reachAfter: most scalars read after it.
    init(_ bytes: UnsafeBufferPointer<UInt8>, around span: Range<Int>, reachBefore: Int, reachAfter: Int) {
        var start = span.lowerBound, n = 0
        while start > 0, n < reachBefore {
            start -= 1
            while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
            n += 1
        }
        before = Scalars(utf8: UnsafeBufferPointer(rebasing: bytes[start..<span.lowerBound]))
        var end = span.upperBound
        n = 0
        while end < bytes.count, n < reachAfter {
            let lead = bytes[end]
            end += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            n += 1
        }
        after = Scalars(utf8: UnsafeBufferPointer(rebasing: bytes[span.upperBound..<Swift.min(end, bytes.count)]))
    }

    /// The same from scalars already decoded (a title, a first paragraph).
    init(_ scalars: Scalars, around span: Range<Int>, reachBefore: Int, reachAfter: Int) {
        before = Array(scalars[Swift.max(0, span.lowerBound - reachBefore)..<span.lowerBound])
        after = Array(scalars[span.upperBound..<Swift.min(scalars.count, span.upperBound + reachAfter)])
    }
}
