import Foundation

/// Word lists read from a resource file of `KIND WORD` lines (`#` starts a comment): rules that
/// are data, so a new form is a line in a file, not a branch in code. Each kind keeps the file's
/// order, which a list may rely on (longest first, where one word holds another).
public struct WordLists<Kind: RawRepresentable & Hashable & CaseIterable & Sendable>: Sendable where Kind.RawValue == String {
    private var lists: [Kind: [Scalars]] = [:]

    public subscript(kind: Kind) -> [[Unicode.Scalar]] { lists[kind] ?? [] }

    /// - Parameter file: named in the failure for a line of an unknown kind.
    public init(text: String, file: String) {
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(maxSplits: 1, whereSeparator: { $0 == " " || $0 == "\t" })
            guard fields.count == 2, let kind = Kind(rawValue: String(fields[0])) else {
                preconditionFailure("\(file):\(number + 1): cannot read \"\(line)\" (kinds: \(Kind.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            lists[kind, default: []].append(Scalars(fields[1].trimmingCharacters(in: .whitespaces)))
        }
    }

    public mutating func sortLongestFirst(_ kind: Kind) {
        lists[kind]?.sort { $0.count > $1.count }
    }

    /// The lists in the parser's bundled resource `<name>.txt`.
    static func bundled(_ name: String) -> WordLists {
        guard let url = Bundle.module.url(forResource: name, withExtension: "txt"),
              let text = try? String(contentsOf: url, encoding: .utf8)
        else { fatalError("ReportParser's bundled \(name).txt is missing; check Package.swift resources") }
        return WordLists(text: text, file: "\(name).txt")
    }
}
