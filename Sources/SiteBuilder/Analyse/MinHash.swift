import ReportModel
import ReportParser

/// A report's text as a MinHash signature, so that reports sharing most of their text can be found
/// across the whole archive without keeping any text: two signatures agree in about the share of
/// places that the two texts' sets of shingles share (their Jaccard similarity).
///
/// The text is normalised to ideographs, letters and digits (punctuation, spaces and layout say
/// nothing about who copied whom) and cut into overlapping shingles of five characters, each hashed
/// once; one-permutation hashing files each hash into one of 128 bins by its top bits and keeps the
/// least per bin, so a character costs one hash, not 128 (about 250 MB of text a second on one core).
public enum MinHash {
    /// Characters per shingle. Chinese words are one to four characters, so shorter shingles are the
    /// phrases every education report uses (`义务教育`, `立德树人`) and make unrelated reports look
    /// alike; at five a changed name of three characters still spoils only seven shingles.
    static let shingleLength = 5
    /// Places in a signature: the share of equal places estimates the similarity within ±3 points
    /// at 0.87 (one standard deviation), and 128 places make 32 bands of 4 for `NearDuplicateFinder`.
    public static let size = 128
    /// Fewer shingles give no signature: about 200 characters are a stub, not a report, and with
    /// fewer shingles than bins most places would be borrowed from other bins.
    static let minimumShingles = 200

    /// The signature of a report's body (paragraphs, headings and signature lines); nil for a short
    /// one, and for a copy the parser linked to an earlier report of its own source (`duplicateOf`),
    /// whose page already names that report: the original stands for both.
    public static func signature(of report: Report) -> [UInt16]? {
        guard report.duplicateOf == nil else { return nil }
        var sketch = Sketch()
        report.forEachBodyPiece { piece, _ in sketch.add(piece) }
        return sketch.finish()
    }

    /// The signature of one text; nil when it has fewer than `minimumShingles` shingles.
    public static func signature(of text: String) -> [UInt16]? {
        var sketch = Sketch()
        sketch.add(text)
        return sketch.finish()
    }

    /// The share of places where two signatures agree: the estimated Jaccard similarity.
    public static func similarity(_ a: [UInt16], _ b: [UInt16]) -> Double {
        a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in Double(agreement(a, b)) / Double(size) } }
    }

    /// The number of places where two signatures agree, counted without a branch: the
    /// near-duplicate search checks every candidate pair, mostly unrelated ones, whose places
    /// agree or not at random.
    static func agreement(_ a: UnsafeBufferPointer<UInt16>, _ b: UnsafeBufferPointer<UInt16>) -> Int {
        var equal = 0
        for i in 0..<Swift.min(a.count, b.count) { equal &+= a[i] == b[i] ? 1 : 0 }
        return equal
    }

    /// The running state over one text's pieces: the last five characters, packed 21 bits each, and
    /// the least hash seen in each bin.
    struct Sketch {
        private var minima = [UInt64](repeating: .max, count: MinHash.size)
        /// The three latest characters (63 bits) and the two before them (42 bits).
        private var recent: UInt64 = 0
        private var older: UInt64 = 0
        private var characters = 0

        mutating func add(_ piece: String) {
            var piece = piece
            // The state in locals and the minima through a pointer, for the loop over every character.
            var (recent, older, characters) = (self.recent, self.older, self.characters)
            minima.withUnsafeMutableBufferPointer { minima in
                piece.withUTF8 { bytes in
                    var i = 0
                    let end = bytes.count
                    while i < end {
                        var v = UTF8Scalar.next(in: bytes, at: &i)
                        // Ideographs first: most of the text.
                        if v < 0x4E00 || v > 0x9FFF {
                            v = Self.normalised(v)
                            if v == 0 { continue }
                        }
                        older = (older << 21 | recent >> 42) & (1 << 42 - 1)
                        recent = (recent << 21 | UInt64(v)) & (1 << 63 - 1)
                        characters += 1
                        guard characters >= MinHash.shingleLength else { continue }
                        let h = Self.mix(recent ^ (older &* 0x9E37_79B9_7F4A_7C15))
                        let bin = Int(truncatingIfNeeded: h >> 57)
                        let value = h & (1 << 57 - 1)
                        if value < minima[bin] { minima[bin] = value }
                    }
                }
            }
            (self.recent, self.older, self.characters) = (recent, older, characters)
        }

        /// The signature: each bin's least hash, its low 16 bits. An empty bin borrows the value of
        /// the first filled bin on a probe sequence fixed by its own number, the same in every
        /// text, so two texts that share that bin's shingles still agree there (optimal densification).
        func finish() -> [UInt16]? {
            guard characters - MinHash.shingleLength + 1 >= MinHash.minimumShingles else { return nil }
            return (0..<MinHash.size).map { bin in
                var value = minima[bin]
                var attempt: UInt64 = 1
                while value == .max {
                    value = minima[Int(truncatingIfNeeded: Self.mix(UInt64(bin) << 32 | attempt) >> 57)]
                    attempt += 1
                }
                return UInt16(truncatingIfNeeded: value)
            }
        }

        /// The character a shingle keeps for `scalar`, or 0 for one it drops: ideographs, letters
        /// (lower case; full-width forms as ASCII) and digits are text, everything else is layout.
        static func normalised(_ scalar: UInt32) -> UInt32 {
            switch scalar {
            case 0x30...0x39, 0x61...0x7A: return scalar
            case 0x41...0x5A: return scalar + 0x20
            case 0..<0x80: return 0
            case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x3007, 0xF900...0xFAFF, 0x20000...0x323AF: return scalar
            case 0xFF10...0xFF19: return scalar - 0xFF10 + 0x30
            case 0xFF21...0xFF3A: return scalar - 0xFF21 + 0x61
            case 0xFF41...0xFF5A: return scalar - 0xFF41 + 0x61
            case 0x2000...0x206F, 0x3000...0x303F, 0xFF00...0xFFEF, 0xE000...0xF8FF: return 0
            default:
                guard let s = Unicode.Scalar(scalar), s.properties.isAlphabetic || s.properties.numericType != nil else { return 0 }
                return scalar
            }
        }

        /// Murmur3's 64-bit finaliser: every input bit reaches every output bit.
        static func mix(_ x: UInt64) -> UInt64 {
            var x = x
            x ^= x >> 33
            x = x &* 0xFF51_AFD7_ED55_8CCD
            x ^= x >> 33
            x = x &* 0xC4CE_B9FE_1A85_EC53
            return x ^ (x >> 33)
        }
    }
}
