import Foundation

/// The word lists of `Resources/title-words.txt`: what a title is made of and what sites put
/// around it. Data, not code: a new site's tail or banner word is a line there.
struct TitleWords: Sendable {
    enum Kind: String, CaseIterable, Sendable {
        case report, tail, head, cut, spam, blurb, chrome, connector
    }

    private var lists: [Kind: [Scalars]] = [:]

    subscript(kind: Kind) -> [Scalars] { lists[kind] ?? [] }

    init(text: String) {
        for raw in text.split(whereSeparator: \.isNewline) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(maxSplits: 1, whereSeparator: { $0 == " " || $0 == "\t" })
            guard fields.count == 2, let kind = Kind(rawValue: String(fields[0])) else {
                preconditionFailure("title-words.txt: cannot read \"\(line)\"")
            }
            lists[kind, default: []].append(Scalars(fields[1].trimmingCharacters(in: .whitespaces)))
        }
        // Longest first, so that 免费下载 is stripped whole and .docx before .doc.
        for kind in [Kind.tail, .head] { lists[kind]?.sort { $0.count > $1.count } }
    }

    /// The lists shipped with ReportArchive.
    static let standard: TitleWords = {
        guard let url = Bundle.module.url(forResource: "title-words", withExtension: "txt"),
              let text = try? String(contentsOf: url, encoding: .utf8)
        else { fatalError("ReportParser's bundled title-words.txt is missing; check Package.swift resources") }
        return TitleWords(text: text)
    }()

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
