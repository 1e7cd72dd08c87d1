import Foundation
import Markup
import ReportModel

/// antiword's plain-text rendering of a .doc (`antiword -m UTF-8.txt -w 0`), turned into the
/// lines the parser reads. The rendering is read for what antiword writes:
///
/// - a paragraph a line (with `-w 0`), blank lines around headings and tables;
/// - a table row as `|cell |cell |`, padded to the column widths, a cell's text wrapped onto
///   further such lines, so that the rows cannot be told apart in it: the rows come from
///   antiword's DocBook rendering (`-x db`) of the same file when there are tables;
/// - `[pic]` where a picture stands;
/// - after the body, a line of 23 hyphens (its note separator, two inches wide) before the
///   footnotes, another before the endnotes and text boxes: all of which go to `dropped`.
enum AntiwordText {
    static let arguments = ["-m", "UTF-8.txt", "-w", "0", ExternalTool.input]
    static let docBookArguments = ["-x", "db", "-m", "UTF-8.txt", ExternalTool.input]

    private static let noteSeparator = String(repeating: "-", count: 23)
    private static let picture = "[pic]"

    /// Whether the rendering has table rows, which `lines` reads better with the DocBook rows.
    static func hasTables(_ rendering: String) -> Bool {
        rendering.split(separator: "\n").contains { isTableLine($0) }
    }

    /// The lines of the rendering; `tables` are the rows of each table from the DocBook
    /// rendering, used when there are as many as the plain rendering shows.
    static func read(_ rendering: String, tables: [[String]]?) -> (lines: [String], dropped: [DroppedText]) {
        var body = rendering.split(separator: "\n", omittingEmptySubsequences: false)
        var notes: [Substring] = []
        if let separator = body.firstIndex(where: { WordText.trimmed($0) == noteSeparator }) {
            notes = Array(body[(separator + 1)...])
            body.removeSubrange(separator...)
        }

        // Runs of table lines, each replaced by its table's rows.
        var blocks: [[Substring]] = []
        var lines: [Line] = []
        for line in body {
            if isTableLine(line) {
                if case .table = lines.last {} else {
                    lines.append(.table(blocks.count))
                    blocks.append([])
                }
                blocks[blocks.count - 1].append(line)
            } else {
                lines.append(.text(line))
            }
        }
        let rows = if let tables, tables.count == blocks.count { tables } else { blocks.map { $0.map(cellsOfLine) } }

        var out: [String] = []
        for line in lines {
            switch line {
            case .text(let text):
                let cleaned = WordText.trimmed(text.replacingOccurrences(of: picture, with: "").replacingOccurrences(of: "\t", with: " "))
                if !cleaned.isEmpty { out.append(cleaned) }
            case .table(let index):
                out += rows[index].filter { !$0.isEmpty }
            }
        }
        let dropped = notes.filter { WordText.trimmed($0) != noteSeparator }
            .map { WordText.collapsed($0.replacingOccurrences(of: picture, with: "")) }.filter { !$0.isEmpty }
            .map { DroppedText(rule: "doc-notes", text: $0, line: Swift.max(1, out.count)) }
        return (out, dropped)
    }

    /// The rows of each table in antiword's DocBook rendering, a row's cells (`entry`) joined by
    /// spaces; nil when the rendering cannot be read.
    static func tables(docBook: [UInt8]) -> [[String]]? {
        guard case .success(let root) = MarkupDocument.xml(Data(docBook)) else { return nil }
        var tables: [[String]] = []
        func visit(_ element: MarkupElement) {
            if element.name == "informaltable" || element.name == "table" {
                tables.append(descendants(element, named: "row").map { row in
                    descendants(row, named: "entry").map { WordText.collapsed(cellText($0)) }.filter { !$0.isEmpty }
                        .joined(separator: " ")
                })
            } else {
                element.elementChildren.forEach(visit)
            }
        }
        visit(root)
        return tables
    }

    private enum Line {
        case text(Substring)
        case table(Int)
    }

    private static func isTableLine(_ line: Substring) -> Bool {
        let line = WordText.trimmed(line)
        return line.count >= 2 && line.hasPrefix("|") && line.hasSuffix("|")
    }

    /// A table line's cells when the DocBook rows are not to be had: each line a row.
    private static func cellsOfLine(_ line: Substring) -> String {
        line.split(separator: "|").map(WordText.trimmed).filter { !$0.isEmpty }.joined(separator: " ")
    }

    private static func descendants(_ element: MarkupElement, named name: String) -> [MarkupElement] {
        element.elementChildren.flatMap { $0.name == name ? [$0] : descendants($0, named: name) }
    }

    /// A cell's text without its footnotes, which DocBook writes where they are referenced.
    private static func cellText(_ element: MarkupElement) -> String {
        var out = ""
        for child in element.children {
            switch child {
            case .text(let text): out += text
            case .element(let e) where e.name == "footnote": continue
            case .element(let e) where e.name == "para": out += " " + cellText(e) + " "
            case .element(let e): out += cellText(e)
            }
        }
        return out
    }
}
