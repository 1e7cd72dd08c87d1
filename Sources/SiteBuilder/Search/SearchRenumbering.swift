/// How the report numbers of the index in place become this build's, for `SearchIndexUpdate`.
/// A report whose key is unchanged keeps its postings under its new number; the others (edited,
/// new, gone, or moved out of order) are dropped from the old numbers and posted anew. A source
/// added, removed, or a report whose year or region moves it shifts the numbers after it, so the
/// kept reports are matched by key, not by number, and the longest run of them that keeps its
/// order is kept: postings stay ascending when renumbered.
struct SearchRenumbering: Sendable {
    /// Per old number, its new number; -1: its postings are dropped.
    private(set) var new: [Int32]
    /// Per new number, the old number whose postings it takes; -1: its report is posted anew.
    private(set) var old: [Int32]
    /// New numbers whose report is read and posted anew, ascending.
    private(set) var added: [Int] = []
    /// Old numbers whose postings are dropped, ascending.
    private(set) var dropped: [Int] = []
    /// The first old number not kept as it is (dropped or shifted); `new.count` when none.
    private(set) var first = 0
    /// The last old number past which every old number is kept, all shifted by the same amount; -1 when none.
    private(set) var last = -1

    /// Whether every kept report keeps its number: only the keys of the added and dropped reports change.
    private(set) var keepsNumbers = true

    /// - Parameters:
    ///   - previous: per old number, its report's key (`SearchState.keys`).
    ///   - next: per new number, its report's key.
    ///   - unusable: old numbers whose postings cannot be kept even with the key unchanged (their page was edited in place).
    /// nil when two old numbers share a key (a state no build writes).
    init?(previous: [UInt64], next: [UInt64], unusable: Set<Int> = []) {
        // Most reports keep their number: only the others are looked up by key.
        var numberOf: [UInt64: Int32] = [:]
        for o in previous.indices where o >= next.count || previous[o] != next[o] {
            if numberOf.updateValue(Int32(o), forKey: previous[o]) != nil { return nil }
        }
        // Old numbers in new order, for the reports found: the kept ones are their longest ascending run.
        var found: [(new: Int32, old: Int32)] = []
        found.reserveCapacity(next.count)
        for (n, key) in next.enumerated() {
            if n < previous.count, previous[n] == key {
                if unusable.isEmpty || !unusable.contains(n) { found.append((Int32(n), Int32(n))) }
            } else if let o = numberOf[key], unusable.isEmpty || !unusable.contains(Int(o)) {
                found.append((Int32(n), o))
            }
        }
        var new = [Int32](repeating: -1, count: previous.count)
        for i in Self.longestAscendingRun(found.map(\.old)) { new[Int(found[i].old)] = found[i].new }
        self.init(new: new, count: next.count)
    }

    /// The renumbering that gives old number `o` the number `new[o]` (ascending where kept), of
    /// `count` new numbers.
    init(new: [Int32], count: Int) {
        self.new = new
        old = [Int32](repeating: -1, count: count)
        for (o, n) in new.enumerated() where n >= 0 { old[Int(n)] = Int32(o) }
        added = old.indices.filter { old[$0] < 0 }
        dropped = new.indices.filter { new[$0] < 0 }
        first = new.indices.first { new[$0] != Int32($0) } ?? new.count
        keepsNumbers = !new.indices.contains { new[$0] >= 0 && Int(new[$0]) != $0 }
        let tailShift = new.last.map { Int($0) - (new.count - 1) } ?? 0
        last = new.indices.last { new[$0] < 0 || Int(new[$0]) - $0 != tailShift } ?? -1
    }

    /// The chunks of `size` new numbers whose reports are not all those of the old chunk: a chunk
    /// of result data (`docs/<k>.json`) is linked from the site in place only when it holds the same reports.
    func changedChunks(of size: Int) -> Set<Int> {
        var changed: Set<Int> = []
        for (n, o) in old.enumerated() where o != Int32(n) { changed.insert(n / size) }
        // With another count, the chunks between the two ends hold other numbers.
        if old.count != new.count {
            for k in min(old.count, new.count) / size...(max(old.count, new.count) - 1) / size { changed.insert(k) }
        }
        return changed
    }

    /// Indices of a longest strictly ascending subsequence of `values` (patience sorting),
    /// ascending; already-ascending input is kept whole.
    static func longestAscendingRun(_ values: [Int32]) -> [Int] {
        // tails[k]: the index of the smallest value ending an ascending run of length k + 1.
        var tails: [Int] = [], before = [Int](repeating: -1, count: values.count)
        for (i, value) in values.enumerated() {
            if let end = tails.last, values[end] < value {
                before[i] = end
                tails.append(i)
                continue
            }
            var low = 0, high = tails.count
            while low < high {
                let mid = (low + high) / 2
                if values[tails[mid]] < value { low = mid + 1 } else { high = mid }
            }
            before[i] = low > 0 ? tails[low - 1] : -1
            if low == tails.count { tails.append(i) } else { tails[low] = i }
        }
        var run: [Int] = []
        run.reserveCapacity(tails.count)
        var i = tails.last ?? -1
        while i >= 0 {
            run.append(i)
            i = before[i]
        }
        return run.reversed()
    }
}
