/// A line pattern from the rules file: `*` matches any run, `#` one digit, anything else itself.
struct Glob: Sendable {
    private enum Token: Sendable, Equatable {
        case literal(Unicode.Scalar)
        case digit
        case star
    }

    private let tokens: [Token]
    /// The longest run of literal characters: a line without it cannot match, which settles
    /// almost every line with one substring search (or, for a rule set, one `LiteralSet` pass).
    let required: Scalars

    init(_ pattern: String) {
        tokens = pattern.unicodeScalars.map { s in
            switch s {
            case "*": .star
            case "#": .digit
            default: .literal(s)
            }
        }
        var best: Scalars = [], run: Scalars = []
        for token in tokens + [.star] {
            if case .literal(let c) = token {
                run.append(c)
            } else {
                if run.count > best.count { best = run }
                run = []
            }
        }
        required = best
    }

    /// The scalar every match starts with, when the pattern starts with a literal.
    var firstLiteral: Unicode.Scalar? {
        if case .literal(let c)? = tokens.first { return c }
        return nil
    }

    /// Whole-text match, with the usual backtracking over the last `*`.
    func matches(_ text: Scalars) -> Bool {
        if case .literal(let c)? = tokens.first, text.first != c { return false }
        if !required.isEmpty, text.firstIndex(of: required) == nil { return false }
        var t = 0, p = 0
        var starP = -1, starT = 0
        while t < text.count {
            if p < tokens.count, fits(tokens[p], text[t]) {
                t += 1
                p += 1
            } else if p < tokens.count, tokens[p] == .star {
                starP = p
                starT = t
                p += 1
            } else if starP >= 0 {
                p = starP + 1
                starT += 1
                t = starT
            } else {
                return false
            }
        }
        while p < tokens.count, tokens[p] == .star { p += 1 }
        return p == tokens.count
    }

    private func fits(_ token: Token, _ s: Unicode.Scalar) -> Bool {
        switch token {
        case .literal(let c): c == s
        case .digit: s.digitValue != nil
        case .star: false
        }
    }
}
