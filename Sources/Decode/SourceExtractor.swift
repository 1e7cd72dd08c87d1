import ReportModel

/// A source's bytes, in whatever format its name says, to the text the parser reads: the one
/// place that chooses an extractor. Every failure is a `DecodeError` naming the file and the
/// reason in words a user can act on; the other sources build on.
public enum SourceExtractor {
    /// - Parameter name: the source's name, whose extension says the format (`.txt` when none does).
    public static func extract(_ bytes: [UInt8], name: String) throws(DecodeError) -> ExtractedText {
        let format = SourceFormat(fileName: name) ?? .text
        switch format {
        case .text:
            let decoded = try TextDecoder.decode(bytes, path: name)
            return ExtractedText(text: decoded.text, format: .text, encoding: decoded.encoding)
        case .html:
            return try HTMLExtractor.extract(bytes, name: name)
        case .docx:
            return try DocxExtractor.extract(bytes, name: name)
        case .doc:
            return try DocExtractor.extract(bytes, name: name)
        case .pdf:
            return try PDFExtractor.extract(bytes, name: name)
        }
    }
}
