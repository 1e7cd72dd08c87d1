import ReportModel

/// A Word 97–2003 file (.doc) → its text, through antiword, or catdoc where only it is installed.
///
/// antiword is preferred: it follows the piece table, so text after a table or a picture is not
/// lost (catdoc lost both in LibreOffice-made files), and it shows field results, not field
/// codes (catdoc prints `HYPERLINK "…"`). Neither writes automatic numbers as the reader sees
/// them: antiword writes none for a list without a left indent (the usual Chinese layout, a
/// first-line indent) and Arabic digits for the rest (`1 ` for （一）), catdoc none at all. The
/// headings of a .doc therefore come without their 一、 （一）; a known limit of the tools.
///
/// Before a tool runs, the file is looked at: a .docx or a web page saved as .doc is read as what
/// it is, an RTF file or a web archive is named, and so is an OLE file that is not a Word
/// document or is password-protected.
enum DocExtractor {
    static let antiword = ExternalTool(command: "antiword", package: "antiword")
    static let catdoc = ExternalTool(command: "catdoc", package: "catdoc")

    static func extract(_ bytes: [UInt8], name: String) throws(DecodeError) -> ExtractedText {
        switch Content(bytes) {
        case .zip:
            return try DocxExtractor.extract(bytes, name: name)
        case .webPage:
            return try HTMLExtractor.extract(bytes, name: name)
        case .rtf:
            throw DecodeError(path: name, reason: "is an RTF file saved as .doc; save it as .docx or .txt")
        case .webArchive:
            throw DecodeError(path: name, reason: "is a web archive (MHT) saved as .doc; save it as .docx or .html")
        case .unknown:
            throw DecodeError(path: name, reason: "is not a Word file (neither Word 97–2003 nor Word 2007 or later)")
        case .compoundFile:
            break
        }
        guard let file = CompoundFile(bytes) else {
            throw DecodeError(path: name, reason: "is not a readable Word file (a damaged OLE compound file)")
        }
        try checkIsReadableWord(file, name: name)

        let lines: [String], dropped: [DroppedText]
        if antiword.path != nil || catdoc.path == nil {
            (lines, dropped) = try readWithAntiword(bytes, name: name)
        } else {
            lines = try readWithCatdoc(bytes, name: name)
            dropped = []
        }
        guard !lines.isEmpty else { throw DecodeError(path: name, reason: "has no text") }
        let properties = file.stream(DocumentProperties.summaryStream).map(DocumentProperties.init(summaryInformation:))
        return ExtractedText(text: lines.joined(separator: "\n") + "\n", format: .doc, encoding: "doc",
                             clues: properties?.clues(from: "doc summary", authorField: "author") ?? FormatClues(),
                             dropped: dropped)
    }

    /// What a file named .doc holds, told by its first bytes: a Word 97–2003 file is an OLE
    /// compound file; Word and web servers also write other formats under the name.
    private enum Content {
        case compoundFile, zip, rtf, webPage, webArchive, unknown

        init(_ bytes: [UInt8]) {
            if CompoundFile.hasSignature(bytes) { self = .compoundFile; return }
            if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { self = .zip; return }
            // Text formats, after a UTF-8 byte-order mark and white space.
            let text = bytes.dropFirst(bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0).drop { $0 == 0x20 || (0x09...0x0D).contains($0) }
            let head = String(decoding: text.prefix(16), as: UTF8.self).lowercased()
            self = head.hasPrefix("{\\rtf") ? .rtf : head.hasPrefix("<") ? .webPage : head.hasPrefix("mime-version") ? .webArchive : .unknown
        }
    }

    /// Throws when the OLE file is not a Word document a tool can read: another program's file,
    /// or one saved with a password (a .docx's `EncryptionInfo`, a .doc's `fEncrypted` flag).
    private static func checkIsReadableWord(_ file: CompoundFile, name: String) throws(DecodeError) {
        let password = DecodeError(path: name, reason: "is password-protected; save a copy without a password")
        if file.hasStream("EncryptionInfo") { throw password }
        guard let fib = file.stream("WordDocument", limit: 12) else {
            let streams = Set(file.entries.map { $0.name.lowercased() })
            let kind = streams.contains("workbook") || streams.contains("book") ? "an Excel workbook"
                : streams.contains("powerpoint document") ? "a PowerPoint presentation"
                : "an OLE file of another program"
            throw DecodeError(path: name, reason: "is \(kind), not a Word document")
        }
        // The File Information Block: 0xA5EC for Word, fEncrypted (0x0100) and fObfuscated (0x8000) at 0x0A.
        guard CompoundFile.uint16(fib, 0) == 0xA5EC || CompoundFile.uint16(fib, 0) == 0xA5DC else {
            throw DecodeError(path: name, reason: "is not a readable Word file (its WordDocument stream is not Word's)")
        }
        if CompoundFile.uint16(fib, 0x0A) & 0x8100 != 0 { throw password }
    }

    private static func readWithAntiword(_ bytes: [UInt8], name: String) throws(DecodeError) -> (lines: [String], dropped: [DroppedText]) {
        let output = try antiword.run(AntiwordText.arguments, bytes: bytes, name: name)
        guard output.status == 0 else { throw failed(antiword, output, name: name) }
        let rendering = String(decoding: output.stdout, as: UTF8.self)
        var tables: [[String]]?
        if AntiwordText.hasTables(rendering) {
            let docBook = try antiword.run(AntiwordText.docBookArguments, bytes: bytes, name: name)
            if docBook.status == 0 { tables = AntiwordText.tables(docBook: docBook.stdout) }
        }
        return AntiwordText.read(rendering, tables: tables)
    }

    /// catdoc writes a paragraph a line (`-w`) and a table row as its cells between tabs.
    private static func readWithCatdoc(_ bytes: [UInt8], name: String) throws(DecodeError) -> [String] {
        let output = try catdoc.run(["-d", "utf-8", "-w", ExternalTool.input], bytes: bytes, name: name)
        guard output.status == 0 else { throw failed(catdoc, output, name: name) }
        return String(decoding: output.stdout, as: UTF8.self).split(separator: "\n")
            .map { WordText.trimmed($0.replacingOccurrences(of: "\t", with: " ")) }.filter { !$0.isEmpty }
    }

    /// The tool's complaint, without the path of the temporary copy it was given.
    private static func failed(_ tool: ExternalTool, _ output: ExternalTool.Output, name: String) -> DecodeError {
        var said = output.stderr.split(separator: "\n").first.map(String.init) ?? "exit status \(output.status)"
        if said.hasPrefix("/"), let space = said.firstIndex(of: " ") { said = WordText.trimmed(said[space...]) }
        return DecodeError(path: name, reason: "could not be read by \(tool.command) (\(said))")
    }
}
