extension Collection where Element == Unicode.Scalar {
    /// Bit `value % 64` of each scalar. A word holding a scalar whose bit a text's mask lacks is not
    /// in that text: most words of a list are passed over before any is searched for.
    var scalarMask: UInt64 {
        reduce(0) { $0 | 1 << UInt64($1.value & 63) }
    }
}
