import Markup
import ReportModel

/// The text of a WordprocessingML story (the body, a header, a note) as its reader sees it: a
/// line for each paragraph and each table row, numbered paragraphs with their numbers.
///
/// What the reader of the printed page sees is kept: inserted text, field results, hyperlinks,
/// content controls, text boxes (their paragraphs as lines after the paragraph they are anchored
/// in). What they do not see is left out: field codes, deleted text, hidden text and the prompts
/// of empty content controls (these three into `dropped`), text moved elsewhere (read where it
/// was moved to), the second rendering of anything in `mc:AlternateContent`.
struct WordBodyReader {
    private let styles: WordStyles
    private var numbering: WordNumbering
    /// Footnotes and endnotes by kind and id, `f1`, `e1`: the text their references point to.
    private let notes: [String: String]
    /// Where lines go: the text read (first), then the cell or text box being read, if any.
    private var sinks: [[String]] = [[]]
    private(set) var dropped: [DroppedText] = []
    /// Complex fields open at this point, innermost last: whether each is past its `separate`,
    /// showing its result. Fields span runs and paragraphs, so this lives across them.
    private var fields: [Bool] = []
    /// `w:altChunk`s met: content kept in another format (HTML, RTF) in a part of its own, which
    /// Word converts when it opens the file and this reader does not read.
    private(set) var embeddedChunks = 0

    init(styles: WordStyles, numbering: WordNumbering, notes: [String: String] = [:]) {
        self.styles = styles
        self.numbering = numbering
        self.notes = notes
    }

    /// The lines read so far, none empty and none with spaces at either end.
    var lines: [String] { sinks[0] }

    /// Reads the block-level content of `container` (`w:body`, `w:hdr`, `w:footnote`) into `lines`.
    mutating func read(_ container: MarkupElement) {
        blocks(container)
    }

    /// What was dropped, its lines within the text read.
    var droppedInRange: [DroppedText] {
        dropped.map { item in
            var item = item
            item.line = Swift.max(1, Swift.min(item.line, lines.count))
            return item
        }
    }

    // MARK: Blocks

    private mutating func emit(_ lines: [String]) {
        sinks[sinks.count - 1] += lines
    }

    /// The lines `work` emits, kept apart from the text read (a table cell's, a text box's).
    private mutating func collecting(_ work: (inout WordBodyReader) -> Void) -> [String] {
        sinks.append([])
        work(&self)
        return sinks.removeLast()
    }

    private mutating func blocks(_ container: MarkupElement) {
        for child in container.elementChildren {
            switch child.wordName {
            case "p":
                paragraph(child)
            case "tbl":
                table(child)
            case "del":
                drop("docx-deleted", deletedText(child))
            case "sectPr", "pPr", "sdtPr", "sdtEndPr", "tblPr", "tblGrid", "moveFrom":
                continue
            case "sdt" where Self.showsPlaceholder(child):
                drop("docx-placeholder", child.text)
            case "altChunk":
                embeddedChunks += 1
            default:
                // Content controls (`w:sdt`), custom XML, block-level insertions, alternate content.
                blocks(Self.alternative(child) ?? child)
            }
        }
    }

    /// A line for each row, its cells' lines joined by spaces (nested tables too).
    private mutating func table(_ table: MarkupElement) {
        for row in Self.elements(table, named: "tr") {
            var cells: [String] = []
            for cell in Self.elements(row, named: "tc") {
                let cellLines = collecting { $0.blocks(cell) }
                if !cellLines.isEmpty { cells.append(cellLines.joined(separator: " ")) }
            }
            if !cells.isEmpty { emit([cells.joined(separator: " ")]) }
        }
    }

    /// Rows of a table and cells of a row, also where a content control or custom XML wraps them.
    private static func elements(_ parent: MarkupElement, named name: String) -> [MarkupElement] {
        var out: [MarkupElement] = []
        for child in parent.elementChildren {
            switch child.wordName {
            case name: out.append(child)
            case "sdt", "sdtContent", "customXml": out += elements(child, named: name)
            default: continue
            }
        }
        return out
    }

    // MARK: Paragraphs

    /// A paragraph's lines: one, more where it has line breaks, then its text boxes' lines.
    private mutating func paragraph(_ p: MarkupElement) {
        let properties = p.wordChild("pPr")
        let style = properties?.wordValue("pStyle") ?? styles.defaultParagraphStyle
        let reference = NumberingReference(properties?.wordChild("numPr")).filled(from: styles.numbering(ofStyle: style))
        let label = numbering.label(for: reference, style: style)

        var text = ParagraphText()
        inline(p, into: &text)
        var out = text.lines
        if let label {
            if out.isEmpty {
                out = [WordText.trimmed(label.text)]
            } else {
                out[0] = Self.numbered(out[0], label: label)
            }
        }
        drop("docx-deleted", text.deleted)
        drop("docx-hidden", text.hidden)
        emit(out + text.boxes)
    }

    /// The line with its number in front: a tab or space after the number becomes a space only
    /// where the two would otherwise run together into something else (`1.2023年`, `1完善`);
    /// `一、总体情况` and `1.完善制度` are written as Chinese typists write them.
    static func numbered(_ line: String, label: Label) -> String {
        let number = WordText.trimmed(label.text)
        guard label.suffix != .nothing, let last = number.unicodeScalars.last, let first = line.unicodeScalars.first else {
            return number + line
        }
        let runsTogether = last.properties.isAlphabetic || last.properties.numericType != nil
            || (last.isASCII && first.isASCII && (first.properties.isAlphabetic || first.properties.numericType != nil))
        return runsTogether ? number + " " + line : number + line
    }

    typealias Label = WordNumbering.Label

    /// The text of a paragraph as it is read: lines split at breaks, and what is left out.
    private struct ParagraphText {
        private var done: [String] = []
        private var current = ""
        var deleted = ""
        var hidden = ""
        var boxes: [String] = []

        mutating func append(_ s: String) { current += s }

        mutating func breakLine() {
            done.append(current)
            current = ""
        }

        var lines: [String] { (done + [current]).map(WordText.trimmed).filter { !$0.isEmpty } }
    }

    /// Run-level content: runs, and what wraps runs (hyperlinks, insertions, fields, controls).
    private mutating func inline(_ parent: MarkupElement, into text: inout ParagraphText) {
        for child in parent.elementChildren {
            switch child.wordName {
            case "r":
                run(child, into: &text)
            case "del":
                text.deleted += deletedText(child)
            case "sdt" where Self.showsPlaceholder(child):
                drop("docx-placeholder", child.text)
            case "txbxContent":
                text.boxes += collecting { $0.blocks(child) }
            case "pPr", "rPr", "sdtPr", "sdtEndPr", "rt", "instrText", "delInstrText", "moveFrom":
                continue
            default:
                if child.namespace == WordML.math, child.name == "t" {
                    if showsText { text.append(child.text) }
                } else if let branch = Self.alternative(child) {
                    inline(branch, into: &text)
                } else {
                    // Hyperlinks, insertions, simple fields, smart tags, content controls, ruby
                    // bases, and the drawings and pictures that hold text boxes.
                    inline(child, into: &text)
                }
            }
        }
    }

    private var showsText: Bool { !fields.contains(false) }

    private mutating func run(_ r: MarkupElement, into text: inout ParagraphText) {
        let hidden = r.wordChild("rPr").map { $0.wordToggle("vanish") || $0.wordToggle("specVanish") } ?? false
        for child in r.elementChildren {
            switch child.wordName {
            case "t":
                guard showsText else { continue }
                if hidden { text.hidden += child.text } else { text.append(child.text) }
            case "tab", "ptab":
                if showsText, !hidden { text.append(" ") }
            case "br", "cr":
                if showsText, !hidden { text.breakLine() }
            case "sym":
                if showsText, !hidden { text.append(WordSymbols.text(font: child.attribute("font"), char: child.attribute("char"))) }
            case "noBreakHyphen":
                if showsText, !hidden { text.append("-") }
            case "fldChar":
                switch child.attribute("fldCharType") {
                case "begin": fields.append(false)
                case "separate": if !fields.isEmpty { fields[fields.count - 1] = true }
                case "end": _ = fields.popLast()
                default: break
                }
            case "footnoteReference", "endnoteReference":
                let kind = child.wordName == "footnoteReference" ? "f" : "e"
                if let id = child.attribute("id"), let note = notes[kind + id] {
                    drop(kind == "f" ? "docx-footnote" : "docx-endnote", note)
                }
            case "rPr", "instrText", "delInstrText", "delText", "softHyphen", "lastRenderedPageBreak":
                continue
            default:
                // Drawings, pictures and alternate content: the text boxes inside them.
                inline(Self.alternative(child) ?? child, into: &text)
            }
        }
    }

    /// The text of deleted runs (`w:delText`), wherever it is inside `element`.
    private func deletedText(_ element: MarkupElement) -> String {
        var out = ""
        for child in element.elementChildren {
            if child.wordName == "delText" {
                out += child.text
            } else {
                out += deletedText(child)
            }
        }
        return out
    }

    /// A content control still showing its prompt (`单击或点击此处输入文字。`), not content.
    private static func showsPlaceholder(_ sdt: MarkupElement) -> Bool {
        sdt.wordChild("sdtPr")?.wordToggle("showingPlcHdr") ?? false
    }

    /// The one branch of `mc:AlternateContent` read: its first `mc:Choice`, else `mc:Fallback`
    /// (both hold the same text, a text box in DrawingML and again in VML). Nil for other elements.
    private static func alternative(_ element: MarkupElement) -> MarkupElement? {
        guard element.namespace == WordML.compatibility, element.name == "AlternateContent" else { return nil }
        let branches = element.elementChildren.filter { $0.namespace == WordML.compatibility }
        return branches.first { $0.name == "Choice" } ?? branches.first { $0.name == "Fallback" } ?? MarkupElement(name: "")
    }

    private mutating func drop(_ rule: String, _ text: String) {
        let text = WordText.collapsed(text)
        guard !text.isEmpty else { return }
        dropped.append(DroppedText(rule: rule, text: text, line: sinks[0].count + 1))
    }
}
