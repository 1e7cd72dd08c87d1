import Foundation
import ReportModel

/// A PDF's text, read by poppler's `pdftotext`: a paragraph a line, re-joined from the lines it
/// was printed in (`TextColumn`), across page breaks too, without the running headers, footers
/// and page numbers that interrupt it (`RunningLines`), and without the spaces extraction puts
/// between Chinese characters (`CJKText`).
///
/// pdftotext runs with `-bbox-layout`: its default reading order (each page's text as it is read,
/// a printed line to a line), with where each line stands, which tells a wrapped line from the
/// end of a paragraph. `-raw` follows the order the writer drew text in instead, which puts a
/// paragraph's quotation marks, set in another font, on a line of their own; `-layout` keeps the
/// page's columns by padding with spaces and puts a blank line between lines set with 1.5 line
/// spacing.
enum PDFExtractor {
    static let tool = ExternalTool(command: "pdftotext", package: "poppler-utils")

    /// A PDF starts with `%PDF-`, give or take some bytes before it that readers tolerate.
    static let headerReach = 1024

    static func extract(_ bytes: [UInt8], name: String) throws(DecodeError) -> ExtractedText {
        guard !bytes.isEmpty else { throw DecodeError(path: name, reason: "the file is empty") }
        guard hasHeader(bytes) else {
            throw DecodeError(path: name, reason: "is not a readable PDF (it does not start with %PDF: is it really a PDF?)")
        }
        let output = try tool.run(["-enc", "UTF-8", "-bbox-layout", ExternalTool.input, "-"], bytes: bytes, name: name)
        guard output.status == 0 else { throw failure(output, name: name) }
        let layout: PDFLayout
        do {
            layout = try PDFLayout(xhtml: output.stdout)
        } catch {
            throw DecodeError(path: name, reason: "is not a readable PDF (pdftotext's layout is not well-formed: \(error.message))")
        }
        let (text, dropped) = assemble(layout.pages)
        guard !text.isEmpty else {
            throw DecodeError(path: name, reason: "has no text layer (a scanned PDF?); OCR it first, e.g. with ocrmypdf")
        }
        return ExtractedText(text: text, format: .pdf, encoding: "pdf",
                             clues: DocumentInfo.clues(title: layout.title, author: layout.author), dropped: dropped)
    }

    private static func hasHeader(_ bytes: [UInt8]) -> Bool {
        let head = bytes.prefix(headerReach)
        let magic = Array("%PDF-".utf8)
        return head.indices.contains { head[$0...].starts(with: magic) }
    }

    /// Why pdftotext could not read the file, in words a user can act on.
    private static func failure(_ output: ExternalTool.Output, name: String) -> DecodeError {
        if output.stderr.contains("Incorrect password") {
            return DecodeError(path: name, reason: "is encrypted with a password; save a copy without one")
        }
        // Its first error, rather than a warning that it went on reading.
        let lines = output.stderr.unicodeScalars.split(separator: "\n").map { String($0).trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        let said = lines.first { $0.contains("Error") } ?? lines.first ?? "pdftotext exited with status \(output.status)"
        return DecodeError(path: name, reason: "is not a readable PDF (\(said))")
    }

    /// The pages' lines as text, a paragraph a line; running lines are left out and recorded at
    /// the line that follows them (the last line, for those that end the text).
    static func assemble(_ pages: [[PDFLayout.Line]]) -> (text: String, dropped: [DroppedText]) {
        let tidied = pages.map { page in
            page.map { line in
                var line = line
                line.text = CJKText.tidy(line.text)
                return line
            }
        }
        var drop: [Int: [Int: RunningLines.Kind]] = [:]
        for found in RunningLines.find(in: tidied.map { $0.map(\.text) }) { drop[found.page, default: [:]][found.line] = found.kind }
        let body = tidied.indices.flatMap { p in tidied[p].indices.filter { drop[p]?[$0] == nil }.map { tidied[p][$0] } }
        let column = TextColumn(body)

        var paragraphs: [String] = []
        var dropped: [DroppedText] = []
        var waiting: [(kind: RunningLines.Kind, text: String)] = []  // dropped, until the text that follows them
        var previous: PDFLayout.Line?
        for (p, page) in tidied.enumerated() {
            for (i, line) in page.enumerated() where !line.text.isEmpty {
                if let kind = drop[p]?[i] {
                    waiting.append((kind, line.text))
                    continue
                }
                if let previous, let column, column.runsOn(previous, into: line) {
                    paragraphs[paragraphs.count - 1] += separator(between: previous.text, and: line.text) + line.text
                } else {
                    paragraphs.append(line.text)
                }
                dropped += waiting.map { DroppedText(rule: $0.kind.rawValue, text: $0.text, line: paragraphs.count) }
                waiting.removeAll()
                previous = line
            }
        }
        dropped += waiting.map { DroppedText(rule: $0.kind.rawValue, text: $0.text, line: max(paragraphs.count, 1)) }
        return (paragraphs.isEmpty ? "" : paragraphs.joined(separator: "\n") + "\n", dropped)
    }

    /// Chinese runs on without a space; two Latin words the wrap parted get one back.
    private static func separator(between text: String, and next: String) -> String {
        guard let last = text.unicodeScalars.last, let first = next.unicodeScalars.first else { return "" }
        let latin = { (s: Unicode.Scalar) in s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s)) }
        return latin(last) && latin(first) ? " " : ""
    }
}
