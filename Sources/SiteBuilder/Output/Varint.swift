/// LEB128: 7 bits a byte, the high bit set while more follow. Packed outlines (`PackedOutline`)
/// and the search index's files write their numbers this way.
enum Varint {
    static func append(_ value: Int, to out: inout [UInt8]) {
        var v = UInt(bitPattern: value)
        while v >= 0x80 {
            out.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }

    /// The varint at `i` of `bytes`, with `i` moved past it; one cut short by the end reads as far as it goes.
    @inline(__always)
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, at i: inout Int) -> Int {
        var value = 0, shift = 0
        while i < bytes.count {
            let b = bytes[i]
            i += 1
            value |= Int(b & 0x7F) << shift
            if b < 0x80 { break }
            shift += 7
        }
        return value
    }
}
