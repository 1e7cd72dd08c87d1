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
}

/// Per report number, its distinct topics ascending: the topic keys it is posted under.
typealias NumberedTopics = NumberedLists<UInt16>

extension NumberedLists where Element == UInt16 {
    init(_ lists: some Sequence<[Int]>) {
        self.init()
        for list in lists { append(Self.topics(list)) }
    }

    /// A report's topics made distinct and ascending.
    static func topics(_ list: [Int]) -> [UInt16] {
        var out: [UInt16] = []
        for topic in list.sorted() where out.last != UInt16(topic) { out.append(UInt16(topic)) }
        return out
    }
}

/// Per report number, its slug's bytes: made a `String` only for the few numbers a rebuild reads.
typealias NumberedSlugs = NumberedLists<UInt8>

extension NumberedLists where Element == UInt8 {
    func string(_ number: Int) -> String { String(decoding: self[number], as: UTF8.self) }
}
