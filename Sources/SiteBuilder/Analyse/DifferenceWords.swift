import Foundation

/// The word lists of `Resources/difference-words.txt`: what ends a name, and a date's units. Data,
/// not code: a new kind of institution is a line there.
struct DifferenceWords: Sendable {
    enum Kind: String, CaseIterable, Sendable {
        case name, date
    }

    /// Longest first, so 中心校 is found before 中心 and 年度 before 年.
    private var lists: [Kind: [[Unicode.Scalar]]] = [:]

    subscript(kind: Kind) -> [[Unicode.Scalar]] { lists[kind] ?? [] }

    init(text: String, file: String) {
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(maxSplits: 1, whereSeparator: { $0 == " " || $0 == "\t" })
            guard fields.count == 2, let kind = Kind(rawValue: String(fields[0])) else {
                preconditionFailure("\(file):\(number + 1): cannot read \"\(line)\" (kinds: \(Kind.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            lists[kind, default: []].append(Array(fields[1].trimmingCharacters(in: .whitespaces).unicodeScalars))
        }
        for kind in Kind.allCases { lists[kind]?.sort { $0.count > $1.count } }
    }

    static let standard: DifferenceWords = {
        guard let url = Bundle.module.url(forResource: "difference-words", withExtension: "txt"),
              let text = try? String(contentsOf: url, encoding: .utf8)
        else { fatalError("SiteBuilder's bundled difference-words.txt is missing; check Package.swift resources") }
        return DifferenceWords(text: text, file: "difference-words.txt")
    }()

    /// The length of the longest word of `kind` that starts at `text[i]`, if one does.
    func match(_ kind: Kind, in text: [Unicode.Scalar], at i: Int, before end: Int) -> Int? {
        self[kind].first { word in
            i + word.count <= end && word.indices.allSatisfy { text[i + $0] == word[$0] }
        }?.count
    }
}
