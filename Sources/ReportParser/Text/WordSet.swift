/// Up to 64 words looked for in one pass over a text's UTF-8, rather than one pass a word: every
/// title is tested for a dozen kind words and as many period words.
/// (UTF-8 is self-synchronising, so a byte match is a scalar match.)
struct WordSet: Sendable {
    /// The words' UTF-8 end to end: word `n` is `bytes[starts[n]..<starts[n + 1]]`.
    private let bytes: [UInt8]
    private let starts: [Int]
    /// Bit per key made of a word's second and third bytes: the ones that tell CJK characters
    /// apart (their lead bytes, E4…E9, hardly do), so that few positions pass the test.
    private let keys: [UInt64]
    /// Bit `n` of `buckets[bucket(key)]` is set when word `n` has that key: a position that passes
    /// the test is compared with the few words that can start there, not with all.
    private let buckets: [UInt64]

    init(_ words: [String]) {
        precondition(words.count <= 64 && words.allSatisfy { $0.utf8.count >= 3 })
        bytes = words.flatMap(\.utf8)
        var starts = [0], keys = [UInt64](repeating: 0, count: 64), buckets = [UInt64](repeating: 0, count: 64)
        for (n, word) in words.enumerated() {
            let utf8 = Array(word.utf8)
            starts.append(starts[n] + utf8.count)
            let key = Self.key(utf8[1], utf8[2])
            keys[key >> 6] |= 1 << UInt64(key & 63)
            buckets[Self.bucket(key)] |= 1 << UInt64(n)
        }
        self.starts = starts
        self.keys = keys
        self.buckets = buckets
    }

    /// Bit `i` is set when `words[i]` occurs in `text`.
    func found(in text: String) -> UInt64 {
        if let found = text.utf8.withContiguousStorageIfAvailable(found) { return found }
        return Array(text.utf8).withUnsafeBufferPointer(found)
    }

    private func found(_ hay: UnsafeBufferPointer<UInt8>) -> UInt64 {
        bytes.withUnsafeBufferPointer { bytes in
            var found: UInt64 = 0
            var i = 2
            while i < hay.count {
                let key = Self.key(hay[i - 1], hay[i])
                if keys[key >> 6] & (1 << UInt64(key & 63)) != 0 {
                    // Words found already are not compared again.
                    var candidates = buckets[Self.bucket(key)] & ~found
                    while candidates != 0 {
                        let n = candidates.trailingZeroBitCount
                        candidates &= candidates - 1
                        let start = starts[n], count = starts[n + 1] - start
                        guard i - 2 + count <= hay.count else { continue }
                        var j = 0
                        while j < count && hay[i - 2 + j] == bytes[start + j] { j += 1 }
                        if j == count { found |= 1 << UInt64(n) }
                    }
                }
                i += 1
            }
            return found
        }
    }

    private static func key(_ a: UInt8, _ b: UInt8) -> Int { Int(a & 63) << 6 | Int(b & 63) }
    private static func bucket(_ key: Int) -> Int { (key ^ key >> 6) & 63 }
}
