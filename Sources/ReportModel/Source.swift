/// One source file and the reports found in it.
public struct Source: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        case single
        case collection
    }

    /// The path as given on the command line or relative to `content/`.
    public var source: String
    public var kind: Kind
    /// The kind of file it is: text, a web page, a Word file, a PDF.
    public var format: SourceFormat
    /// The encoding the bytes were decoded from (`utf-8`, `utf-16le`, `gb18030`, …; `docx`, `pdf` for
    /// formats that carry their own).
    public var encoding: String
    public var collectionTitle: String?
    /// How many reports the source says it holds (目录 entries, 第N篇 markers, "(7篇)", 十篇).
    public var listedCount: Int
    public var presentCount: Int { reports.count }
    public var reports: [Report]
    /// Noise removed outside any one report (site chrome before the first and after the last), and what
    /// extraction left out of a page or file (navigation, a PDF's running headers: rules `html-…`, `pdf-…`).
    public var dropped: [DroppedText]

    public init(source: String, kind: Kind, format: SourceFormat = .text, encoding: String, collectionTitle: String? = nil, listedCount: Int, reports: [Report], dropped: [DroppedText] = []) {
        self.source = source
        self.kind = kind
        self.format = format
        self.encoding = encoding
        self.collectionTitle = collectionTitle
        self.listedCount = listedCount
        self.reports = reports
        self.dropped = dropped
    }

    enum CodingKeys: String, CodingKey {
        case source, kind, format, encoding, reports, dropped
        case collectionTitle = "collection_title"
        case listedCount = "listed_count"
        case presentCount = "present_count"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        source = try c.decode(String.self, forKey: .source)
        kind = try c.decode(Kind.self, forKey: .kind)
        format = try c.decodeIfPresent(SourceFormat.self, forKey: .format) ?? .text
        encoding = try c.decode(String.self, forKey: .encoding)
        collectionTitle = try c.decodeIfPresent(String.self, forKey: .collectionTitle)
        listedCount = try c.decode(Int.self, forKey: .listedCount)
        reports = try c.decode([Report].self, forKey: .reports)
        dropped = try c.decodeIfPresent([DroppedText].self, forKey: .dropped) ?? []
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(source, forKey: .source)
        try c.encode(kind, forKey: .kind)
        try c.encode(format, forKey: .format)
        try c.encode(encoding, forKey: .encoding)
        try c.encode(collectionTitle, forKey: .collectionTitle)
        try c.encode(listedCount, forKey: .listedCount)
        try c.encode(presentCount, forKey: .presentCount)
        try c.encode(reports, forKey: .reports)
        try c.encode(dropped, forKey: .dropped)
    }
}
