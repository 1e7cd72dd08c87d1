/// The numbering seen so far in a report, to tell a heading that continues it from a
/// number that merely looks like one (`十六届四、五中全会` wrapped so that `四、` starts a line).
struct NumberingSequence: Sendable {
    private var stack: [(kind: HeadingMarker.Kind, number: Int)] = []
    private(set) var seenAny = false

    init() {
        stack.reserveCapacity(5)  // one entry a kind at most: no growth as headings nest
    }

    /// Would `marker` continue the numbering? A next sibling may skip one number (四 → 六 happens);
    /// a new, deeper level must start at 1.
    func accepts(_ marker: HeadingMarker, allowAnyStart: Bool = false) -> Bool {
        if let i = stack.lastIndex(where: { $0.kind == marker.kind }) {
            let last = stack[i].number
            return marker.number == last + 1 || marker.number == last + 2
        }
        if stack.isEmpty && !seenAny && allowAnyStart { return marker.number >= 1 }
        return marker.number == 1
    }

    /// Is `marker` the first child of the current innermost heading (it may run on without a boundary)?
    func isFirstChild(_ marker: HeadingMarker) -> Bool {
        guard let top = stack.last else { return false }
        return marker.kind > top.kind && marker.number == 1 && !stack.contains { $0.kind == marker.kind }
    }

    mutating func commit(_ marker: HeadingMarker) {
        seenAny = true
        if let i = stack.lastIndex(where: { $0.kind == marker.kind }) {
            stack.removeSubrange(i...)
        } else {
            stack.removeAll { $0.kind > marker.kind }
        }
        stack.append((marker.kind, marker.number))
    }
}
