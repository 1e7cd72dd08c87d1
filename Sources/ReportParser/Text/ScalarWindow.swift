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
        Self.decode(bytes, from: start, count: n, into: &before)
        var end = span.upperBound
        n = 0
        while end < bytes.count, n < reachAfter {
            end += UTF8Scalar.length(lead: bytes[end])
            n += 1
        }
        Self.decode(bytes, from: span.upperBound, count: n, into: &after)
    }

    /// Replaces `out` with the `count` scalars of valid UTF-8 from `start`. They are written into
    /// its storage, which mostly holds as many already (a full window), rather than appended one
    /// by one; valid UTF-8 always yields a valid scalar, so none is checked.
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, count: Int, into out: inout Scalars) {
        if out.count > count {
            out.removeLast(out.count - count)
        } else if out.count < count {
            out.append(contentsOf: repeatElement("\0", count: count - out.count))
        }
        out.withUnsafeMutableBufferPointer { buffer in
            var i = start
            for n in 0..<count {
                buffer[n] = unsafeBitCast(UTF8Scalar.next(in: bytes, at: &i), to: Unicode.Scalar.self)
            }
        }
    }

    /// The same from scalars already decoded (a title, a first paragraph).
    init(_ scalars: Scalars, around span: Range<Int>, reachBefore: Int, reachAfter: Int) {
        before = Array(scalars[Swift.max(0, span.lowerBound - reachBefore)..<span.lowerBound])
        after = Array(scalars[span.upperBound..<Swift.min(scalars.count, span.upperBound + reachAfter)])
    }
}
