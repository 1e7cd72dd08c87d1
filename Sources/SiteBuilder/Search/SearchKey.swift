/// How the search index names and places a key (README, "Search index format"): the browser computes the same
/// hash to find a key's shard, so it is FNV-1a 32 exactly, not the build's own `ContentHash`.
enum SearchKey {
    /// FNV-1a 32 of `bytes`.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var h: UInt32 = 0x811C_9DC5
        for b in bytes { h = (h ^ UInt32(b)) &* 0x0100_0193 }
        return h
    }

    static func hash(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { hash($0) }
    }

    /// A key's first slot in an open-addressing table of `mask + 1` slots: the hash's bits spread
    /// by a multiply, since the low bits alone also pick the key's shard.
    @inline(__always)
    static func slot(_ hash: UInt32, mask: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(hash) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// The pseudo-key whose postings are the reports filed under a topic (`\u{1}t:preschool`).
    static func topic(_ slug: String) -> [UInt8] {
        [0x01] + Array("t:\(slug)".utf8)
    }

    /// Lowercase hex of the key's bytes: the name of its list file when its postings stand alone.
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for b in bytes { out += [digits[Int(b >> 4)], digits[Int(b & 15)]] }
        return String(decoding: out, as: UTF8.self)
    }
}
