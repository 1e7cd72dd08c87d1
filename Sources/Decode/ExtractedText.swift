import ReportModel

/// A source in any format as the parser reads it: its text in lines, and what the format said
/// beside the text.
public struct ExtractedText: Sendable, Equatable {
    /// The report text, one block (paragraph, heading, table row) a line, `\n` line ends.
    public var text: String
    public var format: SourceFormat
    /// The character encoding the text was stored in (`utf-8`, `gb18030`, `gbk` …); for Word and
    /// PDF files, which carry their own, the format's name.
    public var encoding: String
    public var clues: FormatClues
    /// What extraction left out (a page's navigation, a PDF's running headers), so that nothing
    /// disappears unseen; `line` is the line of `text` it stood before (1-based).
    public var dropped: [DroppedText]

    public init(text: String, format: SourceFormat, encoding: String, clues: FormatClues = FormatClues(), dropped: [DroppedText] = []) {
        self.text = text
        self.format = format
        self.encoding = encoding
        self.clues = clues
        self.dropped = dropped
    }
}

/// What a format says about its report outside the text: a portal page's `<title>` and `<meta
/// name="ArticleTitle">`, a Word file's properties. Candidates only: the parser weighs them
/// against the text, which wins where it speaks.
public struct FormatClues: Sendable, Equatable {
    /// A value and where it came from (`html meta ArticleTitle`, `docx core title`), which
    /// becomes the field's provenance when the parser uses it.
    public struct Clue: Sendable, Equatable {
        public var value: String
        public var from: String

        public init(_ value: String, from: String) {
            self.value = value
            self.from = from
        }
    }

    /// Title candidates, best first (an article title before the page's `<title>`).
    public var titles: [Clue] = []
    /// The date the page or file was published, `yyyy-mm-dd`.
    public var published: Clue?
    /// Who published it (`ContentSource`, a document's author), best first: issuer candidates.
    public var issuers: [Clue] = []
    /// The site and its column (`SiteName`, `ColumnName`) and keywords. No report field comes from
    /// them (a portal's column names where it filed a page, not what the report is); the data export
    /// is where they belong.
    public var site: Clue?
    public var column: Clue?
    public var keywords: [String] = []

    public init(titles: [Clue] = [], published: Clue? = nil, issuers: [Clue] = [], site: Clue? = nil, column: Clue? = nil, keywords: [String] = []) {
        self.titles = titles
        self.published = published
        self.issuers = issuers
        self.site = site
        self.column = column
        self.keywords = keywords
    }
}
