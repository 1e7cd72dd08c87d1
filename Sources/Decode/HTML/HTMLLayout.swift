/// How elements lay out their text, as a browser's default style sheet has it: blocks stand on
/// lines of their own; everything else (`span`, `a`, `font`, `strong` …) runs on in its line.
enum HTMLLayout {
    static let blocks: Set<String> = [
        "html", "body", "address", "article", "aside", "blockquote", "caption", "center", "dd", "details", "dialog",
        "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
        "h6", "header", "hgroup", "hr", "legend", "li", "listing", "main", "menu", "nav", "ol", "p", "plaintext", "pre",
        "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul", "xmp",
    ]

    /// Table cells: a row's cells stand on its line, a space apart.
    static let cells: Set<String> = ["td", "th"]

    static let headings: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]

    /// Elements whose whitespace and line breaks are the text's.
    static let preformatted: Set<String> = ["pre", "listing", "xmp", "plaintext"]

    /// Elements whose `header` and `footer` are their own, not the page's.
    static let sectioning: Set<String> = ["article", "aside", "main", "nav", "section"]
}
