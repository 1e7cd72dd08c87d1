/// The word lists of `Resources/figure-words.txt`: units, and the words a figure's phrase loses or
/// keeps. Data, not code: a new unit is a line there.
struct FigureWords: Sendable {
    enum Kind: String, CaseIterable, Sendable {
        case unit, about, link, keep, lead, when
    }

    private var lists: WordLists<Kind>

    subscript(kind: Kind) -> [Scalars] { lists[kind] }

    init(text: String) {
        self.init(lists: WordLists(text: text, file: "figure-words.txt"))
    }

    static let standard = FigureWords(lists: .bundled("figure-words"))

    private init(lists: WordLists<Kind>) {
        self.lists = lists
        // Longest first: 个百分点 before 个, 人次 before 人, 年度 before 年.
        for kind in Kind.allCases { self.lists.sortLongestFirst(kind) }
    }

    /// The longest word of `kind` that starts at `text[i]`.
    func match(_ kind: Kind, in text: Scalars, at i: Int) -> Scalars? {
        self[kind].first { text.hasPrefix($0, at: i) }
    }

    /// The longest word of `kind` that ends `text[range]`.
    func suffix(_ kind: Kind, of text: Scalars, _ range: Range<Int>) -> Scalars? {
        self[kind].first { $0.count <= range.count && text.hasPrefix($0, at: range.upperBound - $0.count) }
    }
}
