import ReportModel

/// Sites paste one report twice under different titles, rewriting a year here and there:
/// reports whose texts mostly share the same runs of characters are linked to the first copy.
enum DuplicateFinder {
    /// Share of the shorter text's sampled runs that must recur in the other.
    static let threshold = 0.6

    /// - Parameter texts: each report's paragraphs as the splitter cut them (its signature
    ///   included): every character its body keeps is there, in order, and they are read as the
    ///   scalars the parser already holds rather than from the report's strings.
    static func link(_ reports: inout [Report], texts: [RawReport]) {
        guard reports.count > 1 else { return }
        var sampler = Sampler()
        var prints: [[Int]] = []
        prints.reserveCapacity(texts.count)
        for i in texts.indices {
            for j in texts[i].paragraphs.indices { sampler.add(texts[i].paragraphs[j].text) }
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
    /// same runs. A rolling hash keeps this linear and allocation-free; a character is hashed as
    /// its UTF-8 bytes, so a fingerprint does not depend on the form the text was read in.
    /// Sorted and without repeats: comparing two is a merge, not a set's hashing.
    static func fingerprint(_ text: String) -> [Int] {
        fingerprint(of: [text])
    }

    /// The fingerprint of `pieces` joined by newlines or by nothing: only Han characters count.
    static func fingerprint(of pieces: [String]) -> [Int] {
        var sampler = Sampler()
        for piece in pieces { sampler.add(Scalars(piece)) }
        return sampler.finish()
    }

    /// The rolling hash over the pieces of one text after another.
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

        mutating func add(_ piece: Scalars) {
            // Locals for the loop, so the hash stays in registers.
            var (h, n) = (self.h, self.n)
            defer { (self.h, self.n) = (h, n) }
            let (base, drop, window, mask) = (Self.base, Self.drop, Self.window, Self.slots - 1)
            piece.withUnsafeBufferPointer { scalars in
                for s in scalars {
                    // Han characters and CJK punctuation: U+3000–U+9FFF, whose UTF-8 leads with E3…E9.
                    let c = s.value
                    guard c &- 0x3000 < 0x7000 else { continue }
                    let v = UInt64(0xE0_8080 | (c & 0xF000) << 4 | (c & 0x0FC0) << 2 | c & 0x3F)  // its UTF-8 bytes
                    let oldest = ring[(n &- window) & mask]
                    ring[n & mask] = v
                    h = h &* base &+ (v &- oldest &* drop)  // the oldest character's term off the chain
                    n &+= 1
                    if h >> 59 == 0 && n >= window { out.append(Int(truncatingIfNeeded: h)) }
                }
            }
        }

        /// The text's fingerprint; the sampler starts over for the next, keeping its buffer.
        mutating func finish() -> [Int] {
            (h, n) = (0, 0)
            ring.update(repeating: 0, count: Self.slots)
            out.sort()
            var unique = 0
            for i in out.indices where unique == 0 || out[unique - 1] != out[i] {
                out[unique] = out[i]
                unique += 1
            }
            defer { out.removeAll(keepingCapacity: true) }
            return Array(out[..<unique])
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
