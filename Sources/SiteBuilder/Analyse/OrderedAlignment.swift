/// Pairs two sequences in order (no crossing pairs) so that the pairs' scores add up to the most:
/// Needleman–Wunsch with a gap costing nothing, i.e. a weighted longest common subsequence.
///
/// Time and memory are `n·m`; callers keep their sequences small (a heading tree level, a stretch of
/// sentences between two that both texts share) or skip the alignment past a limit.
enum OrderedAlignment {
    /// - Parameter score: the gain of pairing `i` with `j`; nil when the two must not be paired.
    /// - Returns: the pairs in order. Of equal alignments, the one pairing earliest wins, so a
    ///   heading that matches two alike headings is paired with the first.
    static func pairs(_ n: Int, _ m: Int, score: (Int, Int) -> Double?) -> [(Int, Int)] {
        guard n > 0, m > 0 else { return [] }
        // best[i][j]: the most the suffixes from i and j can score; filled from the end, so the
        // walk back from the start meets ties in reading order.
        let width = m + 1
        var gain = [Double](repeating: -1, count: n * m)
        var best = [Double](repeating: 0, count: (n + 1) * width)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                var cell = Swift.max(best[(i + 1) * width + j], best[i * width + j + 1])
                if let s = score(i, j) {
                    gain[i * m + j] = s
                    cell = Swift.max(cell, best[(i + 1) * width + j + 1] + s)
                }
                best[i * width + j] = cell
            }
        }
        var out: [(Int, Int)] = []
        var i = 0, j = 0
        while i < n && j < m {
            let s = gain[i * m + j]
            if s >= 0, best[i * width + j] == best[(i + 1) * width + j + 1] + s {
                out.append((i, j))
                i += 1
                j += 1
            } else if best[(i + 1) * width + j] >= best[i * width + j + 1] {
                i += 1
            } else {
                j += 1
            }
        }
        return out
    }
}
