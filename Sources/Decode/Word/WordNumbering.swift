import Markup

/// The lists of `word/numbering.xml` and the counters Word keeps for them as the document is
/// read, so that a numbered paragraph gets the number its reader sees (一、 （一） 1.).
///
/// Counting follows Word: `w:num` instances that share a `w:abstractNum` continue one list, one
/// set of counters, unless an instance overrides a level's start (`w:startOverride`), which gives
/// it counters of its own starting there; a level restarts whenever a shallower level is used,
/// unless its `w:lvlRestart` names a shallower level still (or 0: never).
struct WordNumbering {
    /// What Word puts between the number and the paragraph's text (`w:suff`).
    enum Suffix {
        case tab, space, nothing
    }

    /// A number as a paragraph shows it.
    struct Label: Equatable {
        var text: String
        var suffix: Suffix
    }

    struct Level {
        var start = 1
        var format = WordNumberFormat.decimal
        var text: [TextPiece] = []
        /// `w:isLgl`: every counter in the text in Arabic digits.
        var isLegal = false
        /// `w:lvlRestart`: restart after this level (1-based) or a shallower one is used; 0 never.
        var restartAfter: Int?
        var suffix = Suffix.tab
        /// `w:pStyle`: the paragraph style this level belongs to, which gives the level of a
        /// paragraph whose numbering names no `w:ilvl`.
        var style: String?

        /// `w:lvlText`'s pieces: text as written and `%1`…`%9`, the counters of levels 0…8.
        enum TextPiece: Equatable {
            case literal(String)
            case counter(Int)
        }

        init(_ lvl: MarkupElement, inheriting base: Level? = nil) {
            if let base { self = base }
            if let start = lvl.wordInt("start") { self.start = start }
            if let format = lvl.wordValue("numFmt") { self.format = WordNumberFormat(format) }
            if let text = lvl.wordValue("lvlText") { self.text = Self.pieces(text) }
            if lvl.wordChild("isLgl") != nil { isLegal = lvl.wordToggle("isLgl") }
            if let restart = lvl.wordInt("lvlRestart") { restartAfter = restart }
            switch lvl.wordValue("suff") {
            case "space": suffix = .space
            case "nothing": suffix = .nothing
            case "tab": suffix = .tab
            default: break
            }
            if let style = lvl.wordValue("pStyle") { self.style = style }
        }

        static func pieces(_ text: String) -> [TextPiece] {
            var out: [TextPiece] = []
            var literal = String.UnicodeScalarView()
            var scalars = text.unicodeScalars.makeIterator()
            var pending = scalars.next()
            while let s = pending {
                pending = scalars.next()
                if s == "%", let d = pending, ("1"..."9").contains(d) {
                    if !literal.isEmpty { out.append(.literal(String(literal))) }
                    literal = String.UnicodeScalarView()
                    out.append(.counter(Int(d.value - 0x31)))
                    pending = scalars.next()
                } else {
                    literal.append(s)
                }
            }
            if !literal.isEmpty { out.append(.literal(String(literal))) }
            return out
        }
    }

    /// A `w:num` as paragraphs use it: its abstract list's levels with the instance's overrides.
    private struct List {
        var abstractId: Int
        var levels: [Int: Level]
        /// A `w:startOverride` gives the instance counters of its own.
        var ownCounters: Bool
    }

    private enum CounterSet: Hashable {
        case shared(abstractId: Int)
        case own(numId: Int)
    }

    static let levelCount = 9

    private var lists: [Int: List] = [:]
    private var counters: [CounterSet: [Int?]] = [:]

    init(_ root: MarkupElement?, styles: WordStyles) {
        guard let root else { return }
        // abstractNumId → its levels and numStyleLink.
        var abstracts: [Int: (levels: [Int: Level], styleLink: String?)] = [:]
        for abstract in root.wordChildren("abstractNum") {
            guard let id = abstract.attribute("abstractNumId").flatMap({ Int($0) }) else { continue }
            var levels: [Int: Level] = [:]
            for lvl in abstract.wordChildren("lvl") {
                guard let index = lvl.attribute("ilvl").flatMap({ Int($0) }), (0..<Self.levelCount).contains(index) else { continue }
                levels[index] = Level(lvl)
            }
            abstracts[id] = (levels, abstract.wordValue("numStyleLink"))
        }
        var abstractOfNum: [Int: Int] = [:]
        for num in root.wordChildren("num") {
            if let id = num.attribute("numId").flatMap({ Int($0) }), let abstractId = num.wordInt("abstractNumId") {
                abstractOfNum[id] = abstractId
            }
        }
        // The abstract list whose levels `id` has, following `w:numStyleLink` through its
        // numbering style (a few links at most; a cycle is no list).
        func resolved(_ id: Int) -> Int? {
            var current = id
            for _ in 0..<4 {
                guard let abstract = abstracts[current] else { return nil }
                guard abstract.levels.isEmpty, let link = abstract.styleLink else { return current }
                guard let numId = styles.numbering(ofStyle: link).numId, let next = abstractOfNum[numId] else { return nil }
                current = next
            }
            return nil
        }
        for num in root.wordChildren("num") {
            guard let id = num.attribute("numId").flatMap({ Int($0) }), let declared = abstractOfNum[id],
                  let abstractId = resolved(declared) else { continue }
            var list = List(abstractId: abstractId, levels: abstracts[abstractId]!.levels, ownCounters: false)
            for override in num.wordChildren("lvlOverride") {
                guard let index = override.attribute("ilvl").flatMap({ Int($0) }), (0..<Self.levelCount).contains(index) else { continue }
                if let lvl = override.wordChild("lvl") { list.levels[index] = Level(lvl, inheriting: list.levels[index]) }
                if let start = override.wordInt("startOverride") {
                    list.levels[index]?.start = start
                    list.ownCounters = true
                }
            }
            lists[id] = list
        }
    }

    /// The number a paragraph shows, given its own `w:numPr` filled from its style's and the
    /// style's id; counting it. Nil when it shows none (no list, `numId` 0, a bullet).
    mutating func label(for reference: NumberingReference, style: String?) -> Label? {
        guard let numId = reference.numId, let list = lists[numId] else { return nil }
        let levels = list.levels
        let linked = style.flatMap { style in levels.first { $0.value.style == style }?.key }
        let index = reference.level ?? linked ?? 0
        guard let level = levels[index] else { return nil }

        let set = list.ownCounters ? CounterSet.own(numId: numId) : .shared(abstractId: list.abstractId)
        var values = counters[set] ?? Array(repeating: nil, count: Self.levelCount)
        values[index] = values[index].map { $0 + 1 } ?? level.start
        for deeper in (index + 1)..<Self.levelCount {
            let restart = levels[deeper]?.restartAfter
            if restart == nil || index < restart! { values[deeper] = nil }
        }
        counters[set] = values

        guard level.format != .bullet else { return nil }
        var text = ""
        for piece in level.text {
            switch piece {
            case .literal(let s):
                text += s
            case .counter(let k):
                let format = level.isLegal ? .decimal : levels[k]?.format ?? .decimal
                text += format.text(values[k] ?? levels[k]?.start ?? 1) ?? ""
            }
        }
        return text.unicodeScalars.allSatisfy(\.properties.isWhitespace) ? nil : Label(text: text, suffix: level.suffix)
    }
}
