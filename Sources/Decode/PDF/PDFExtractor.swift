// PLACEHOLDER: replaced by the extractor's real implementation before this branch merges.
enum PDFExtractor {
    static func extract(_ bytes: [UInt8], name: String) throws(DecodeError) -> ExtractedText {
        throw DecodeError(path: name, reason: "this format is not read yet")
    }
}
