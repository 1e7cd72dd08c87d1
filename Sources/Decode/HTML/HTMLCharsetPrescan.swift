/// The charset a page declares in `<meta charset=…>` or `<meta http-equiv="Content-Type"
/// content="…; charset=…">`, found as browsers find it before they parse (the HTML standard's
/// "prescan a byte stream to determine its encoding"): a scan of the first bytes that steps over
/// comments and other tags and reads a `<meta>`'s attributes however they are quoted or cased.
///
/// Bytes, because the charset is what decides how to read them; everything else in the page is
/// read from libxml2's tree.
enum HTMLCharsetPrescan {
    /// Browsers look in the first 1024 bytes; pages saved from portals often carry a long comment
    /// or script before their `<meta>`, so a little further.
    static let length = 4096

    /// The declared charset's label, lowercased and trimmed (`gb2312`, `utf-8`), or nil.
    static func declaredCharset(_ bytes: ArraySlice<UInt8>) -> String? {
        var scanner = Scanner(bytes: bytes.prefix(length))
        return scanner.run()
    }

    private struct Scanner {
        let bytes: ArraySlice<UInt8>
        var i: Int

        init(bytes: ArraySlice<UInt8>) {
            self.bytes = bytes
            self.i = bytes.startIndex
        }

        mutating func run() -> String? {
            while i < bytes.endIndex {
                if matches("<!--") {
                    // `<!-->` ends at once: the comment's `--` may be the opening's.
                    i = find(Array("-->".utf8), from: i + 2).map { $0 + 3 } ?? bytes.endIndex
                } else if matches("<meta"), let after = at(i + 5), isSpace(after) || after == UInt8(ascii: "/") {
                    i += 5
                    if let charset = meta() { return charset }
                } else if matches("<"), let next = at(i + 1), isLetter(next) || next == UInt8(ascii: "/") && at(i + 2).map(isLetter) == true {
                    skipTag()
                } else if matches("<!") || matches("</") || matches("<?") {
                    i = find([UInt8(ascii: ">")], from: i).map { $0 + 1 } ?? bytes.endIndex
                } else {
                    i += 1
                }
            }
            return nil
        }

        /// A `<meta>`'s attributes, read to its `>`: its charset, when it declares one.
        private mutating func meta() -> String? {
            var seen: Set<String> = []
            var pragma = false
            var charset: String?
            var contentCharset: String?
            while let (name, value) = attribute() {
                guard seen.insert(name).inserted else { continue }
                switch name {
                case "http-equiv":
                    pragma = pragma || value == "content-type"
                case "content":
                    contentCharset = contentCharset ?? Self.charset(inContent: Array(value.utf8))
                case "charset":
                    charset = value
                default:
                    break
                }
            }
            if let charset { return Self.trimmed(charset) }
            return pragma ? contentCharset.map(Self.trimmed) : nil
        }

        /// Any other tag: its name and attributes stepped over to its `>`.
        private mutating func skipTag() {
            i += 1
            while i < bytes.endIndex, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">") { i += 1 }
            while attribute() != nil {}
        }

        /// The next attribute as (lowercased name, value lowercased); nil at the tag's `>` (which
        /// it steps past) or the end of the bytes.
        private mutating func attribute() -> (String, String)? {
            while let b = at(i), isSpace(b) || b == UInt8(ascii: "/") { i += 1 }
            guard let first = at(i) else { return nil }
            if first == UInt8(ascii: ">") {
                i += 1
                return nil
            }
            var name: [UInt8] = []
            // An `=` first is part of the name, as in the standard.
            while let b = at(i), !isSpace(b), b != UInt8(ascii: ">"), b != UInt8(ascii: "/"), b != UInt8(ascii: "=") || name.isEmpty {
                name.append(lower(b))
                i += 1
            }
            while let b = at(i), isSpace(b) { i += 1 }
            guard at(i) == UInt8(ascii: "=") else { return (String(decoding: name, as: UTF8.self), "") }
            i += 1
            while let b = at(i), isSpace(b) { i += 1 }
            var value: [UInt8] = []
            if let quote = at(i), quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                i += 1
                while let b = at(i), b != quote {
                    value.append(lower(b))
                    i += 1
                }
                i += 1
            } else {
                while let b = at(i), !isSpace(b), b != UInt8(ascii: ">") {
                    value.append(lower(b))
                    i += 1
                }
            }
            return (String(decoding: name, as: UTF8.self), String(decoding: value, as: UTF8.self))
        }

        /// The charset in a `content` value such as `text/html; charset=gb2312`: after
        /// `charset`, blanks, `=`, blanks, a quoted or bare value.
        static func charset(inContent c: [UInt8]) -> String? {
            let key = Array("charset".utf8)
            var k = 0
            while k + key.count <= c.count {
                guard c[k..<(k + key.count)].elementsEqual(key) else {
                    k += 1
                    continue
                }
                var j = k + key.count
                while j < c.count, isSpaceByte(c[j]) { j += 1 }
                guard j < c.count, c[j] == UInt8(ascii: "=") else {
                    k = j
                    continue
                }
                j += 1
                while j < c.count, isSpaceByte(c[j]) { j += 1 }
                guard j < c.count else { return nil }
                if c[j] == UInt8(ascii: "\"") || c[j] == UInt8(ascii: "'") {
                    guard let end = c[(j + 1)...].firstIndex(of: c[j]) else { return nil }
                    return String(decoding: c[(j + 1)..<end], as: UTF8.self)
                }
                let end = c[j...].firstIndex { isSpaceByte($0) || $0 == UInt8(ascii: ";") } ?? c.count
                return String(decoding: c[j..<end], as: UTF8.self)
            }
            return nil
        }

        private static func trimmed(_ label: String) -> String {
            let bytes = Array(label.utf8)
            guard let first = bytes.firstIndex(where: { !isSpaceByte($0) }) else { return "" }
            let last = bytes.lastIndex { !isSpaceByte($0) }!
            return String(decoding: bytes[first...last], as: UTF8.self)
        }

        private func at(_ k: Int) -> UInt8? { k < bytes.endIndex ? bytes[k] : nil }

        /// The bytes at `i` are `literal`, ASCII letters in any case.
        private func matches(_ literal: StaticString) -> Bool {
            let n = literal.utf8CodeUnitCount
            guard i + n <= bytes.endIndex else { return false }
            let p = literal.utf8Start
            for k in 0..<n where lower(bytes[i + k]) != p[k] { return false }
            return true
        }

        private func find(_ needle: [UInt8], from start: Int) -> Int? {
            var k = start
            while k + needle.count <= bytes.endIndex {
                if bytes[k..<(k + needle.count)].elementsEqual(needle) { return k }
                k += 1
            }
            return nil
        }

        private func isSpace(_ b: UInt8) -> Bool { Self.isSpaceByte(b) }
        private func isLetter(_ b: UInt8) -> Bool { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(lower(b)) }
        private func lower(_ b: UInt8) -> UInt8 { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(b) ? b | 0x20 : b }

        /// HTML's whitespace bytes: tab, line feed, form feed, carriage return, space.
        static func isSpaceByte(_ b: UInt8) -> Bool {
            b == 0x09 || b == 0x0A || b == 0x0C || b == 0x0D || b == 0x20
        }
    }
}
