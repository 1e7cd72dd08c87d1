/// A 64-bit hash of bytes that is stable across runs (unlike `Hasher`), for telling whether a
/// source or an output file changed. Every source and every page is hashed on each build, so it
/// reads eight bytes at a time: byte-at-a-time FNV-1a was a twentieth of a full build.
public enum ContentHash {
    private static let seed: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15

    public static func of(_ bytes: some Sequence<UInt8>) -> UInt64 {
        of(Array(bytes))
    }

    public static func of(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { of($0) }
    }

    public static func of(_ raw: UnsafeRawBufferPointer) -> UInt64 {
        var h = seed ^ (UInt64(raw.count) &* multiplier)
        var i = 0
        while i + 8 <= raw.count {
            h = mix(h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < raw.count {
            tail |= UInt64(raw[i]) << shift
            shift += 8
            i += 1
        }
        return mix(mix(h ^ tail))
    }

    public static func combine(_ values: [UInt64]) -> UInt64 {
        var h = seed
        for v in values { h = mix(h ^ v) }
        return h
    }

    /// One multiply and two shifts spread every input bit over the whole word.
    private static func mix(_ x: UInt64) -> UInt64 {
        var x = x &* multiplier
        x ^= x >> 32
        x = x &* multiplier
        return x ^ (x >> 29)
    }
}
