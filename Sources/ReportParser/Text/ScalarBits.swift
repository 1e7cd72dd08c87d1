/// A set of Basic Multilingual Plane scalars, one bit each, for scans that ask it of every scalar
/// of a text. A first test on the scalar's low 12 bits (512 bytes, cache-resident) turns down
/// nearly every scalar of a small set; only those it lets through are looked up in the full 8 KB.
struct ScalarBits: Sendable {
    private var low = [UInt64](repeating: 0, count: 0x1000 / 64)
    private var bits = [UInt64](repeating: 0, count: 0x10000 / 64)

    init() {}

    /// Every BMP scalar for which `included` holds.
    init(where included: (Unicode.Scalar) -> Bool) {
        for v in 0..<UInt32(0x10000) {
            if let s = Unicode.Scalar(v), included(s) { insert(s) }
        }
    }

    /// - Precondition: `s` is in the Basic Multilingual Plane.
    mutating func insert(_ s: Unicode.Scalar) {
        let v = s.value
        precondition(v < 0x10000, "ScalarBits holds the Basic Multilingual Plane only: U+\(String(v, radix: 16))")
        low[Int(v & 0xFFF) >> 6] |= 1 << UInt64(v & 63)
        bits[Int(v >> 6)] |= 1 << UInt64(v & 63)
    }

    /// Whether the scalar of value `v` is in the set; false beyond the BMP.
    @inline(__always)
    func contains(_ v: UInt32) -> Bool {
        low[Int(v & 0xFFF) >> 6] & (1 << UInt64(v & 63)) != 0 && v < 0x10000 && bits[Int(v >> 6)] & (1 << UInt64(v & 63)) != 0
    }

    func contains(_ s: Unicode.Scalar) -> Bool { contains(s.value) }

    /// The index of the first of `scalars` at or after `start` that is in the set, or
    /// `scalars.count`: the skip over text a scan has no use for.
    func firstIndex(in scalars: UnsafeBufferPointer<Unicode.Scalar>, from start: Int) -> Int {
        low.withUnsafeBufferPointer { low in
            var i = start
            while i < scalars.count {
                let v = scalars[i].value
                if low[Int(v & 0xFFF) >> 6] & (1 << UInt64(v & 63)) != 0, contains(v) { return i }
                i += 1
            }
            return scalars.count
        }
    }
}
