import Foundation

/// How an export file is written: its rows rendered, or, where a row's key is unchanged, copied
/// with its unchanged neighbours from the file the last build wrote (one kernel copy a run), so
/// an edit to one report renders one row, not 100,000.
struct ExportPlan {
    enum Piece {
        /// Rows rendered anew.
        case render(Range<Int>)
        /// Rows `rows` are the old file's rows `old`, copied as one run with what stands between them.
        case copy(rows: Range<Int>, old: Range<Int>)
    }

    let pieces: [Piece]
    /// The file copied from, open for reading; -1 when nothing is copied.
    let source: Int32
    /// The rows of the file copied from.
    let previous: ExportRows?

    /// Every one of `count` rows rendered.
    static func renderAll(_ count: Int) -> ExportPlan {
        ExportPlan(pieces: count == 0 ? [] : [.render(0..<count)], source: -1, previous: nil)
    }

    private init(pieces: [Piece], source: Int32, previous: ExportRows?) {
        (self.pieces, self.source, self.previous) = (pieces, source, previous)
    }

    /// Rows with these keys, copied from `previous`'s rows in the file open as `source` where the keys match.
    init(keys: [UInt64], previous: ExportRows, source: Int32) {
        var old: [UInt64: Int] = [:]
        old.reserveCapacity(previous.keys.count)
        for (k, key) in previous.keys.enumerated() { old[key] = k }
        var pieces: [Piece] = []
        var i = 0
        while i < keys.count {
            guard let k = old[keys[i]] else {
                if case .render(let rows)? = pieces.last, rows.upperBound == i {
                    pieces[pieces.count - 1] = .render(rows.lowerBound..<i + 1)
                } else {
                    pieces.append(.render(i..<i + 1))
                }
                i += 1
                continue
            }
            var end = i + 1, oldEnd = k + 1
            while end < keys.count, oldEnd < previous.keys.count, previous.keys[oldEnd] == keys[end] {
                end += 1
                oldEnd += 1
            }
            pieces.append(.copy(rows: i..<end, old: k..<oldEnd))
            i = end
        }
        self.init(pieces: pieces, source: source, previous: previous)
    }

    /// The bytes a copy takes from the old file: from its first row's start to its last row's end.
    func span(of old: Range<Int>) -> Range<Int> {
        previous!.ranges[old.lowerBound].lowerBound..<previous!.ranges[old.upperBound - 1].upperBound
    }

    /// Where the old rows `old` stand once their bytes are copied to `start` of the new file.
    func ranges(of old: Range<Int>, copiedTo start: Int) -> [Range<Int>] {
        let shift = start - span(of: old).lowerBound
        return previous!.ranges[old].map { $0.lowerBound + shift..<$0.upperBound + shift }
    }
}
