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
        var sampler = Sampler()
        // The parts the walk reads, not whole reports: `map` copied each report (a retain per field).
        var prints: [[Int]] = []
        prints.reserveCapacity(reports.count)
        for i in reports.indices {
            Report.forEachBodyPiece(paragraphs: reports[i].paragraphs, sections: reports[i].sections,
                                    signature: reports[i].signature) { piece, _ in sampler.add(piece) }
            prints.append(sampler.finish())
        }
        for i in reports.indices where prints[i].count >= 4 {
            for j in 0..<i where reports[j].duplicateOf == nil && prints[j].count >= 4 {
                if share(prints[i], prints[j], atLeast: threshold * Double(Swift.min(prints[i].count, prints[j].count))) {
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
        var sampler = Sampler()
        for piece in pieces { sampler.add(piece) }
        return sampler.finish()
    }

    /// The rolling hash over the pieces of one text after another: a struct whose `add` the
    /// reader of a report's pieces calls directly (closures around closures cost as much as the hashing).
    private struct Sampler: ~Copyable {
        static let window = 12
        static let base: UInt64 = 0x100_0000_01b3
        /// base^window, to take the oldest character out.
        static let drop: UInt64 = (0..<window).reduce(1) { product, _ in product &* base }
        /// The last `window` characters, in a raw buffer: an array pays a uniqueness check per write.
        /// Sixteen slots, so the n-th character goes to slot n & 15 and the one `window` back is read
        /// by a mask (no wrap test); a slot not yet written reads 0, as the first `window` need.
        static let slots = 16
        private let ring = UnsafeMutablePointer<UInt64>.allocate(capacity: slots)
        private var h: UInt64 = 0
        private var n = 0
        private var out: [Int] = []

        init() {
            ring.initialize(repeating: 0, count: Self.slots)
        }

        deinit {
            ring.deallocate()
        }

        mutating func add(_ piece: String) {
            // In place: a parsed text's storage is contiguous, and `withUTF8` would want a copy to mutate.
            if piece.utf8.withContiguousStorageIfAvailable({ add(utf8: $0) }) == nil {
                var copy = piece
                copy.withUTF8 { add(utf8: $0) }
            }
        }

        private mutating func add(utf8 bytes: UnsafeBufferPointer<UInt8>) {
            // Locals for the loop, so the hash stays in registers.
            var (h, n) = (self.h, self.n)
            defer { (self.h, self.n) = (h, n) }
            let (base, drop, window, mask) = (Self.base, Self.drop, Self.window, Self.slots - 1)
            guard let p = bytes.baseAddress else { return }
            var i = 0
            while i < bytes.count {
                let b = p[i]
                // Han characters are three-byte sequences led by E3…E9 (a String's UTF-8 is
                // valid, so both continuation bytes are there).
                guard b &- 0xE3 <= 6 else {
                    i &+= b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
                    continue
                }
                let v = UInt64(b) << 16 | UInt64(p[i &+ 1]) << 8 | UInt64(p[i &+ 2])
                i &+= 3
                let oldest = ring[(n &- window) & mask]
                ring[n & mask] = v
                h = h &* base &+ (v &- oldest &* drop)  // the oldest character's term off the chain
                n &+= 1
                if h >> 59 == 0 && n >= window { out.append(Int(truncatingIfNeeded: h)) }
            }
        }

        /// The text's fingerprint; the sampler starts over for the next.
        mutating func finish() -> [Int] {
            var out = self.out
            self.out = []
            (h, n) = (0, 0)
            ring.update(repeating: 0, count: Self.slots)
            out.sort()
            var unique = 0
            for value in out where unique == 0 || out[unique - 1] != value {
                out[unique] = value
                unique += 1
            }
            out.removeLast(out.count - unique)
            return out
        }
    }

    /// Whether two sorted, repeat-free fingerprints share `needed` values: the merge stops as soon
    /// as the answer is known (most pairs of a collection are far apart).
    static func share(_ a: [Int], _ b: [Int], atLeast needed: Double) -> Bool {
        let needed = Int(needed.rounded(.up))  // a count reaches a bound when it reaches its ceiling
        var i = 0, j = 0, shared = 0
        while i < a.count && j < b.count {
            if shared >= needed { return true }
            if shared + Swift.min(a.count - i, b.count - j) < needed { return false }
            if a[i] < b[j] { i += 1 } else if a[i] > b[j] { j += 1 } else {
                shared += 1
                i += 1
                j += 1
            }
        }
        return shared >= needed
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
