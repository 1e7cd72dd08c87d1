/// Where two alike sentences differ: the spans of each that the other does not hold, found by a
/// longest common subsequence over tokens (a digit run or a Latin run is one token, any other
/// scalar is its own; spaces are none, as text from a PDF spaces numbers from their units).
struct TokenHunks {
    /// A differing span of each sentence, as scalar ranges of its text; one may be empty.
    struct Hunk: Equatable {
        var a: Range<Int>
        var b: Range<Int>
    }

    /// Past this many cells (tokens × tokens, once the common start and end are set aside) the
    /// middle of the two sentences is taken as one difference rather than aligned.
    static let largestTable = 40_000

    private struct Token {
        var range: Range<Int>
        var key: UInt64
    }

    static func between(_ a: [Unicode.Scalar], _ ra: Range<Int>, _ b: [Unicode.Scalar], _ rb: Range<Int>) -> [Hunk] {
        let ta = tokens(a, ra), tb = tokens(b, rb)
        var lo = 0
        while lo < ta.count, lo < tb.count, ta[lo].key == tb[lo].key { lo += 1 }
        var (ha, hb) = (ta.count, tb.count)
        while ha > lo, hb > lo, ta[ha - 1].key == tb[hb - 1].key {
            ha -= 1
            hb -= 1
        }
        // Matched token pairs of the middle, then the spans between them.
        var matched: [(Int, Int)] = []
        let (n, m) = (ha - lo, hb - lo)
        if n > 0, m > 0, n * m <= largestTable {
            matched = commonSubsequence(ta[lo..<ha].map(\.key), tb[lo..<hb].map(\.key)).map { ($0.0 + lo, $0.1 + lo) }
        }
        var hunks: [(Range<Int>, Range<Int>)] = []  // token ranges
        var (i, j) = (lo, lo)
        for (mi, mj) in matched + [(ha, hb)] {
            if mi > i || mj > j {
                // One matched token between two differences is chance (海 in 宁海县 and 海曙区): one difference.
                if let last = hunks.last, last.0.upperBound + 1 == i, last.1.upperBound + 1 == j {
                    hunks[hunks.count - 1] = (last.0.lowerBound..<mi, last.1.lowerBound..<mj)
                } else {
                    hunks.append((i..<mi, j..<mj))
                }
            }
            (i, j) = (mi + 1, mj + 1)
        }
        func span(_ t: [Token], _ r: Range<Int>, in whole: Range<Int>) -> Range<Int> {
            if r.isEmpty {
                let at = r.lowerBound < t.count ? t[r.lowerBound].range.lowerBound : whole.upperBound
                return at..<at
            }
            return t[r.lowerBound].range.lowerBound..<t[r.upperBound - 1].range.upperBound
        }
        return hunks.map { Hunk(a: span(ta, $0.0, in: ra), b: span(tb, $0.1, in: rb)) }
    }

    private static func tokens(_ s: [Unicode.Scalar], _ range: Range<Int>) -> [Token] {
        var out: [Token] = []
        var i = range.lowerBound
        while i < range.upperBound {
            let c = s[i]
            if c == " " || c == "\u{3000}" || c == "\t" {
                i += 1
                continue
            }
            var end = i + 1
            if c.isDigit {
                // 3.2 and 19,925 are one number: a point or comma between digits stays inside it.
                while end < range.upperBound, s[end].isDigit
                    || ((s[end] == "." || s[end] == "．" || s[end] == ",") && end + 1 < range.upperBound && s[end + 1].isDigit) { end += 1 }
            } else if c.isLatinLetter {
                while end < range.upperBound, s[end].isLatinLetter { end += 1 }
            }
            var key: UInt64 = 0xCBF2_9CE4_8422_2325
            for k in i..<end { key = (key ^ UInt64(s[k].value)) &* 0x100_0000_01B3 }
            out.append(Token(range: i..<end, key: key))
            i = end
        }
        return out
    }

    /// Index pairs of a longest common subsequence, in order; of equal ones, the earliest matches.
    private static func commonSubsequence(_ a: [UInt64], _ b: [UInt64]) -> [(Int, Int)] {
        let (n, m) = (a.count, b.count)
        let width = m + 1
        var length = [Int32](repeating: 0, count: (n + 1) * width)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                length[i * width + j] = a[i] == b[j] ? length[(i + 1) * width + j + 1] + 1
                    : Swift.max(length[(i + 1) * width + j], length[i * width + j + 1])
            }
        }
        var out: [(Int, Int)] = []
        var (i, j) = (0, 0)
        while i < n, j < m {
            if a[i] == b[j] {
                out.append((i, j))
                i += 1
                j += 1
            } else if length[(i + 1) * width + j] >= length[i * width + j + 1] {
                i += 1
            } else {
                j += 1
            }
        }
        return out
    }
}
