import ReportModel

/// A parsed report as a Markdown document: the archive's portable, plain-text form of each report.
///
/// Every piece of source text goes through ``MarkdownEscaper``, so the document's structure — one H1
/// for the title, one heading per section, paragraphs — comes from the parsed ``Report`` and never from
/// characters in its text. Rendered through ``CommonMark``, the document shows the text exactly.
///
/// Heading levels: the title is the only `#`; the report's top-level sections are `##`, their children
/// `###`, and so on down to `######` (see ``headingLevel(depth:)``); the site's report page uses the same rule.
/// The number is kept as written in front of the heading text (`## 一、强化…`), because readers and the
/// source cite parts by it.
public enum ReportDocument {
    /// Front matter, then the body (see ``body(for:)``), separated by a blank line.
    public static func markdown(for report: Report, frontMatter: FrontMatter) -> String {
        markdown(body: body(for: report), frontMatter: frontMatter)
    }

    /// The document from a body made by ``body(for:)`` or ``parts(for:)``.
    public static func markdown(body: String, frontMatter: FrontMatter) -> String {
        frontMatter.yaml + "\n" + body
    }

    /// A report's body and, as slices of it, the Markdown of the paragraphs before the first heading
    /// and of each section's own paragraphs (sections in reading order, parents before children):
    /// a page that renders its sections one at a time then escapes the text once, for both.
    public struct Parts: Sendable {
        public var body: String
        public var preamble: Substring
        public var sections: [Substring]
    }

    public static func parts(for report: Report) -> Parts {
        var ranges: [Range<Int>] = []
        let body = body(for: report, sectionRanges: &ranges)
        let utf8 = body.utf8
        func slice(_ range: Range<Int>) -> Substring {
            body[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)]
        }
        return Parts(body: body, preamble: slice(ranges[0]), sections: ranges.dropFirst().map(slice))
    }

    /// The document without front matter: what to hand to ``CommonMark/html(fromMarkdown:)``, since
    /// CommonMark has no front matter and would read the block's `---` lines as a rule and a heading.
    ///
    /// Title as `#` (only when the report has one: a missing title is not replaced by an invented one),
    /// the paragraphs before the first heading, each section's heading, paragraphs and children in reading
    /// order, then the signature as one paragraph whose lines stay lines. Blocks are separated by blank
    /// lines; a non-empty body ends with a newline.
    public static func body(for report: Report) -> String {
        var ranges: [Range<Int>] = []
        return body(for: report, sectionRanges: &ranges)
    }

    /// The body; `sectionRanges` gets the UTF-8 offsets of the preamble's paragraphs, then of each section's.
    private static func body(for report: Report, sectionRanges ranges: inout [Range<Int>]) -> String {
        var out = ""
        if let title = report.title {
            appendBlock(prefix: "# ", MarkdownEscaper.escapeInline(title), to: &out)
        }
        appendParagraphs(report.paragraphs, to: &out, range: &ranges)
        appendSections(report.sections, depth: 0, to: &out, ranges: &ranges)
        if let signature = report.signature {
            appendBlock(prefix: "", MarkdownEscaper.escapeParagraph(signature), to: &out)
        }
        return out
    }

    /// Escaped paragraphs separated by blank lines, for callers that render one section at a time.
    /// Blank paragraphs are left out; no paragraphs give the empty string.
    public static func markdown(paragraphs: [String]) -> String {
        var out = ""
        appendParagraphs(paragraphs, to: &out)
        return out
    }

    /// The heading level of a section at `depth` in the report's heading tree (0 for a top-level section):
    /// `2` at the top, one more per level down, at most `6`. The depth decides, never the numbering kind, so a
    /// report whose top level is numbered `1.` or `（一）` starts at `##` too and no level is ever skipped.
    public static func headingLevel(depth: Int) -> Int {
        min(6, max(0, depth) + 2)
    }

    // MARK: - Writing

    private static func appendParagraphs(_ paragraphs: [String], to out: inout String) {
        for paragraph in paragraphs {
            appendBlock(prefix: "", MarkdownEscaper.escapeParagraph(paragraph), to: &out)
        }
    }

    /// The paragraphs, and where they are in `out` (from after the block before them: a leading blank
    /// line changes nothing in CommonMark).
    private static func appendParagraphs(_ paragraphs: [String], to out: inout String, range ranges: inout [Range<Int>]) {
        let start = out.utf8.count
        appendParagraphs(paragraphs, to: &out)
        ranges.append(start..<out.utf8.count)
    }

    private static func appendSections(_ sections: [Section], depth: Int, to out: inout String, ranges: inout [Range<Int>]) {
        for section in sections {
            // Number and heading are escaped together: `1.` only reads as a list marker at the start,
            // and the start of the pair is the number.
            let heading = MarkdownEscaper.escapeInline(section.number + section.heading)
            appendBlock(prefix: String(repeating: "#", count: headingLevel(depth: depth)) + " ", heading, to: &out)
            appendParagraphs(section.paragraphs, to: &out, range: &ranges)
            appendSections(section.children, depth: depth + 1, to: &out, ranges: &ranges)
        }
    }

    /// Adds one block, preceded by a blank line unless it is the first; empty text adds nothing,
    /// so a blank title, heading or paragraph leaves no empty `#` or stray blank lines behind.
    private static func appendBlock(prefix: String, _ escaped: String, to out: inout String) {
        guard !escaped.isEmpty else { return }
        if !out.isEmpty { out += "\n" }
        out += prefix
        out += escaped
        out += "\n"
    }
}
