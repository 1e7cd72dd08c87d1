/// The sentences of two texts that stand for each other, for reading what changed between them.
///
/// Sentences both texts hold once and in the same order are anchors (patience diff: the longest
/// increasing run of such pairs, O(n log n)); between two anchors, the sentences left over are
/// aligned by bigram similarity. A text of 20,000 characters has some 500 sentences, and a copy
/// leaves only a few between its anchors, so no step is quadratic in the text.
struct SentencePairs {
    /// A text cut into sentences at 。！？；, line ends and their ASCII forms.
    struct Sentences {
        var text: [Unicode.Scalar]
        var ranges: [Range<Int>] = []
        /// Of each sentence's word scalars: punctuation and spacing do not make two sentences differ.
        var hashes: [UInt64] = []

        init(_ string: String) {
            text = Array(string.unicodeScalars)
            var start = 0
            for i in text.indices where text[i].endsSentence {
                add(start..<i)
                start = i + 1
            }
            add(start..<text.count)
        }

        private mutating func add(_ range: Range<Int>) {
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            var words = false
            for s in text[range] where s.isWordScalar {
                hash = (hash ^ UInt64(s.value)) &* 0x100_0000_01B3
                words = true
            }
            guard words else { return }
            ranges.append(range)
            hashes.append(hash)
        }

        func bigrams(_ i: Int) -> Bigrams { Bigrams(text[ranges[i]].lazy.filter(\.isWordScalar)) }
    }

    /// Below this similarity two sentences say different things, rather than one thing with a name
    /// or a number changed (a sentence of 20 characters with one name of 3 changed keeps about 0.7).
    static let threshold = 0.5
    /// A stretch between anchors larger than this (left × right sentences) is not aligned: the two
    /// texts do not share it, and its differences would not be a copy's edits.
    static let largestStretch = 250_000

    /// Pairs of sentence indices, in order, that are alike but not the same.
    static func between(_ a: Sentences, _ b: Sentences) -> [(Int, Int)] {
        var out: [(Int, Int)] = []
        var (i, j) = (0, 0)
        for anchor in anchors(a, b) + [(a.ranges.count, b.ranges.count)] {
            out += stretch(a, i..<anchor.0, b, j..<anchor.1)
            (i, j) = (anchor.0 + 1, anchor.1 + 1)
        }
        return out
    }

    /// Sentences that occur once in each text, paired, as the longest run in order in both.
    private static func anchors(_ a: Sentences, _ b: Sentences) -> [(Int, Int)] {
        func once(_ hashes: [UInt64]) -> [UInt64: Int] {
            var seen: [UInt64: Int] = [:]
            for (i, h) in hashes.enumerated() { seen[h] = seen[h] == nil ? i : -1 }
            return seen
        }
        let inB = once(b.hashes)
        let candidates = once(a.hashes).compactMap { h, i -> (Int, Int)? in
            guard i >= 0, let j = inB[h], j >= 0 else { return nil }
            return (i, j)
        }.sorted { $0.0 < $1.0 }
        // Longest increasing subsequence of the right indices (patience sorting).
        var tails: [Int] = []  // index into candidates of the smallest tail of each length
        var previous = [Int](repeating: -1, count: candidates.count)
        for (k, c) in candidates.enumerated() {
            var lo = 0, hi = tails.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if candidates[tails[mid]].1 < c.1 { lo = mid + 1 } else { hi = mid }
            }
            if lo > 0 { previous[k] = tails[lo - 1] }
            if lo == tails.count { tails.append(k) } else { tails[lo] = k }
        }
        var run: [(Int, Int)] = []
        var k = tails.last ?? -1
        while k >= 0 {
            run.append(candidates[k])
            k = previous[k]
        }
        return run.reversed()
    }

    /// The alike, unequal pairs of one stretch between anchors.
    private static func stretch(_ a: Sentences, _ ra: Range<Int>, _ b: Sentences, _ rb: Range<Int>) -> [(Int, Int)] {
        guard !ra.isEmpty, !rb.isEmpty, ra.count * rb.count <= largestStretch else { return [] }
        let ka = ra.map { a.bigrams($0) }, kb = rb.map { b.bigrams($0) }
        // An equal sentence scores above any alike one, so repeated sentences pair with their equals.
        let pairs = OrderedAlignment.pairs(ra.count, rb.count) { i, j in
            if a.hashes[ra.lowerBound + i] == b.hashes[rb.lowerBound + j] { return 2 }
            let d = ka[i].dice(kb[j])
            return d >= threshold ? d : nil
        }
        return pairs.map { (ra.lowerBound + $0.0, rb.lowerBound + $0.1) }
            .filter { a.hashes[$0.0] != b.hashes[$0.1] }
    }
}
