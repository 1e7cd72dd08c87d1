/// Up to 64 words looked for in one pass over a text's UTF-8, rather than one pass a word: every
/// title is tested for a dozen kind words and as many period words.
/// (UTF-8 is self-synchronising, so a byte match is a scalar match.)
struct WordSet: Sendable {
    private let words: [[UInt8]]
    /// Bit per key made of a word's second and third bytes: the ones that tell CJK characters
    /// apart (their lead bytes, E4…E9, hardly do), so that few positions pass the test.
    private let keys: [UInt64]

    init(_ words: [String]) {
        precondition(words.count <= 64 && words.allSatisfy { $0.utf8.count >= 3 })
        self.words = words.map { Array($0.utf8) }
        var keys = [UInt64](repeating: 0, count: 64)
        for word in self.words {
            let key = Self.key(word[1], word[2])
            keys[key >> 6] |= 1 << UInt64(key & 63)
        }
        self.keys = keys
    }

    /// Bit `i` is set when `words[i]` occurs in `text`.
    func found(in text: String) -> UInt64 {
        if let found = text.utf8.withContiguousStorageIfAvailable(found) { return found }
        return Array(text.utf8).withUnsafeBufferPointer(found)
    }

    private func found(_ hay: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var found: UInt64 = 0
        var i = 2
        while i < hay.count {
            let key = Self.key(hay[i - 1], hay[i])
            if keys[key >> 6] & (1 << UInt64(key & 63)) != 0 {
                for (n, word) in words.enumerated() where i - 2 + word.count <= hay.count {
                    var j = 0
                    while j < word.count && hay[i - 2 + j] == word[j] { j += 1 }
                    if j == word.count { found |= 1 << UInt64(n) }
                }
            }
            i += 1
        }
        return found
    }

    private static func key(_ a: UInt8, _ b: UInt8) -> Int { Int(a & 63) << 6 | Int(b & 63) }
}
