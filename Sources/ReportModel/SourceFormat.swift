/// The kinds of file a source can be, told by the name's extension (case ignored). The content
/// folder reads these and nothing else, so a stray `.jpg` or `.xlsx` is reported, not parsed.
public enum SourceFormat: String, Sendable, Codable, CaseIterable {
    /// Plain text in UTF-8, UTF-16 or GB18030: `.txt`.
    case text
    /// A saved web page: `.html`, `.htm`, `.shtml`.
    case html
    /// Word 2007 and later: `.docx`.
    case docx
    /// Word 97–2003: `.doc`, read through `catdoc`.
    case doc
    /// A PDF with a text layer, read through poppler's `pdftotext`.
    case pdf

    /// The extensions of each format, lower case and without the dot; the first is the usual one.
    public var extensions: [String] {
        switch self {
        case .text: ["txt"]
        case .html: ["html", "htm", "shtml"]
        case .docx: ["docx"]
        case .doc: ["doc"]
        case .pdf: ["pdf"]
        }
    }

    /// What a reader calls it: 文本, 网页, Word 文档, PDF.
    public var displayName: String {
        switch self {
        case .text: "文本"
        case .html: "网页"
        case .docx, .doc: "Word 文档"
        case .pdf: "PDF"
        }
    }

    /// The format a file name's extension names, or nil when it is not a source.
    public init?(fileName: String) {
        // Read as bytes: the content folder's walk asks this of every file. Extensions are ASCII.
        let utf8 = fileName.utf8
        guard let dot = utf8.lastIndex(of: UInt8(ascii: ".")), dot > utf8.startIndex,
              utf8[utf8.index(before: dot)] != UInt8(ascii: "/") else { return nil }
        let ext = utf8[utf8.index(after: dot)...]
        func named(_ candidate: String) -> Bool {
            candidate.utf8.count == ext.count && zip(candidate.utf8, ext).allSatisfy { $0 == ($1 | ($1 &- 0x41 < 26 ? 0x20 : 0)) }
        }
        guard let format = Self.allCases.first(where: { $0.extensions.contains(where: named) }) else { return nil }
        self = format
    }

    /// `*.txt, *.html, …`, for messages that say what the content folder reads.
    public static var patterns: String {
        allCases.flatMap(\.extensions).map { "*." + $0 }.joined(separator: ", ")
    }
}
