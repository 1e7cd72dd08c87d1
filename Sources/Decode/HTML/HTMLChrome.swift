import Markup

/// What of a page is not its text: code and controls never shown as text, what the page hides,
/// and the site's chrome around the report (navigation, banner, footer, side columns, search and
/// login boxes, share bars, advertisements, related-document lists).
///
/// Chrome is told by what the page says it is: the element (`nav`, `header` …), its ARIA role,
/// or a word of its `class` or `id`. Forms and link-dense blocks, told by their text, are
/// `HTMLBlockJudge`'s.
enum HTMLChrome {
    /// Elements whose content is never shown as text (code, embedded documents, media, the
    /// document's head, whose title and metas are clues): left out without a record.
    static let silent: Set<String> = [
        "head", "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed",
        "svg", "math", "canvas", "audio", "video", "map", "img", "input", "link", "meta", "title", "base",
    ]

    /// Form controls, whose text a reader sees but which is no report's: recorded as `html-form`.
    static let controls: Set<String> = ["button", "select", "textarea", "option", "optgroup"]

    /// The element's own chrome rule (`html-nav` …), or nil when it is not chrome by what it says.
    /// - Parameter sectioned: inside `article`, `aside`, `main`, `nav` or `section`, where a
    ///   `header` or `footer` is that section's (an article's title and date), not the page's.
    static func rule(for element: MarkupElement, sectioned: Bool) -> String? {
        switch element.name {
        case "html", "body":
            return nil
        case "nav":
            return "html-nav"
        case "aside":
            return "html-aside"
        case "header", "footer":
            guard !sectioned, !Self.words(of: element).contains(where: contentWords.contains) else { return nil }
            return element.name == "header" ? "html-header" : "html-footer"
        case _ where controls.contains(element.name):
            return "html-form"
        default:
            break
        }
        if let role = element.attribute("role"), Self.words(of: role).contains(where: chromeRoles.contains) {
            return "html-chrome"
        }
        let words = Self.words(of: element)
        if words.contains(where: chromeWords.contains) { return "html-chrome" }
        if words.contains(where: edgeWords.contains) && !words.contains(where: contentWords.contains) { return "html-chrome" }
        return nil
    }

    /// Hidden by the page (`hidden`, an inline `display: none` or `visibility: hidden`, a closed
    /// `<dialog>`): not shown, so neither text nor dropped text. A saved page keeps the state the
    /// reader saw, so what scripts had revealed is no longer hidden.
    static func isHidden(_ element: MarkupElement) -> Bool {
        if element.attribute("hidden") != nil { return true }
        if element.name == "dialog" && element.attribute("open") == nil { return true }
        guard let style = element.attribute("style") else { return false }
        for declaration in Array(style.utf8).split(separator: UInt8(ascii: ";")) {
            guard let colon = declaration.firstIndex(of: UInt8(ascii: ":")) else { continue }
            let property = words(of: declaration[..<colon]), value = words(of: declaration[(colon + 1)...])
            if property == ["display"] && value.first == "none" || property == ["visibility"] && value.first == "hidden" { return true }
        }
        return false
    }

    /// A `<form>` with less text than this that is not links is a search or login box; one with
    /// more wraps the page (ASP.NET pages put the whole page in one form) and is read as a
    /// container: a report is longer, a login box's labels are shorter.
    static let pageFormText = 200

    /// Roles that mark a page's navigation, banner, footer, side column or search box.
    static let chromeRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar",
    ]

    /// Words of a `class` or `id` that name chrome wherever they stand.
    static let chromeWords: Set<String> = [
        "nav", "navbar", "navigation", "menu", "menubar", "submenu",
        "breadcrumb", "breadcrumbs", "crumb", "crumbs",
        "sidebar",
        "ad", "ads", "advert", "adverts", "advertisement", "banner",
        "share", "sharing", "login", "signin", "register",
        "related", "relate", "recommend", "recommended", "recommendation",
        "comment", "comments", "copyright", "pager", "pagination",
    ]

    /// Words that name a page's banner or footer, but also an article's own head and foot (its
    /// title and date): chrome only without a content word beside them (`article-header`).
    static let edgeWords: Set<String> = ["header", "head", "footer", "foot"]

    static let contentWords: Set<String> = [
        "article", "content", "con", "main", "detail", "details", "post", "entry", "news", "doc", "text", "title",
    ]

    /// The words of an element's `class` and `id`.
    static func words(of element: MarkupElement) -> [String] {
        (element.attribute("class").map(words(of:)) ?? []) + (element.attribute("id").map(words(of:)) ?? [])
    }

    static func words(of value: String) -> [String] {
        words(of: Array(value.utf8)[...])
    }

    /// The ASCII words of a value, lowercased: split at anything but letters and digits, and
    /// between letters and digits (`nav2`), so that whole words match: `subheader-text` holds no
    /// `header`, nor `shadow` an `ad`.
    static func words(of bytes: ArraySlice<UInt8>) -> [String] {
        var words: [String] = []
        var word: [UInt8] = []
        var digits = false
        for b in bytes {
            let lower = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(b) ? b | 0x20 : b
            let isLetter = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(lower)
            let isDigit = (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b)
            if !word.isEmpty && !(isLetter && !digits || isDigit && digits) {
                words.append(String(decoding: word, as: UTF8.self))
                word.removeAll(keepingCapacity: true)
            }
            if isLetter || isDigit {
                if word.isEmpty { digits = isDigit }
                word.append(lower)
            }
        }
        if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
        return words
    }
}
