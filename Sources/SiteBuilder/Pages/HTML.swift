/// Escaping for text put into HTML by code rather than by a template.
enum HTML {
    /// Source text (a title, a heading, a name) for a spot where page text follows it: escaped and
    /// wrapped in `<bdi>`, so a bidi control in it (U+202E, the isolates U+2066–2069, U+200F) cannot
    /// reorder what comes after. Templates wrap source text in `<bdi>` the same way.
    static func isolated(_ text: String) -> String {
        "<bdi>" + escape(text) + "</bdi>"
    }

    /// `&`, `<`, `>`, `"` and `'` as entities; walks UTF-8 and copies runs, so Chinese text costs a memcpy.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var text = text
        return text.withUTF8 { bytes in
            var out = [UInt8]()
            out.reserveCapacity(bytes.count + 16)
            for b in bytes {
                switch b {
                case 0x26: out += Array("&amp;".utf8)
                case 0x3C: out += Array("&lt;".utf8)
                case 0x3E: out += Array("&gt;".utf8)
                case 0x22: out += Array("&quot;".utf8)
                case 0x27: out += Array("&#39;".utf8)
                default: out.append(b)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
