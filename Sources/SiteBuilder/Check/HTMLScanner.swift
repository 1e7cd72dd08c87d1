import Foundation

/// One pass over a page's UTF-8 bytes: what the checks need, nothing else.
///
/// A small tokenizer rather than a search for ` href="`: it reads tags and their attributes however
/// they are quoted, skips comments and the raw text of `<script>` and `<style>` (where an `href=` is
/// code, not a link), and keeps the text of `<title>`. Only the attributes it wants become strings.
struct HTMLScan {
    struct Link {
        /// `href`, `src`, `srcset`, `action`, `poster` or `data`.
        var attribute: String
        var value: String
        /// `<link rel="canonical">`.
        var canonical: Bool
    }

    /// The text of the first `<title>`, entities decoded and trimmed; nil when there is none.
    var title: String?
    var hasHTMLTag = false
    /// The `lang` of `<html>`; nil when the tag or the attribute is missing.
    var lang: String?
    /// Every `id`, and the `name` of each `<a>` (both are fragment targets).
    var ids: [String] = []
    var links: [Link] = []
}

enum HTMLScanner {
    private static let lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">"), slash = UInt8(ascii: "/")
    private static let bang = UInt8(ascii: "!"), question = UInt8(ascii: "?"), dash = UInt8(ascii: "-")
    private static let equals = UInt8(ascii: "="), dquote = UInt8(ascii: "\""), squote = UInt8(ascii: "'")

    private enum Tag { case html, title, link, a, script, style, textarea, other }
    private enum Attribute { case href, src, srcset, action, poster, data, id, name, lang, rel, other }

    static func scan(_ b: UnsafeRawBufferPointer) -> HTMLScan {
        var out = HTMLScan()
        let n = b.count
        var i = 0
        while i < n {
            // The next `<`.
            while i < n && b[i] != lt { i += 1 }
            guard i + 1 < n else { break }
            let c = b[i + 1]
            if c == bang {
                if i + 3 < n && b[i + 2] == dash && b[i + 3] == dash {
                    i = after(Array("-->".utf8), in: b, from: i + 4)
                } else {
                    i = after(gt, in: b, from: i + 2)
                }
                continue
            }
            if c == question || c == slash {
                i = after(gt, in: b, from: i + 2)
                continue
            }
            guard isLetter(c) else {
                i += 1
                continue
            }
            var j = i + 1
            while j < n && !isSpace(b[j]) && b[j] != gt && b[j] != slash { j += 1 }
            let tag = tagKind(b, i + 1, j)

            var rel: String?
            var tagLinks: [HTMLScan.Link] = []
            // Attributes, up to the `>` that ends the tag.
            while j < n {
                while j < n && (isSpace(b[j]) || b[j] == slash) { j += 1 }
                guard j < n else { break }
                if b[j] == gt {
                    j += 1
                    break
                }
                let nameStart = j
                while j < n && !isSpace(b[j]) && b[j] != equals && b[j] != gt && b[j] != slash { j += 1 }
                let nameEnd = j
                if nameEnd == nameStart { j += 1; continue }  // a stray `=`
                while j < n && isSpace(b[j]) { j += 1 }
                var value: Range<Int>?
                if j < n && b[j] == equals {
                    j += 1
                    while j < n && isSpace(b[j]) { j += 1 }
                    if j < n && (b[j] == dquote || b[j] == squote) {
                        let quote = b[j]
                        let start = j + 1
                        j = start
                        while j < n && b[j] != quote { j += 1 }
                        value = start..<j
                        if j < n { j += 1 }
                    } else {
                        let start = j
                        while j < n && !isSpace(b[j]) && b[j] != gt { j += 1 }
                        value = start..<j
                    }
                }
                let attribute = attributeKind(b, nameStart, nameEnd)
                if attribute == .other { continue }
                let text = value.map { decodeEntities(b, $0) } ?? ""
                switch attribute {
                case .id: if !text.isEmpty { out.ids.append(text) }
                case .name: if tag == .a && !text.isEmpty { out.ids.append(text) }
                case .lang: if tag == .html { out.lang = text }
                case .rel: rel = text
                case .href: tagLinks.append(.init(attribute: "href", value: text, canonical: false))
                case .src: tagLinks.append(.init(attribute: "src", value: text, canonical: false))
                case .action: tagLinks.append(.init(attribute: "action", value: text, canonical: false))
                case .poster: tagLinks.append(.init(attribute: "poster", value: text, canonical: false))
                case .data: tagLinks.append(.init(attribute: "data", value: text, canonical: false))
                case .srcset:
                    // `a.png 1x, b.png 2x`: the URL is each candidate's first word.
                    for candidate in text.split(separator: ",") {
                        if let url = candidate.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).first {
                            tagLinks.append(.init(attribute: "srcset", value: String(url), canonical: false))
                        }
                    }
                case .other: break
                }
            }
            if tag == .html { out.hasHTMLTag = true }
            if tag == .link, let rel, rel.lowercased().split(separator: " ").contains("canonical") {
                for k in tagLinks.indices where tagLinks[k].attribute == "href" { tagLinks[k].canonical = true }
            }
            out.links += tagLinks
            i = j
            // Raw text: no tags inside until the matching end tag.
            switch tag {
            case .title:
                let end = endTag(Array("title".utf8), in: b, from: i)
                if out.title == nil {
                    out.title = decodeEntities(b, i..<end).trimmingCharacters(in: .whitespacesAndNewlines)
                }
                i = end
            case .script: i = endTag(Array("script".utf8), in: b, from: i)
            case .style: i = endTag(Array("style".utf8), in: b, from: i)
            case .textarea: i = endTag(Array("textarea".utf8), in: b, from: i)
            default: break
            }
        }
        return out
    }

    // MARK: Bytes

    private static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 97 && (c | 0x20) <= 122 }
    private static func isSpace(_ c: UInt8) -> Bool { c == 32 || c == 9 || c == 10 || c == 13 || c == 12 }

    /// The index after the first `byte` at or after `from`, or the end.
    private static func after(_ byte: UInt8, in b: UnsafeRawBufferPointer, from: Int) -> Int {
        var i = from
        while i < b.count && b[i] != byte { i += 1 }
        return Swift.min(i + 1, b.count)
    }

    private static func after(_ needle: [UInt8], in b: UnsafeRawBufferPointer, from: Int) -> Int {
        var i = from
        while i + needle.count <= b.count {
            if b[i] == needle[0] {
                var k = 1
                while k < needle.count && b[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i + needle.count }
            }
            i += 1
        }
        return b.count
    }

    /// The index of `</name` (any case) at or after `from`, or the end.
    private static func endTag(_ name: [UInt8], in b: UnsafeRawBufferPointer, from: Int) -> Int {
        var i = from
        while i + name.count + 2 <= b.count {
            if b[i] == lt && b[i + 1] == slash && equalsLowercased(b, i + 2, i + 2 + name.count, name) { return i }
            i += 1
        }
        return b.count
    }

    private static func equalsLowercased(_ b: UnsafeRawBufferPointer, _ start: Int, _ end: Int, _ word: [UInt8]) -> Bool {
        guard end - start == word.count, end <= b.count else { return false }
        for k in 0..<word.count {
            let c = b[start + k]
            if (c >= 65 && c <= 90 ? c | 0x20 : c) != word[k] { return false }
        }
        return true
    }

    private static let tagWords: [([UInt8], Tag)] = [
        (Array("a".utf8), .a), (Array("link".utf8), .link), (Array("html".utf8), .html), (Array("title".utf8), .title),
        (Array("script".utf8), .script), (Array("style".utf8), .style), (Array("textarea".utf8), .textarea),
    ]

    private static let attributeWords: [([UInt8], Attribute)] = [
        (Array("href".utf8), .href), (Array("src".utf8), .src), (Array("id".utf8), .id), (Array("rel".utf8), .rel),
        (Array("lang".utf8), .lang), (Array("name".utf8), .name), (Array("action".utf8), .action),
        (Array("srcset".utf8), .srcset), (Array("poster".utf8), .poster), (Array("data".utf8), .data),
    ]

    private static func tagKind(_ b: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> Tag {
        for (word, tag) in tagWords where equalsLowercased(b, start, end, word) { return tag }
        return .other
    }

    private static func attributeKind(_ b: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> Attribute {
        guard end - start <= 6 else { return .other }
        for (word, attribute) in attributeWords where equalsLowercased(b, start, end, word) { return attribute }
        return .other
    }

    // MARK: Entities

    /// The text of `range`, with character references decoded (the named ones templates and cmark write, and numeric ones).
    static func decodeEntities(_ b: UnsafeRawBufferPointer, _ range: Range<Int>) -> String {
        let slice = UnsafeRawBufferPointer(rebasing: b[range])
        guard slice.contains(UInt8(ascii: "&")) else { return String(decoding: slice, as: UTF8.self) }
        return decodeEntities(String(decoding: slice, as: UTF8.self))
    }

    static func decodeEntities(_ s: String) -> String {
        guard s.contains("&") else { return s }
        var out = ""
        var rest = Substring(s)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semi = after.prefix(12).firstIndex(of: ";") {
                let name = after[..<semi]
                if let scalar = entity(name) {
                    out.unicodeScalars.append(scalar)
                    rest = after[after.index(after: semi)...]
                    continue
                }
            }
            out += "&"
            rest = after
        }
        out += rest
        return out
    }

    private static func entity(_ name: Substring) -> Unicode.Scalar? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return "\u{A0}"
        default:
            guard name.hasPrefix("#") else { return nil }
            let digits = name.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return value.flatMap(Unicode.Scalar.init)
        }
    }
}
