/// One document with its own title, as recovered from a source file.
///
/// Field names in JSON follow the `archive parse --json` contract that other tools read.
public struct Report: Codable, Sendable, Equatable {
    /// Stable within a source: the source's base name and the report's position, e.g. `003-05`.
    public var id: String
    public var title: String?
    /// The title as the collection's 目录 or `第N篇` marker listed it, when that differs in form.
    public var listedTitle: String?
    public var issuer: String?
    /// A department of the issuing office (`财务科`), for collections that mix departments.
    public var department: String?
    public var region: Region
    public var year: Int?
    public var yearCandidates: [YearCandidate]
    public var docType: DocType
    public var period: String?
    /// ISO `yyyy-MM-dd`; null when the date has no readable year.
    public var signedDate: String?
    public var publishedDate: String?
    public var complete: Bool
    /// Why `complete` is false, for the reader of a page or an outline.
    public var incompleteReason: String?
    /// Text before the first heading.
    public var paragraphs: [String]
    public var sections: [Section]
    /// The closing issuer and date lines as written.
    public var signature: String?
    /// Where each metadata field was read from (`title`, `issuer`, `region`, `year`, …).
    public var provenance: [String: String]
    /// The id of an earlier report in the same source with (almost) the same body.
    public var duplicateOf: String?
    public var dropped: [DroppedText]
    /// What a reader of the report should check: evidence that disagrees (the title names one
    /// county, the source's folder another).
    public var warnings: [String] = []
    /// Key figures of the paragraphs before the first heading; a section holds its own.
    public var figures: [Figure] = []

    public init(
        id: String, title: String? = nil, listedTitle: String? = nil, issuer: String? = nil,
        region: Region = Region(), year: Int? = nil, yearCandidates: [YearCandidate] = [],
        docType: DocType = .other, period: String? = nil, signedDate: String? = nil,
        publishedDate: String? = nil, complete: Bool = true, incompleteReason: String? = nil,
        paragraphs: [String] = [], sections: [Section] = [], signature: String? = nil,
        provenance: [String: String] = [:], duplicateOf: String? = nil, dropped: [DroppedText] = []
    ) {
        self.id = id
        self.title = title
        self.listedTitle = listedTitle
        self.issuer = issuer
        self.department = nil
        self.region = region
        self.year = year
        self.yearCandidates = yearCandidates
        self.docType = docType
        self.period = period
        self.signedDate = signedDate
        self.publishedDate = publishedDate
        self.complete = complete
        self.incompleteReason = incompleteReason
        self.paragraphs = paragraphs
        self.sections = sections
        self.signature = signature
        self.provenance = provenance
        self.duplicateOf = duplicateOf
        self.dropped = dropped
    }

    enum CodingKeys: String, CodingKey {
        case id, title, issuer, department, region, year, period, complete, paragraphs, sections, signature
        case provenance, dropped, warnings, figures
        case listedTitle = "listed_title"
        case yearCandidates = "year_candidates"
        case docType = "doc_type"
        case signedDate = "signed_date"
        case publishedDate = "published_date"
        case incompleteReason = "incomplete_reason"
        case duplicateOf = "duplicate_of"
    }

    /// Every paragraph of the body in reading order, headings included.
    public var bodyText: String {
        var lines: [String] = []
        forEachBodyPiece { piece, startsLine in
            if startsLine { lines.append(piece) } else { lines[lines.count - 1] += piece }
        }
        return lines.joined(separator: "\n")
    }

    /// The pieces of `bodyText` in order, for a reader that scans them without a joined copy:
    /// each paragraph, each heading's number and then its text (`startsLine` false: the two make
    /// one line), and the signature.
    package func forEachBodyPiece(_ visit: (_ piece: String, _ startsLine: Bool) -> Void) {
        Self.forEachBodyPiece(paragraphs: paragraphs, sections: sections, signature: signature, visit)
    }

    /// The same walk over the parts of a report, for a reader that holds them but not a whole `Report`
    /// (copying one to capture it retains each of its fields).
    package static func forEachBodyPiece(paragraphs: [String], sections: [Section], signature: String?,
                                         _ visit: (_ piece: String, _ startsLine: Bool) -> Void) {
        for i in paragraphs.indices { visit(paragraphs[i], true) }
        // By index: `for section in sections` copies each section, a retain per field.
        func walk(_ sections: [Section]) {
            for i in sections.indices {
                visit(sections[i].number, true)
                visit(sections[i].heading, false)
                for j in sections[i].paragraphs.indices { visit(sections[i].paragraphs[j], true) }
                walk(sections[i].children)
            }
        }
        walk(sections)
        if let signature { visit(signature, true) }
    }

    /// The UTF-8 length of the pieces `forEachBodyPiece` visits, with a newline after each. Counted
    /// without a closure: a closure's call makes each piece it is handed a retain.
    package static func bodyPiecesUTF8Count(paragraphs: [String], sections: [Section], signature: String?) -> Int {
        func count(_ strings: [String]) -> Int {
            var n = 0
            for i in strings.indices { n += strings[i].utf8.count + 1 }
            return n
        }
        func walk(_ sections: [Section]) -> Int {
            var n = 0
            for i in sections.indices {
                n += sections[i].number.utf8.count + 1 + sections[i].heading.utf8.count + 1
                n += count(sections[i].paragraphs) + walk(sections[i].children)
            }
            return n
        }
        return count(paragraphs) + walk(sections) + (signature.map { $0.utf8.count + 1 } ?? 0)
    }
}
