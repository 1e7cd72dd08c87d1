import Markup
import ReportModel

/// A page's visible text as lines, one block a line (paragraph, heading, list item, table row),
/// and the chrome left out, each piece recorded at the line it stood before.
///
/// A table row whose cells hold a line each (a data table; Word's exported tables put a `<p>`
/// in every cell) is one line, its cells a space apart; a row whose cells hold paragraphs lays
/// out a page (the old portals' layout tables) and its blocks stand on lines of their own.
struct HTMLPageText {
    var text: String
    var dropped: [DroppedText]
    /// No line holds text.
    var isEmpty: Bool

    init(_ root: MarkupElement) {
        var walker = Walker(verdicts: HTMLBlockJudge.verdicts(for: root))
        walker.visit(root)
        walker.writer.finish()
        text = walker.writer.text
        dropped = walker.dropped
        isEmpty = walker.writer.lines.isEmpty
    }

    /// Writes the elements it visits; `verdicts` says which to leave out, in document order.
    private struct Walker {
        var writer = HTMLLineWriter()
        var dropped: [DroppedText] = []
        /// Nil while writing a dropped element's text, where nothing more is judged.
        let verdicts: [HTMLBlockJudge.Verdict]?
        var next = 0
        /// Inside a row written on one line: blocks and breaks separate, not end, lines.
        var oneLine = false
        var preformatted = false

        init(verdicts: [HTMLBlockJudge.Verdict]?) {
            self.verdicts = verdicts
        }

        mutating func visit(_ element: MarkupElement, marker: String? = nil) {
            switch verdict(for: element) {
            case .silent:
                return
            case .chrome(let rule):
                record(element, rule: rule)
                return
            case .keep:
                break
            }
            let isBlock = HTMLLayout.blocks.contains(element.name)
            if isBlock { endLine() }
            if HTMLLayout.cells.contains(element.name) { writer.separate() }
            if element.name == "br" { breakLine() }
            if let marker { writer.write(marker + " ") }
            let outer = (oneLine, preformatted)
            if element.name == "tr" && !oneLine { oneLine = Self.holdsOneLinePerCell(element) }
            if HTMLLayout.preformatted.contains(element.name) { preformatted = true }
            visitChildren(of: element)
            (oneLine, preformatted) = outer
            if isBlock { endLine() }
        }

        private mutating func visitChildren(of element: MarkupElement) {
            // An ordered list's items are numbered from its `start`, or from an item's `value`.
            var number = element.name == "ol" ? element.attribute("start").flatMap(Self.integer) ?? 1 : nil
            let style = element.attribute("type") ?? "1"
            for (position, child) in element.children.enumerated() {
                switch child {
                case .text(let text) where preformatted:
                    // A line break just after `<pre>` is the tag's, not the text's.
                    let first = position == 0 && HTMLLayout.preformatted.contains(element.name)
                    writer.writePreformatted(HTMLText.visible(first ? Self.droppingLeadingBreak(text) : text))
                case .text(let text):
                    writer.write(HTMLText.visible(text))
                case .element(let child):
                    if child.name == "li", let n = number.map({ child.attribute("value").flatMap(Self.integer) ?? $0 }) {
                        visit(child, marker: HTMLListMarker.marker(n, style: style))
                        number = n + 1
                    } else {
                        visit(child)
                    }
                }
            }
        }

        private mutating func verdict(for element: MarkupElement) -> HTMLBlockJudge.Verdict {
            guard let verdicts else {
                return HTMLChrome.silent.contains(element.name) || HTMLChrome.isHidden(element) ? .silent : .keep
            }
            defer { next += 1 }
            return verdicts[next]
        }

        /// The text of an element left out, on one line, where it stood.
        private mutating func record(_ element: MarkupElement, rule: String) {
            let isBlock = HTMLLayout.blocks.contains(element.name) || HTMLLayout.cells.contains(element.name)
            if isBlock { endLine() }
            var inner = Walker(verdicts: nil)
            inner.preformatted = preformatted
            inner.visitChildren(of: element)
            inner.writer.finish()
            let text = inner.writer.lines.filter { !$0.isEmpty }.joined(separator: " ")
            if !text.isEmpty {
                dropped.append(DroppedText(rule: rule, text: text, line: writer.nextLine))
            }
        }

        private mutating func endLine() {
            if oneLine { writer.separate() } else { writer.endLine() }
        }

        private mutating func breakLine() {
            if oneLine { writer.separate() } else { writer.breakLine() }
        }

        /// Each cell of the row holds at most one line of text: no two blocks with text, no
        /// line break between texts.
        static func holdsOneLinePerCell(_ row: MarkupElement) -> Bool {
            row.children.allSatisfy { child in
                guard case .element(let cell) = child, HTMLLayout.cells.contains(cell.name) else { return true }
                return lineCount(cell, limit: 2) <= 1
            }
        }

        /// The lines an element's text would take, counted up to `limit`: each run of text
        /// between blocks and breaks is one.
        private static func lineCount(_ element: MarkupElement, limit: Int) -> Int {
            var count = 0
            var running = false
            for child in element.children where count < limit {
                switch child {
                case .text(let text):
                    running = running || HTMLText.visible(text).unicodeScalars.contains { !HTMLText.isBlank($0) }
                case .element(let child) where HTMLChrome.silent.contains(child.name):
                    break
                case .element(let child) where child.name == "br":
                    if running { count += 1 }
                    running = false
                case .element(let child):
                    let lines = lineCount(child, limit: limit - count)
                    if HTMLLayout.blocks.contains(child.name) || lines > 1 {
                        if running { count += 1 }
                        running = false
                        count += lines
                    } else {
                        running = running || lines == 1
                    }
                }
            }
            return count + (running ? 1 : 0)
        }

        private static func droppingLeadingBreak(_ text: String) -> String {
            var rest = text.unicodeScalars[...]
            if rest.first == "\r" { rest = rest.dropFirst() }
            if rest.first == "\n" { rest = rest.dropFirst() }
            return String(rest)
        }

        private static func integer(_ value: String) -> Int? {
            Int(HTMLText.collapsed(value))
        }
    }
}
