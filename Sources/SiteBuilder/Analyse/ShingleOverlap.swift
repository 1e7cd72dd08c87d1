/// The share of text two reports have in common, exactly: the Jaccard similarity of their sets of
/// character shingles, over ideographs, letters and digits only (punctuation and layout say nothing
/// about who wrote the text). For two texts at hand; across a whole archive, MinHash estimates it.
enum ShingleOverlap {
    /// Five characters: long enough that two reports of one field share few by chance, short enough
    /// that a changed name spoils only the shingles across it.
    static let length = 5

    static func jaccard(_ a: String, _ b: String) -> Double {
        let sa = shingles(a), sb = shingles(b)
        guard !sa.isEmpty || !sb.isEmpty else { return 0 }
        let common = sa.intersection(sb).count
        return Double(common) / Double(sa.count + sb.count - common)
    }

    private static func shingles(_ text: String) -> Set<UInt64> {
        let words = Array(text.unicodeScalars.lazy.filter(\.isWordScalar))
        var out = Set<UInt64>()
        guard words.count >= length else { return out }
        out.reserveCapacity(words.count)
        for start in 0...(words.count - length) {
            var h: UInt64 = 0xCBF2_9CE4_8422_2325
            for s in words[start..<(start + length)] { h = (h ^ UInt64(s.value)) &* 0x100_0000_01B3 }
            out.insert(h)
        }
        return out
    }
}
