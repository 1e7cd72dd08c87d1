/// Per report number, its distinct topics ascending: the topic keys it is posted under. Held in
/// one buffer, since 100,000 small arrays took 10 MB, twice over in a rebuild (the saved state and
/// the new one).
struct NumberedTopics: Sendable, Equatable {
    private var topics: [UInt16] = []
    /// Per number, where its topics end in `topics`.
    private var ends: [UInt32] = []

    init() {}

    init(_ lists: some Sequence<[Int]>) {
        for list in lists { append(list) }
    }

    var count: Int { ends.count }

    subscript(number: Int) -> ArraySlice<UInt16> {
        topics[(number == 0 ? 0 : Int(ends[number - 1]))..<Int(ends[number])]
    }

    /// Adds the next number's topics, made distinct and ascending.
    mutating func append(_ list: [Int]) {
        topics += Set(list).sorted().map { UInt16($0) }
        ends.append(UInt32(topics.count))
    }

    mutating func reserveCapacity(_ numbers: Int) {
        ends.reserveCapacity(numbers)
        topics.reserveCapacity(numbers * 4)
    }
}
