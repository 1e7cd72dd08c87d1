/// Per report number, a short list (its topics, its slug's bytes), all held in one buffer: 100,000
/// small arrays took 10 MB, twice over in a rebuild (the saved state and the new one), and a
/// buffer is saved and read back whole.
struct NumberedLists<Element: FixedWidthInteger & Sendable>: Sendable, Equatable {
    private(set) var elements: [Element] = []
    /// Per number, where its list ends in `elements`.
    private(set) var ends: [UInt32] = []

    init() {}

    /// Lists as `elements` and `ends` hold them; nil when the ends do not fit the elements.
    init?(elements: [Element], ends: [UInt32]) {
        var last: UInt32 = 0
        for end in ends {
            guard end >= last else { return nil }
            last = end
        }
        guard Int(last) == elements.count else { return nil }
        self.elements = elements
        self.ends = ends
    }

    var count: Int { ends.count }

    subscript(number: Int) -> ArraySlice<Element> {
        elements[(number == 0 ? 0 : Int(ends[number - 1]))..<Int(ends[number])]
    }

    mutating func append(_ list: some Collection<Element>) {
        elements += list
        ends.append(UInt32(elements.count))
    }

    mutating func reserveCapacity(_ numbers: Int, elements perNumber: Int) {
        ends.reserveCapacity(numbers)
        elements.reserveCapacity(numbers * perNumber)
    }

    /// These lists under `renumbering`'s new numbers: a kept number's is copied, and `add` appends
    /// that of each added one. Only the added reports are read, not 100,000 scattered in memory.
    func renumbered(_ renumbering: SearchRenumbering, add: (inout Self, Int) -> Void) -> Self {
        var out = Self()
        out.reserveCapacity(renumbering.old.count, elements: elements.count / Swift.max(1, count) + 1)
        for (n, o) in renumbering.old.enumerated() {
            if o >= 0 { out.append(self[Int(o)]) } else { add(&out, n) }
        }
        return out
    }
}

/// Per report number, its distinct topics ascending: the topic keys it is posted under.
typealias NumberedTopics = NumberedLists<UInt16>

extension NumberedLists where Element == UInt16 {
    init(_ lists: some Sequence<[Int]>) {
        self.init()
        for list in lists { append(topics: list) }
    }

    /// Appends a number's topics, sorted into the buffer's tail as they come, repeats left out:
    /// no array a number.
    mutating func append(topics list: [Int]) {
        let start = elements.count
        for topic in list.lazy.map(UInt16.init) {
            var i = elements.count
            while i > start, elements[i - 1] > topic { i -= 1 }
            if i == start || elements[i - 1] != topic { elements.insert(topic, at: i) }
        }
        ends.append(UInt32(elements.count))
    }
}

/// Per report number, its slug's bytes: made a `String` only for the few numbers a rebuild reads.
typealias NumberedSlugs = NumberedLists<UInt8>

extension NumberedLists where Element == UInt8 {
    func string(_ number: Int) -> String { String(decoding: self[number], as: UTF8.self) }
}
