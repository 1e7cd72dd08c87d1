import ReportModel

/// Sites paste one report twice under different titles, rewriting a year here and there:
/// reports whose texts mostly share the same runs of characters are linked to the first copy.
enum DuplicateFinder {
    /// Share of the shorter text's sampled runs that must recur in the other.
    static let threshold = 0.6

    static func link(_ reports: inout [Report]) {
        let prints = reports.map { fingerprint($0.bodyText) }
        for i in reports.indices where prints[i].count >= 8 {
            for j in 0..<i where reports[j].duplicateOf == nil && prints[j].count >= 8 {
                let shared = Double(prints[i].intersection(prints[j]).count)
                if shared >= threshold * Double(Swift.min(prints[i].count, prints[j].count)) {
                    reports[i].duplicateOf = reports[j].id
                    break
                }
            }
        }
    }

    /// Hashes of 12-character runs (digits and hidden characters left out, so rewritten years
    /// do not count), keeping one in eight by hash value so both copies sample the same runs.
    static func fingerprint(_ text: String) -> Set<Int> {
        let han = text.unicodeScalars.lazy.filter(\.isHan).map(\.value)
        let scalars = [UInt32](han)
        guard scalars.count >= 12 else { return [] }
        var out = Set<Int>()
        for i in 0...(scalars.count - 12) {
            var h: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a
            for k in i..<(i + 12) { h = (h ^ UInt64(scalars[k])) &* 0x100_0000_01b3 }
            if h & 7 == 0 { out.insert(Int(truncatingIfNeeded: h)) }
        }
        return out
    }
}
