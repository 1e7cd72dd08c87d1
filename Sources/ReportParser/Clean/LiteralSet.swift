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
        groupOfOtherScalar = other
        groupStarts = starts
        self.members = members
    }

    /// Calls `found` with the index of each literal that occurs in `text` (once per occurrence).
    func forEachOccurrence(in text: Scalars, _ found: (Int) -> Void) {
        text.withUnsafeBufferPointer { hay in
            for i in hay.indices {
                let v = hay[i].value
                let group: Int
                if v < 0x10000 {
                    guard leadBits[Int(v >> 6)] & (1 << UInt64(v & 63)) != 0 else { continue }
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

    /// Does any literal occur in `text`?
    func occursAny(in text: Scalars) -> Bool {
        var any = false
        forEachOccurrence(in: text) { _ in any = true }
        return any
    }

    private static func occurs(_ literal: Scalars, in hay: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> Bool {
        guard i + literal.count <= hay.count else { return false }
        for k in 1..<literal.count where hay[i + k] != literal[k] { return false }
        return true
    }
}
