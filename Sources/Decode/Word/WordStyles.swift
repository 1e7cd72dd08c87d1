import Markup

/// A paragraph's `w:numPr`: which list (`w:numId`) and which of its levels (`w:ilvl`); either
/// may be left to the paragraph's style.
struct NumberingReference: Equatable {
    var numId: Int?
    var level: Int?

    init(numId: Int? = nil, level: Int? = nil) {
        self.numId = numId
        self.level = level
    }

    init(_ numPr: MarkupElement?) {
        self.init(numId: numPr?.wordInt("numId"), level: numPr?.wordInt("ilvl"))
    }

    /// The properties this one leaves unset, taken from `inherited`.
    func filled(from inherited: NumberingReference) -> NumberingReference {
        NumberingReference(numId: numId ?? inherited.numId, level: level ?? inherited.level)
    }
}

/// The styles of `word/styles.xml`, for the one thing the text needs from them: the automatic
/// numbering a style carries. Headings are numbered through their style far more often than
/// directly (`heading 1`, `标题 1` or a custom id like `a3`, whatever the name), and a style
/// inherits its `w:numPr` along `w:basedOn`. Names do not matter otherwise: the parser tells
/// headings by their visible numbers and short lines, so no marker is added for a heading style.
struct WordStyles {
    private struct Style {
        var basedOn: String?
        var numbering: NumberingReference
    }

    private var styles: [String: Style] = [:]
    /// The paragraph style of paragraphs that name none (`w:default="1"`, usually Normal).
    private(set) var defaultParagraphStyle: String?

    init(_ root: MarkupElement?) {
        guard let root else { return }
        for style in root.wordChildren("style") {
            guard let id = style.attribute("styleId") else { continue }
            let type = style.attribute("type") ?? "paragraph"
            guard type == "paragraph" || type == "numbering" else { continue }
            styles[id] = Style(basedOn: style.wordValue("basedOn"),
                               numbering: NumberingReference(style.wordChild("pPr")?.wordChild("numPr")))
            if type == "paragraph", style.attribute("default").map({ $0 == "1" || $0 == "true" }) == true {
                defaultParagraphStyle = id
            }
        }
    }

    /// The numbering a paragraph of style `id` inherits: the nearest `w:numId` and the nearest
    /// `w:ilvl` up its `w:basedOn` chain (a cycle in the chain ends it).
    func numbering(ofStyle id: String?) -> NumberingReference {
        var out = NumberingReference()
        var seen: Set<String> = []
        var next = id
        while let current = next, seen.insert(current).inserted, let style = styles[current] {
            out = out.filled(from: style.numbering)
            if out.numId != nil, out.level != nil { break }
            next = style.basedOn
        }
        return out
    }
}
