/// The word lists of `Resources/figure-words.txt`: units, and the words a figure's phrase loses or
/// keeps. Data, not code: a new unit is a line there.
struct FigureWords: Sendable {
    enum Kind: String, CaseIterable, Sendable {
        case unit, about, notUnit = "not", link, keep, lead, when
    }

    typealias Text = UnsafeBufferPointer<Unicode.Scalar>

    /// One kind's words, longest first (个百分点 before 个, 人次 before 人, 年度 before 年), filed by
    /// the low six bits of their first and of their last scalar: a place is tried against the few
    /// words of its bucket, and most places against none.
    private struct List: Sendable {
        let words: [Scalars]
        private let byFirst: Buckets
        private let byLast: Buckets

        init(_ words: [Scalars]) {
            self.words = words.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
            byFirst = Buckets(self.words.map { $0[0] })
            byLast = Buckets(self.words.map { $0[$0.count - 1] })
        }

        /// The index of the longest word that starts at `i`.
        @inline(__always)
        func startingAt(_ i: Int, in text: Text) -> Int? {
            guard i < text.count else { return nil }
            return byFirst.first(text[i]) { Self.has(words[$0], in: text, at: i) }
        }

        /// The index of the longest word that ends `range`.
        @inline(__always)
        func ending(_ range: Range<Int>, in text: Text) -> Int? {
            guard let last = range.last else { return nil }
            return byLast.first(text[last]) { words[$0].count <= range.count && Self.has(words[$0], in: text, at: range.upperBound - words[$0].count) }
        }

        private static func has(_ word: Scalars, in text: Text, at i: Int) -> Bool {
            guard i + word.count <= text.count else { return false }
            for k in word.indices where text[i + k] != word[k] { return false }
            return true
        }
    }

    /// Word indices filed by a scalar of each word, in one flat array: bucket `b` is
    /// `indices[starts[b]..<starts[b + 1]]`, in the words' order.
    private struct Buckets: Sendable {
        private let scalars: [Unicode.Scalar]
        private let indices: [Int]
        private let starts: [Int]

        init(_ scalars: [Unicode.Scalar]) {
            self.scalars = scalars
            var indices: [Int] = [], starts: [Int] = []
            for bucket in 0..<64 {
                starts.append(indices.count)
                indices += scalars.indices.filter { Self.bucket(scalars[$0]) == bucket }
            }
            starts.append(indices.count)
            self.indices = indices
            self.starts = starts
        }

        /// The first word filed under `s` for which `accept` holds.
        @inline(__always)
        func first(_ s: Unicode.Scalar, where accept: (Int) -> Bool) -> Int? {
            let b = Self.bucket(s)
            for k in starts[b]..<starts[b + 1] where scalars[indices[k]] == s && accept(indices[k]) { return indices[k] }
            return nil
        }

        private static func bucket(_ s: Unicode.Scalar) -> Int { Int(s.value & 63) }
    }

    /// One list a kind, at `index(kind)`: read in place, neither hashed nor copied.
    private let lists: [List]
    /// Each unit as a figure names it, in the unit list's order, with the full-width ％ as %.
    private let unitNames: [String]
    /// The first scalars of units and `about` words: a number followed by none of them, as most
    /// are (年, 月, 、), is no figure.
    private let unitStarts: ScalarBits

    private static func index(_ kind: Kind) -> Int {
        switch kind {
        case .unit: 0
        case .about: 1
        case .notUnit: 2
        case .link: 3
        case .keep: 4
        case .lead: 5
        case .when: 6
        }
    }

    init(text: String) {
        self.init(lists: WordLists(text: text, file: "figure-words.txt"))
    }

    static let standard = FigureWords(lists: .bundled("figure-words"))

    private init(lists: WordLists<Kind>) {
        var built = [List](repeating: List([]), count: Kind.allCases.count)
        for kind in Kind.allCases { built[Self.index(kind)] = List(lists[kind]) }
        self.lists = built
        unitNames = built[Self.index(.unit)].words.map { $0 == ["％"] ? "%" : $0.string }
        var starts = ScalarBits()
        for word in built[Self.index(.unit)].words + built[Self.index(.about)].words { starts.insert(word[0]) }
        unitStarts = starts
    }

    /// The length of the longest word of `kind` that starts at `i`.
    func match(_ kind: Kind, in text: Text, at i: Int) -> Int? {
        let list = Self.index(kind)
        return lists[list].startingAt(i, in: text).map { lists[list].words[$0].count }
    }

    /// The length of the longest word of `kind` that ends `range`.
    func suffix(_ kind: Kind, of text: Text, _ range: Range<Int>) -> Int? {
        let list = Self.index(kind)
        return lists[list].ending(range, in: text).map { lists[list].words[$0].count }
    }

    /// The unit that starts at `i`, after an `about` word if one does (`15万余份`): the index past
    /// it and its name. None where a word that is not a unit starts as one does (90周年, 7—12周岁).
    func unit(in text: Text, at i: Int) -> (end: Int, name: String)? {
        guard i < text.count, unitStarts.contains(text[i].value) else { return nil }  // the inlined form
        let start = i + (match(.about, in: text, at: i) ?? 0)
        let units = Self.index(.unit)
        guard let unit = lists[units].startingAt(start, in: text), match(.notUnit, in: text, at: start) == nil else { return nil }
        return (start + lists[units].words[unit].count, unitNames[unit])
    }
}
