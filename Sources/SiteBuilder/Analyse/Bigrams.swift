/// The set of adjacent scalar pairs of a text, for Dice similarity: `2·|A∩B| / (|A|+|B|)`.
///
/// Bigrams suit Chinese, which has no spaces: a renamed heading keeps most of its two-character
/// words (学前教育 → 学前、前教、教育), while word order and one inserted word cost little.
struct Bigrams: Sendable, Equatable {
    /// Sorted, without repeats: a pair is the two scalar values in one integer.
    private(set) var keys: [UInt64]

    /// - Parameter scalars: text already reduced to what should count (see `HeadingKey`).
    init<C: Collection>(_ scalars: C) where C.Element == Unicode.Scalar {
        var keys: [UInt64] = []
        keys.reserveCapacity(scalars.count)
        var previous: Unicode.Scalar?
        for s in scalars {
            if let p = previous { keys.append(UInt64(p.value) << 21 | UInt64(s.value)) }
            previous = s
        }
        // A one-scalar text is its own key, so that 德 still equals 德.
        if keys.isEmpty, let only = previous { keys.append(UInt64(only.value)) }
        keys.sort()
        var unique = 0
        for k in keys where unique == 0 || keys[unique - 1] != k {
            keys[unique] = k
            unique += 1
        }
        keys.removeLast(keys.count - unique)
        self.keys = keys
    }

    var isEmpty: Bool { keys.isEmpty }

    /// Dice's coefficient, 0…1: two empty texts are alike (both said nothing but a number or a year).
    func dice(_ other: Bigrams) -> Double {
        let (a, b) = (keys, other.keys)
        if a.isEmpty && b.isEmpty { return 1 }
        var i = 0, j = 0, common = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] {
                common += 1
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return Double(2 * common) / Double(a.count + b.count)
    }
}
