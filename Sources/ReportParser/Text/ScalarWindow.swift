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
        before = []
        after = []
        fill(bytes, around: span, reachBefore: reachBefore, reachAfter: reachAfter)
    }

    /// Refills this window in place, keeping its storage: a body's hundreds of names cost no allocation each.
    mutating func fill(_ bytes: UnsafeBufferPointer<UInt8>, around span: Range<Int>, reachBefore: Int, reachAfter: Int) {
        var start = span.lowerBound, n = 0
        while start > 0, n < reachBefore {
            start -= 1
            while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
            n += 1
        }
        before.removeAll(keepingCapacity: true)
        Self.decode(bytes, start..<span.lowerBound, into: &before)
        after.removeAll(keepingCapacity: true)
        var end = span.upperBound
        n = 0
        while end < bytes.count, n < reachAfter {
            let lead = bytes[end]
            end += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            n += 1
        }
        Self.decode(bytes, span.upperBound..<Swift.min(end, bytes.count), into: &after)
    }

    /// Appends the scalars of valid UTF-8.
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into out: inout Scalars) {
        var i = range.lowerBound
        while i < range.upperBound {
            let lead = UInt32(bytes[i])
            let v: UInt32
            switch lead {
            case ..<0x80: v = lead; i += 1
            case ..<0xE0: v = (lead & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F); i += 2
            case ..<0xF0: v = (lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F); i += 3
            default:
                v = (lead & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F)
                i += 4
            }
            out.append(Unicode.Scalar(v) ?? "\u{FFFD}")
        }
    }

    /// The same from scalars already decoded (a title, a first paragraph).
    init(_ scalars: Scalars, around span: Range<Int>, reachBefore: Int, reachAfter: Int) {
        before = Array(scalars[Swift.max(0, span.lowerBound - reachBefore)..<span.lowerBound])
        after = Array(scalars[span.upperBound..<Swift.min(scalars.count, span.upperBound + reachAfter)])
    }
}
