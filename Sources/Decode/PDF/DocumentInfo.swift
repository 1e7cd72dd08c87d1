/// A PDF's document information as clues: the Title a title candidate, the Author an issuer
/// candidate, both weighed by the parser against the text.
///
/// Only values that could be a Chinese report's are kept: they hold Han characters (not
/// `untitled`, `Administrator`) and are not a file name (`Microsoft Word - 工作总结.docx`).
enum DocumentInfo {
    static func clues(title: String?, author: String?) -> FormatClues {
        var clues = FormatClues()
        if let title = title.map(CJKText.tidy), isReportValue(title) { clues.titles = [.init(title, from: "pdf info title")] }
        if let author = author.map(CJKText.tidy), isReportValue(author) { clues.issuers = [.init(author, from: "pdf info author")] }
        return clues
    }

    private static func isReportValue(_ value: String) -> Bool {
        value.unicodeScalars.contains(where: CJKText.isHan) && !isFileName(value)
    }

    /// Ends in an extension: `.doc`, `.docx`, `.wps`, `.pdf`.
    private static func isFileName(_ value: String) -> Bool {
        guard let dot = value.unicodeScalars.lastIndex(of: ".") else { return false }
        let ext = value.unicodeScalars[value.unicodeScalars.index(after: dot)...]
        return (2...4).contains(ext.count) && ext.allSatisfy { $0.isASCII && $0.properties.isAlphabetic }
    }
}
