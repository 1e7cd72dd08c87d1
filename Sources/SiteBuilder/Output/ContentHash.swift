/// FNV-1a over bytes: stable across runs (unlike `Hasher`), and fast enough to hash every
/// source and output file on each build.
public enum ContentHash {
    public static func of(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }

    public static func of(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBufferPointer { buffer in
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for b in buffer { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
            return h
        }
    }

    public static func combine(_ values: [UInt64]) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for v in values { h = (h ^ v) &* 0x100_0000_01b3 }
        return h
    }
}
