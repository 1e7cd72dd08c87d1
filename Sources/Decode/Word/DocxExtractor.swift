import Markup
import ReportModel

/// A Word 2007+ file (.docx) → its text as the reader sees it: paragraphs and table rows as
/// lines, automatic numbers written out (一、 （一） 1.), and its title and author as clues.
///
/// Read from the package itself: the main document part its relationships name, with the styles
/// and numbering it uses. Headers, footers and notes are not report text; they go to `dropped`.
/// An OLE file named .docx is a .docx saved with a password or an old .doc renamed, both of
/// which `DocExtractor` tells apart.
enum DocxExtractor {
    static let usualDocumentPart = "word/document.xml"

    static func extract(_ bytes: [UInt8], name: String) throws(DecodeError) -> ExtractedText {
        if CompoundFile.hasSignature(bytes) { return try DocExtractor.extract(bytes, name: name) }
        let package = try DocxPackage(bytes, name: name)
        let document = try mainPart(of: package, name: name)
        let folder = document.path.split(separator: "/").dropLast().map { $0 + "/" }.joined()
        let relationships = try package.relationships(of: document.path)
        func related(_ type: WordML.Relationship, usually file: String) throws(DecodeError) -> MarkupElement? {
            try package.xml(relationships.targets(type).first ?? folder + file)
        }

        // A damaged styles or numbering part loses numbers, not text: the text is still read.
        let styles = try WordStyles(related(.styles, usually: "styles.xml"))
        let numbering = try WordNumbering(related(.numbering, usually: "numbering.xml"), styles: styles)
        var notes: [String: String] = [:]
        for (type, kind) in [(WordML.Relationship.footnotes, "f"), (.endnotes, "e")] {
            for path in relationships.targets(type) {
                for note in try package.xml(path)?.elementChildren ?? [] where note.attribute("type") == nil || note.attribute("type") == "normal" {
                    guard let id = note.attribute("id") else { continue }
                    var reader = WordBodyReader(styles: styles, numbering: WordNumbering(nil, styles: styles))
                    reader.read(note)
                    notes[kind + id] = reader.lines.joined(separator: " ")
                }
            }
        }

        var reader = WordBodyReader(styles: styles, numbering: numbering, notes: notes)
        reader.read(document.body)
        let lines = reader.lines
        guard !lines.isEmpty else {
            throw DecodeError(path: name, reason: reader.embeddedChunks > 0
                ? "holds its text only as embedded web pages or RTF (w:altChunk), which are not read; open it in Word and save it again"
                : "has no text")
        }

        var dropped = reader.droppedInRange
        for (type, rule, line) in [(WordML.Relationship.header, "docx-header", 1), (.footer, "docx-footer", lines.count)] {
            var seen: Set<String> = []
            for path in relationships.targets(type) {
                guard let root = try package.xml(path) else { continue }
                var part = WordBodyReader(styles: styles, numbering: WordNumbering(nil, styles: styles))
                part.read(root)
                let text = WordText.collapsed(part.lines.joined(separator: " "))
                if !text.isEmpty, seen.insert(text).inserted { dropped.append(DroppedText(rule: rule, text: text, line: line)) }
            }
        }

        let core = try package.relationships(of: "").targets(.coreProperties).first ?? "docProps/core.xml"
        let clues = try DocumentProperties(core: package.xml(core)).clues(from: "docx core", authorField: "creator")
        return ExtractedText(text: lines.joined(separator: "\n") + "\n", format: .docx, encoding: "docx", clues: clues,
                             dropped: dropped.sorted { $0.line < $1.line })
    }

    /// The main document part and its `w:body`, or why there is none.
    private static func mainPart(of package: DocxPackage, name: String) throws(DecodeError) -> (path: String, body: MarkupElement) {
        // Named by the package's relationships, else by its content types, else where Word puts it.
        var found = try package.firstPart(of: package.relationships(of: "").targets(.officeDocument))
        if found == nil { found = try package.firstPart(of: [package.mainPartByContentType(), usualDocumentPart].compactMap { $0 }) }
        guard let (path, data) = found else {
            throw DecodeError(path: name, reason: "is a zip archive without \(usualDocumentPart), not a Word document")
        }
        let root: MarkupElement
        switch MarkupDocument.xml(data) {
        case .success(let element):
            root = element
        case .failure(let error):
            throw DecodeError(path: name, reason: "is not a readable Word file (\(path) is not well-formed XML: "
                + "line \(error.line): \(error.message))")
        }
        guard root.wordName == "document", let body = root.wordChild("body") else {
            throw DecodeError(path: name, reason: "is not a Word document (its main part \(path) is not a Word document body)")
        }
        return (path, body)
    }
}
