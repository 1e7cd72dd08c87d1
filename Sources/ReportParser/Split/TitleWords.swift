/// The word lists of `Resources/title-words.txt`: what a title is made of and what sites put
/// around it. Data, not code: a new site's tail or banner word is a line there.
struct TitleWords: Sendable {
    enum Kind: String, CaseIterable, Sendable {
        case report, tail, head, cut, spam, blurb, chrome, connector
    }

    private var lists: WordLists<Kind>

    subscript(kind: Kind) -> [Scalars] { lists[kind] }

    init(text: String) {
        self.init(lists: WordLists(text: text, file: "title-words.txt"))
    }

    /// The lists shipped with ReportArchive.
    static let standard = TitleWords(lists: .bundled("title-words"))

    private init(lists: WordLists<Kind>) {
        self.lists = lists
        // Longest first, so that 免费下载 is stripped whole and .docx before .doc.
        for kind in [Kind.tail, .head] { self.lists.sortLongestFirst(kind) }
    }

    /// Whether any word of `kind` occurs in `text[range]`.
    func contains(_ kind: Kind, in text: Scalars, _ range: Range<Int>? = nil) -> Bool {
        let r = range ?? 0..<text.count
        return self[kind].contains { text.firstIndex(of: $0, from: r.lowerBound, to: r.upperBound) != nil }
    }

    /// The report words in `text[range]`, as (start, end) of each occurrence, in order.
    func reportWords(in text: Scalars, _ range: Range<Int>) -> [(start: Int, end: Int)] {
        var found: [(start: Int, end: Int)] = []
        for word in self[.report] {
            var from = range.lowerBound
            while let i = text.firstIndex(of: word, from: from, to: range.upperBound) {
                found.append((i, i + word.count))
                from = i + 1
            }
        }
        return found.sorted { $0.start < $1.start }
    }
}
