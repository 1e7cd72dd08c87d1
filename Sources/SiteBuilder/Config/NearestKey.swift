/// The known key a misspelt one most likely meant.
///
/// Distance is optimal string alignment (Levenshtein plus swapping two neighbours, so `serach`
/// is one edit from `search`), compared without case. A key is only suggested when it is at most
/// two edits and a third of its length away: `slug` for `slg`, but nothing for `colour`.
enum NearestKey {
    static func suggestion(for key: String, among known: [String]) -> String? {
        var best: (key: String, distance: Int)?
        for candidate in known {
            let d = distance(key.lowercased(), candidate.lowercased())
            if d < (best?.distance ?? .max) { best = (candidate, d) }
        }
        guard let best, best.distance <= min(2, max(1, best.key.count / 3)) else { return nil }
        return best.key
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}
