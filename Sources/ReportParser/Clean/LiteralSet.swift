/// Which of a fixed list of literals occur in a text, found in one pass over it.
///
/// Each scalar of the text is looked up in a table of the literals that start with it, so a line
/// costs one scan however many noise rules there are (one substring search per rule was the
/// cleaner's main cost).
struct LiteralSet: Sendable {
    private let literals: [Scalars]
    /// Bit per BMP scalar that starts a literal: 8 KB that stay in cache, settling most scalars
    /// before the larger group table is read.
    private let leadBits: [UInt64]
    /// Bit per hash of a literal's first two scalars; a one-scalar literal sets its lead's bit in
    /// `singleBits` instead. Common leads (一, 上, 本) mostly start no literal with the scalar that
    /// follows, and these 8 KB settle that without the larger tables.
    private let pairBits: [UInt64]
    private let singleBits: [UInt64]
    /// For each scalar of the Basic Multilingual Plane: 1 + its group in `groupStarts`, or 0.
    private let groupOfBMPScalar: [UInt16]
    /// Groups for first scalars beyond the BMP (rare in names and chrome).
    private let groupOfOtherScalar: [UInt32: Int]
    /// `members[groupStarts[g]..<groupStarts[g + 1]]`: indices of the literals that start alike.
    private let groupStarts: [Int]
    private let members: [Int]

    /// Empty literals are never reported as found.
    init(_ literals: [Scalars]) {
        self.literals = literals
        var byFirst: [UInt32: [Int]] = [:]
        var leads: [UInt32] = []
        for (index, literal) in literals.enumerated() {
            guard let first = literal.first?.value else { continue }
            if byFirst[first] == nil { leads.append(first) }
            byFirst[first, default: []].append(index)
        }
        var table = [UInt16](repeating: 0, count: 0x10000)
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        var pairs = [UInt64](repeating: 0, count: 0x10000 / 64)
        var singles = [UInt64](repeating: 0, count: 0x10000 / 64)
        for literal in literals where !literal.isEmpty {
            if literal.count == 1 {
                Self.set(&singles, Int(literal[0].value & 0xFFFF))
            } else {
                Self.set(&pairs, Self.pairHash(literal[0].value, literal[1].value))
            }
        }
        var other: [UInt32: Int] = [:]
        var starts: [Int] = [0], members: [Int] = []
        for (group, lead) in leads.enumerated() {
            members += byFirst[lead]!
            starts.append(members.count)
            if lead < 0x10000 {
                table[Int(lead)] = UInt16(group + 1)
                bits[Int(lead >> 6)] |= 1 << UInt64(lead & 63)
            } else {
                other[lead] = group
            }
        }
        groupOfBMPScalar = table
        leadBits = bits
        pairBits = pairs
        singleBits = singles
        groupOfOtherScalar = other
        groupStarts = starts
        self.members = members
    }

    /// Calls `found` with the index of each literal that occurs in `text` (once per occurrence).
    func forEachOccurrence(in text: Scalars, _ found: (Int) -> Void) {
        // The bit tables through buffer pointers: every index is in range (a BMP value, a 16-bit
        // hash), and the arrays' bounds checks were a tenth of the scan.
        leadBits.withUnsafeBufferPointer { leadBits in
            pairBits.withUnsafeBufferPointer { pairBits in
                singleBits.withUnsafeBufferPointer { singleBits in
                    text.withUnsafeBufferPointer { hay in
                        for i in hay.indices {
                            let v = hay[i].value
                            let group: Int
                            if v < 0x10000 {
                                guard Self.test(leadBits, Int(v)) else { continue }
                                let next = i + 1 < hay.count ? hay[i + 1].value : 0
                                guard Self.test(pairBits, Self.pairHash(v, next)) || Self.test(singleBits, Int(v)) else { continue }
                                group = Int(groupOfBMPScalar[Int(v)]) - 1
                            } else {
                                group = groupOfOtherScalar[v] ?? -1
                            }
                            guard group >= 0 else { continue }
                            for m in groupStarts[group]..<groupStarts[group + 1] where Self.occurs(literals[members[m]], in: hay, at: i) {
                                found(members[m])
                            }
                        }
                    }
                }
            }
        }
    }

    @inline(__always)
    private static func pairHash(_ a: UInt32, _ b: UInt32) -> Int {
        Int(truncatingIfNeeded: ((UInt64(a) << 21 | UInt64(b)) &* 0x9E37_79B9_7F4A_7C15) >> 48)
    }

    private static func set(_ bits: inout [UInt64], _ n: Int) {
        bits[n >> 6] |= 1 << UInt64(n & 63)
    }

    @inline(__always)
    private static func test(_ bits: UnsafeBufferPointer<UInt64>, _ n: Int) -> Bool {
        bits[n >> 6] & (1 << UInt64(n & 63)) != 0
    }

    private static func occurs(_ literal: Scalars, in hay: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> Bool {
        guard i + literal.count <= hay.count else { return false }
        for k in 1..<literal.count where hay[i + k] != literal[k] { return false }
        return true
    }
}
