import Foundation

/// The cleaner's knowledge of site chrome, read from a rules file (see `Resources/noise-rules.txt`).
///
/// Rules are data so that a user who collects from a new site adds a line, not code.
public struct NoiseRules: Sendable {
    public enum Kind: String, Sendable {
        case line, text, published
        /// `HEAD*TAIL`: cut from HEAD to the first TAIL after it, wherever it stands (a field code's quoted argument).
        case span
    }

    public struct Rule: Sendable {
        public var name: String
        public var kind: Kind
        public var pattern: String
        let glob: Glob
        /// What a text rule cuts, or a span rule's head.
        let literal: Scalars
        /// A span rule's tail (empty: to the end of the line); nil for other kinds.
        let tail: Scalars?

        init(name: String, kind: Kind, pattern: String) {
            self.name = name
            self.kind = kind
            self.pattern = pattern
            glob = Glob(pattern)
            if kind == .span, let star = pattern.firstIndex(of: "*") {
                literal = Scalars(String(pattern[..<star]))
                tail = Scalars(String(pattern[pattern.index(after: star)...]))
            } else {
                literal = Scalars(pattern)
                tail = kind == .span ? [] : nil
            }
        }
    }

    public struct ParseError: Error, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var message: String
        public var description: String { "\(file):\(line): \(message)" }
    }

    public private(set) var rules: [Rule] {
        didSet { split() }
    }
    private(set) var lineRules: [Rule] = []
    private(set) var textRules: [Rule] = []
    /// The unanchored line rules' required literals, found in one pass a line.
    private var lineLiterals = LiteralSet([])
    /// Line rules whose pattern starts with a literal, by that scalar: only a line that starts
    /// with it can match, so they need no search.
    private var anchoredRules: [Unicode.Scalar: [Int]] = [:]
    /// Bit per BMP scalar that starts an anchored rule: most lines start with none, and this test
    /// spares them the dictionary's hashing.
    private var anchoredLeadBits = [UInt64](repeating: 0, count: 0x10000 / 64)
    /// Line rules that require no literal (`*`, `#`-only patterns): candidates for every line.
    private var literalFree: [Bool] = []
    private var hasLiteralFreeRule = false
    /// The line literals followed by the text rules' (index `lineRules.count + k` is text rule k):
    /// `scanLine` finds both kinds in one pass where the two sets took one each.
    private var allLiterals = LiteralSet([])

    private mutating func split() {
        lineRules = rules.filter { $0.kind == .line || $0.kind == .published }
        textRules = rules.filter { $0.kind == .text || $0.kind == .span }
        lineLiterals = LiteralSet(lineRules.map { $0.glob.firstLiteral == nil ? $0.glob.required : [] })
        anchoredRules = [:]
        anchoredLeadBits = [UInt64](repeating: 0, count: 0x10000 / 64)
        for (i, rule) in lineRules.enumerated() {
            if let first = rule.glob.firstLiteral {
                anchoredRules[first, default: []].append(i)
                if first.value < 0x10000 { anchoredLeadBits[Int(first.value >> 6)] |= 1 << UInt64(first.value & 63) }
            }
        }
        literalFree = lineRules.map(\.glob.required.isEmpty)
        hasLiteralFreeRule = literalFree.contains(true)
        allLiterals = LiteralSet(lineRules.map { $0.glob.firstLiteral == nil ? $0.glob.required : [] } + textRules.map(\.literal))
    }

    /// The rules shipped with ReportArchive.
    public static let standard: NoiseRules = {
        guard let url = Bundle.module.url(forResource: "noise-rules", withExtension: "txt"),
              let text = try? String(contentsOf: url, encoding: .utf8),
              let rules = try? NoiseRules(text: text, file: "noise-rules.txt")
        else { fatalError("ReportParser's bundled noise-rules.txt is missing or invalid") }
        return rules
    }()

    public init(text: String, file: String) throws(ParseError) {
        rules = []
        for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(maxSplits: 2, whereSeparator: { $0 == " " || $0 == "\t" })
            guard fields.count == 3 else {
                throw ParseError(file: file, line: index + 1, message: "expected NAME KIND PATTERN, found \"\(line)\"")
            }
            guard let kind = Kind(rawValue: String(fields[1])) else {
                throw ParseError(file: file, line: index + 1, message: "unknown kind \"\(fields[1])\" (line, text, span or published)")
            }
            let pattern = fields[2].trimmingCharacters(in: .whitespaces)
            if kind == .span, pattern.first == "*" {
                throw ParseError(file: file, line: index + 1, message: "a span pattern starts with text: \"\(pattern)\"")
            }
            rules.append(Rule(name: String(fields[0]), kind: kind, pattern: pattern))
        }
        split()
    }

    /// These rules followed by `other`'s, so a user's file extends the standard set.
    public func adding(_ other: NoiseRules) -> NoiseRules {
        var copy = self
        copy.rules += other.rules
        return copy
    }

    /// The first line rule that matches a whole (trimmed) line.
    func lineRule(matching line: Scalars) -> Rule? {
        // Only a rule whose required literal occurs in the line (or that needs none) can match,
        // and of the rules that start with a literal only those the line starts with.
        withUnsafeTemporaryAllocation(of: Bool.self, capacity: lineRules.count) { candidate in
            _ = candidate.initialize(from: literalFree)
            if let first = line.first, mayStartAnchoredRule(first), let anchored = anchoredRules[first] {
                for i in anchored { candidate[i] = true }
            }
            lineLiterals.forEachOccurrence(in: line) { candidate[$0] = true }
            for i in lineRules.indices where candidate[i] && lineRules[i].glob.matches(line) { return lineRules[i] }
            return nil
        }
    }

    /// What `scanLine` found in a line.
    struct LineScan {
        /// A text rule's pattern occurs in the line.
        var textMayApply = false
        /// Some line rule was marked a candidate.
        var lineRuleMarked = false
    }

    /// One pass over a raw line for both kinds of rule: marks in `candidate` (one flag a line rule)
    /// the rules whose required literal occurs in `line`, and says whether a text rule's pattern does.
    func scanLine(_ line: Scalars, candidates candidate: UnsafeMutableBufferPointer<Bool>) -> LineScan {
        candidate.update(repeating: false)
        let lineCount = lineRules.count
        var scan = LineScan()
        allLiterals.forEachOccurrence(in: line) { i in
            if i < lineCount {
                candidate[i] = true
                scan.lineRuleMarked = true
            } else {
                scan.textMayApply = true
            }
        }
        return scan
    }

    /// `lineRule(matching:)` for a line that `scanLine` marked `candidate` for before it was
    /// trimmed: the trimmed line is part of the scanned one, so its literals are among those marked,
    /// and a rule marked only for the cut ends fails its own match (`Glob.matches` requires the literal).
    /// - Parameter marked: `LineScan.lineRuleMarked`; when false (most lines), a line that starts no
    ///   anchored rule is settled without walking the rules.
    func lineRule(matching line: Scalars, candidates candidate: UnsafeMutableBufferPointer<Bool>, marked: Bool) -> Rule? {
        var mayMatch = marked || hasLiteralFreeRule
        if let first = line.first, mayStartAnchoredRule(first), let anchored = anchoredRules[first] {
            for i in anchored { candidate[i] = true }
            mayMatch = true
        }
        guard mayMatch else { return nil }
        for i in lineRules.indices where (candidate[i] || literalFree[i]) && lineRules[i].glob.matches(line) { return lineRules[i] }
        return nil
    }

    var lineRuleCount: Int { lineRules.count }

    private func mayStartAnchoredRule(_ s: Unicode.Scalar) -> Bool {
        s.value >= 0x10000 || anchoredLeadBits[Int(s.value >> 6)] & (1 << UInt64(s.value & 63)) != 0
    }
}
