import ReportModel

/// Sites paste one report twice under different titles, rewriting a year here and there:
/// reports whose texts mostly share the same runs of characters are linked to the first copy.
enum DuplicateFinder {
    /// Share of the shorter text's sampled runs that must recur in the other.
    static let threshold = 0.6

    /// Each report's `bodyText` is read in pieces (`Report.forEachBodyPiece`): the fingerprint
    /// skips what joins them, so it needs no joined copy, nor a list of the pieces.
    static func link(_ reports: inout [Report]) {
        guard reports.count > 1 else { return }
        let prints = reports.map { report in
            fingerprint { visit in report.forEachBodyPiece { piece, _ in visit(piece) } }
        }
        for i in reports.indices where prints[i].count >= 4 {
            for j in 0..<i where reports[j].duplicateOf == nil && prints[j].count >= 4 {
                let shared = Double(sharedCount(prints[i], prints[j]))
                if shared >= threshold * Double(Swift.min(prints[i].count, prints[j].count)) {
                    reports[i].duplicateOf = reports[j].id
                    break
                }
            }
        }
    }

    /// Hashes of 12-character runs of Han characters (digits and hidden characters left out, so
    /// rewritten years do not count), keeping one in 32 by hash value so both copies sample the
    /// same runs. A rolling hash over the UTF-8 bytes keeps this linear and allocation-free.
    /// Sorted and without repeats: comparing two is a merge, not a set's hashing.
    static func fingerprint(_ text: String) -> [Int] {
        fingerprint(of: [text])
    }

    /// The fingerprint of `pieces` joined by newlines or by nothing: only Han characters count.
    static func fingerprint(of pieces: [String]) -> [Int] {
        fingerprint { visit in pieces.forEach(visit) }
    }

    /// The fingerprint of the pieces `forEachPiece` hands over, in order.
    private static func fingerprint(reading forEachPiece: (_ visit: (String) -> Void) -> Void) -> [Int] {
        let window = 12
        let base: UInt64 = 0x100_0000_01b3
        var drop: UInt64 = 1  // base^window, to take the oldest character out
        for _ in 0..<window { drop = drop &* base }
        var out: [Int] = []
        // The last `window` characters, on the stack: a local array pays a uniqueness check per write.
        // Sixteen slots, so the n-th character goes to slot n & 15 and the one `window` back is read
        // by a mask (no wrap test); a slot not yet written reads 0, as the first `window` need.
        let slots = 16
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: slots) { ring in
            ring.initialize(repeating: 0)
            var state = (h: UInt64(0), n: 0)
            forEachPiece { piece in
                var text = piece
                text.withUTF8 { bytes in
                    // Locals for the loop, so the hash stays in registers.
                    var (h, n) = state
                    defer { state = (h, n) }
                    let drop = drop
                    guard let p = bytes.baseAddress, let ring = ring.baseAddress else { return }
                    var i = 0
                    while i < bytes.count {
                        let b = p[i]
                        // Han characters are three-byte sequences led by E3…E9.
                        guard b &- 0xE3 <= 6, i &+ 2 < bytes.count else {
                            i &+= b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
                            continue
                        }
                        let v = UInt64(b) << 16 | UInt64(p[i &+ 1]) << 8 | UInt64(p[i &+ 2])
                        i &+= 3
                        let oldest = ring[(n &- window) & (slots - 1)]
                        ring[n & (slots - 1)] = v
                        h = h &* base &+ (v &- oldest &* drop)  // the oldest character's term off the chain
                        n &+= 1
                        if h >> 59 == 0 && n >= window { out.append(Int(truncatingIfNeeded: h)) }
                    }
                }
            }
        }
        out.sort()
        var unique = 0
        for value in out where unique == 0 || out[unique - 1] != value {
            out[unique] = value
            unique += 1
        }
        out.removeLast(out.count - unique)
        return out
    }

    /// How many values two sorted, repeat-free fingerprints share.
    static func sharedCount(_ a: [Int], _ b: [Int]) -> Int {
        var i = 0, j = 0, shared = 0
        while i < a.count && j < b.count {
            if a[i] < b[j] { i += 1 } else if a[i] > b[j] { j += 1 } else {
                shared += 1
                i += 1
                j += 1
            }
        }
        return shared
    }
}
