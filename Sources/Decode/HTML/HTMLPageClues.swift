import Markup

/// What a page says about its report outside the text: the metas government portals write for
/// their search engines (`ArticleTitle`, `PubDate`, `ContentSource`, `SiteName`, `ColumnName`,
/// `Keywords`; names matched in any case), the Open Graph `article:published_time`, and
/// `<title>`. The article's `<h1>` is no clue: it is in the text, where the parser finds it.
enum HTMLPageClues {
    static func read(_ root: MarkupElement) -> FormatClues {
        var head = Head()
        head.collect(root)
        let metas = head.metas
        var clues = FormatClues()
        if let title = metas["articletitle"] {
            clues.titles.append(.init(title, from: "html meta ArticleTitle"))
        }
        if let title = head.title.flatMap({ articleTitle(fromPageTitle: $0, site: metas["sitename"], column: metas["columnname"]) }),
           !clues.titles.contains(where: { $0.value == title }) {
            clues.titles.append(.init(title, from: "html title"))
        }
        for (key, shown) in published {
            if let date = metas[key].flatMap(HTMLPublishedDate.normalised) {
                clues.published = .init(date, from: "html meta \(shown)")
                break
            }
        }
        for (key, shown) in issuers {
            guard let name = metas[key], !isAddress(name), !clues.issuers.contains(where: { $0.value == name }) else { continue }
            clues.issuers.append(.init(name, from: "html meta \(shown)"))
        }
        clues.site = metas["sitename"].map { .init($0, from: "html meta SiteName") }
        clues.column = metas["columnname"].map { .init($0, from: "html meta ColumnName") }
        clues.keywords = metas["keywords"].map(keywords) ?? []
        return clues
    }

    /// The metas that date the page, best first, by lowercased name and as the clue names them.
    static let published = [
        ("pubdate", "PubDate"), ("publishdate", "PublishDate"), ("firstpublishedtime", "FirstPublishedTime"),
        ("article:published_time", "article:published_time"),
    ]

    static let issuers = [("contentsource", "ContentSource"), ("source", "source")]

    /// The article's title in a page's `<title>`, which portals write as the article's title
    /// followed by the column's and the site's names, each after a separator (`_`, `|`, `｜`, or a
    /// dash with blanks around it): trailing parts that are the site's or the column's name (the
    /// `SiteName` and `ColumnName` metas) are cut, after a separator or a blank, as often as they
    /// stand; when none is, the last part after a separator is cut, the site's name on most
    /// portals. Nil when nothing is left.
    static func articleTitle(fromPageTitle title: String, site: String?, column: String?) -> String? {
        var t = Array(HTMLText.collapsed(title).unicodeScalars)[...]
        let names = [site, column].compactMap { $0.map { Array($0.unicodeScalars) } }.filter { !$0.isEmpty }
        var cut = false
        cutting: while true {
            for name in names where t.count > name.count && t.suffix(name.count).elementsEqual(name) {
                let rest = t.dropLast(name.count)
                guard let before = rest.last, before == " " || partSeparators.contains(before) || dashes.contains(before) else { continue }
                t = rest
                while let last = t.last, last == " " || partSeparators.contains(last) || dashes.contains(last) { t.removeLast() }
                cut = true
                continue cutting
            }
            break
        }
        if !cut, let end = lastPartStart(t) { t = t[..<end] }
        while t.last == " " { t.removeLast() }
        return t.isEmpty ? nil : String(String.UnicodeScalarView(t))
    }

    private static let partSeparators: Set<Unicode.Scalar> = ["_", "|", "｜"]
    private static let dashes: Set<Unicode.Scalar> = ["-", "–", "—"]

    /// Where the separator before the title's last part starts: `_`, `|` or `｜` anywhere, a run
    /// of dashes only with a blank on each side (`2023-2024`, `——` in a title are not separators).
    private static func lastPartStart(_ t: ArraySlice<Unicode.Scalar>) -> Int? {
        var k = t.endIndex - 1
        while k > t.startIndex {
            if partSeparators.contains(t[k]) { return k }
            if t[k] == " ", k + 1 < t.endIndex, dashes.contains(t[k + 1]) {
                var end = k + 1
                while end < t.endIndex, dashes.contains(t[end]) { end += 1 }
                if end < t.endIndex, t[end] == " " { return k }
            }
            k -= 1
        }
        return nil
    }

    /// `Keywords` split at commas, semicolons, enumeration commas and blanks, each once.
    static func keywords(_ value: String) -> [String] {
        var words: [String] = []
        var word = String.UnicodeScalarView()
        for s in value.unicodeScalars + [" "] {
            if keywordSeparators.contains(s) || HTMLText.isBlank(s) {
                let w = String(word)
                if !w.isEmpty, !words.contains(w) { words.append(w) }
                word = String.UnicodeScalarView()
            } else {
                word.append(s)
            }
        }
        return words
    }

    private static let keywordSeparators: Set<Unicode.Scalar> = [",", "，", ";", "；", "、"]

    /// A web address given as the source, which names no publisher.
    private static func isAddress(_ value: String) -> Bool {
        value.utf8.firstRange(of: "://".utf8) != nil || value.lowercased().hasPrefix("www.")
    }

    /// The `<title>` and `<meta>`s of a page, wherever they stand (saved pages move them into
    /// the body); the first of each name counts.
    private struct Head {
        /// By lowercased `name` (or `property`), the content with blanks collapsed; never empty.
        var metas: [String: String] = [:]
        var title: String?

        mutating func collect(_ element: MarkupElement) {
            switch element.name {
            case "svg", "math", "script", "style", "template":
                return
            case "title":
                if title == nil { title = HTMLText.collapsed(element.text) }
            case "meta":
                if let key = (element.attribute("name") ?? element.attribute("property")).map({ HTMLText.collapsed($0).lowercased() }),
                   let content = element.attribute("content").map(HTMLText.collapsed), !content.isEmpty, metas[key] == nil {
                    metas[key] = content
                }
            default:
                for case .element(let child) in element.children { collect(child) }
            }
        }
    }
}
