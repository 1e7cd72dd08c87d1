/// A page's bytes to text, in the charset that reads them: a byte-order mark decides; else the
/// page's declaration, unless the bytes contradict it; else as `TextDecoder` reads text (valid
/// UTF-8, else GB18030).
///
/// Portals declare `gb2312` or `gbk` and store GB18030's subsets; a page saved again by an editor
/// or browser is often re-encoded as UTF-8 with the old declaration left in. So a declaration
/// of a legacy charset loses to bytes that are valid UTF-8 and hold Chinese (a GBK page is almost
/// never valid UTF-8), and a declaration of UTF-8 loses to bytes that are not.
enum HTMLCharset {
    struct Decoded: Equatable {
        var text: String
        /// The charset that read the bytes: `utf-8`, `utf-8-bom`, `utf-16le`, `utf-16be`,
        /// `gb18030`, `big5`, `windows-1252` or another declared label.
        var encoding: String
    }

    static func decode(_ bytes: [UInt8], name: String) throws(DecodeError) -> Decoded {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard let text = String(validating: bytes[3...], as: UTF8.self) else {
                throw DecodeError(path: name, reason: "has a UTF-8 byte-order mark but is not valid UTF-8")
            }
            return Decoded(text: text, encoding: "utf-8-bom")
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            guard let text = Iconv.decode(Array(bytes[2...]), from: little ? "UTF-16LE" : "UTF-16BE") else {
                throw DecodeError(path: name, reason: "has a UTF-16 byte-order mark but is not valid UTF-16")
            }
            return Decoded(text: text, encoding: little ? "utf-16le" : "utf-16be")
        }
        let utf8 = String(validating: bytes, as: UTF8.self)
        let declared = HTMLCharsetPrescan.declaredCharset(bytes[...]).flatMap(Charset.init(label:))
        if let declared, declared.name != "utf-8" {
            if let utf8, holdsChinese(utf8) { return Decoded(text: utf8, encoding: "utf-8") }
            if let text = Iconv.decode(bytes, from: declared.iconvName) { return Decoded(text: text, encoding: declared.name) }
        }
        if let utf8 { return Decoded(text: utf8, encoding: "utf-8") }
        if let text = Iconv.decode(bytes, from: "GB18030") { return Decoded(text: text, encoding: "gb18030") }
        if let declared, declared.name != "utf-8", declared.name != "gb18030" {
            throw DecodeError(path: name, reason: "is valid neither in its declared charset \(declared.name) nor in UTF-8 or GB18030")
        }
        throw DecodeError(path: name, reason: "is neither UTF-8 nor GB18030 text")
    }

    /// A declared charset, by the name iconv knows it and the name the result reports.
    struct Charset: Equatable {
        var iconvName: String
        var name: String

        /// The labels the Encoding Standard maps to each charset pages from China use; any other
        /// label is passed to iconv as it is.
        init?(label: String) {
            switch label {
            case "":
                return nil
            case "utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8",
                 // A `<meta>` cannot declare UTF-16 (it would not be readable as ASCII): the standard reads UTF-8.
                 "utf-16", "utf-16le", "utf-16be", "unicode", "ucs-2", "unicodefffe", "unicodefeff", "csunicode":
                (iconvName, name) = ("UTF-8", "utf-8")
            case "gb2312", "gbk", "gb18030", "x-gbk", "chinese", "csgb2312", "csiso58gb231280", "gb_2312", "gb_2312-80",
                 "iso-ir-58", "euc-cn", "cp936", "ms936", "windows-936":
                // GB18030 is a superset of GBK, itself one of GB2312: what pages declaring these hold.
                (iconvName, name) = ("GB18030", "gb18030")
            case "big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5":
                (iconvName, name) = ("BIG5-HKSCS", "big5")
            case "us-ascii", "ascii", "iso-8859-1", "iso8859-1", "latin1", "l1", "cp1252", "windows-1252", "x-cp1252", "x-user-defined":
                (iconvName, name) = ("WINDOWS-1252", "windows-1252")
            default:
                (iconvName, name) = (label.uppercased(), label)
            }
        }
    }

    /// Chinese characters or full-width punctuation: text a legacy charset's bytes would not
    /// form by chance as UTF-8.
    private static func holdsChinese(_ text: String) -> Bool {
        text.unicodeScalars.contains(where: HTMLText.isChinese)
    }
}
