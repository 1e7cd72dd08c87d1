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
}
