import Markup

/// A Word file's title and author as it records them (File › Properties), for the parser to weigh
/// as clues. The dates beside them are not used: `created` and `modified` say when a file was
/// saved, often a template's date years before the report, never when the report was published.
struct DocumentProperties: Equatable {
    var title: String?
    var author: String?

    init(title: String? = nil, author: String? = nil) {
        self.title = title
        self.author = author
    }

    /// `docProps/core.xml`: `dc:title` and `dc:creator`.
    init(core root: MarkupElement?) {
        for case .element(let e) in root?.children ?? [] where e.namespace == WordML.dublinCore {
            switch e.name {
            case "title": title = e.text
            case "creator": author = e.text
            default: break
            }
        }
    }

    /// Clues named for where they come from (`docx core` → `docx core title`, `docx core creator`).
    func clues(from source: String, authorField: String) -> FormatClues {
        var clues = FormatClues()
        if let title = title.flatMap(Self.usableTitle) {
            clues.titles = [FormatClues.Clue(title, from: source + " title")]
        }
        if let author = author.map(WordText.collapsed), !author.isEmpty {
            clues.issuers = [FormatClues.Clue(author, from: source + " " + authorField)]
        }
        return clues
    }

    /// The title as a report's title candidate: without what Word adds when it prints a file
    /// (`Microsoft Word - 2023年工作总结.doc`), nil when nothing is left or what is left is a
    /// new file's default name (`文档1`, `Document1`, `新建 Microsoft Word 文档`).
    static func usableTitle(_ raw: String) -> String? {
        var title = WordText.collapsed(raw)
        if title.lowercased().hasPrefix(printPrefix) { title = WordText.trimmed(title.dropFirst(printPrefix.count)) }
        if let dot = title.lastIndex(of: "."), savedExtensions.contains(title[title.index(after: dot)...].lowercased()) {
            title = WordText.trimmed(title[..<dot])
        }
        let core = String(String.UnicodeScalarView(title.lowercased().unicodeScalars.filter { !$0.properties.isWhitespace }
            .reversed().drop { ("0"..."9").contains($0) }.reversed()))
        guard !core.isEmpty, !defaultNames.contains(core),
              title.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) else { return nil }
        return title
    }

    private static let printPrefix = "microsoft word - "
    private static let savedExtensions: Set<String> = ["doc", "docx", "dot", "dotx", "wps", "rtf"]
    /// The names Word and WPS give a new file, lower case, spaces and the trailing number removed.
    private static let defaultNames: Set<String> = [
        "文档", "document", "新建文档", "新建microsoftword文档", "新建doc文档", "新建docx文档", "新建wps文字文档",
        "untitled", "无标题", "标题", "title", "doc",
    ]
}
