import Foundation
import Markup

/// A saved web page (`.html`, `.htm`, `.shtml`) → its report's text and what its head says.
///
/// The bytes are decoded here (`HTMLCharset`) and handed to libxml2 as UTF-8 with that encoding
/// forced, so that libxml2's own charset guess never decodes them twice. The page's text is then
/// written block by block (`HTMLPageText`), leaving out the site's chrome (`HTMLBlockJudge`),
/// which is recorded as dropped text; its `<title>` and metas become clues (`HTMLPageClues`).
enum HTMLExtractor {
    static func extract(_ bytes: [UInt8], name: String) throws(DecodeError) -> ExtractedText {
        guard !bytes.isEmpty else { throw DecodeError(path: name, reason: "the file is empty") }
        if let reason = notAWebPage(bytes) { throw DecodeError(path: name, reason: reason) }
        let decoded = try HTMLCharset.decode(bytes, name: name)
        guard let root = MarkupDocument.html(Data(decoded.text.utf8), encoding: "UTF-8") else {
            throw DecodeError(path: name, reason: noText)
        }
        let page = HTMLPageText(root)
        guard !page.isEmpty else { throw DecodeError(path: name, reason: noText) }
        return ExtractedText(text: page.text, format: .html, encoding: decoded.encoding, clues: HTMLPageClues.read(root),
                             dropped: page.dropped)
    }

    static let noText = "has no report text (only navigation, links or scripts)"

    /// Why the bytes are no web page at all: another format's signature (a file saved under the
    /// wrong name), or NUL bytes, which no page in a charset without a byte-order mark holds.
    static func notAWebPage(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: Array("%PDF-".utf8)) { return "is not a web page (it looks like a PDF)" }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return "is not a web page (it looks like a Word .docx or another ZIP file)" }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return "is not a web page (it looks like a Word .doc file)" }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return nil }
        if bytes.prefix(binaryProbeLength).contains(0) { return "is binary, not a web page" }
        return nil
    }

    /// How far a page is looked into for NUL bytes.
    static let binaryProbeLength = 8192
}
