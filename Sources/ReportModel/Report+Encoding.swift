// `archive parse --json` promises every field, with null where the text gives no value,
// so other tools can rely on the shape; synthesised Codable would leave nil fields out.
extension Report {
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(title, forKey: .title)
        try c.encode(listedTitle, forKey: .listedTitle)
        try c.encode(issuer, forKey: .issuer)
        try c.encode(department, forKey: .department)
        try c.encode(region, forKey: .region)
        try c.encode(year, forKey: .year)
        try c.encode(yearCandidates, forKey: .yearCandidates)
        try c.encode(docType, forKey: .docType)
        try c.encode(period, forKey: .period)
        try c.encode(signedDate, forKey: .signedDate)
        try c.encode(publishedDate, forKey: .publishedDate)
        try c.encode(complete, forKey: .complete)
        try c.encode(incompleteReason, forKey: .incompleteReason)
        try c.encode(paragraphs, forKey: .paragraphs)
        try c.encode(sections, forKey: .sections)
        try c.encode(signature, forKey: .signature)
        try c.encode(provenance, forKey: .provenance)
        try c.encode(duplicateOf, forKey: .duplicateOf)
        try c.encode(dropped, forKey: .dropped)
        try c.encode(warnings, forKey: .warnings)
        try c.encode(figures, forKey: .figures)
    }

    /// Fields added after the contract was first written (`warnings`, `figures`, …) may be absent:
    /// JSON an earlier version wrote still reads.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        listedTitle = try c.decodeIfPresent(String.self, forKey: .listedTitle)
        issuer = try c.decodeIfPresent(String.self, forKey: .issuer)
        department = try c.decodeIfPresent(String.self, forKey: .department)
        region = try c.decode(Region.self, forKey: .region)
        year = try c.decodeIfPresent(Int.self, forKey: .year)
        yearCandidates = try c.decodeIfPresent([YearCandidate].self, forKey: .yearCandidates) ?? []
        docType = try c.decode(DocType.self, forKey: .docType)
        period = try c.decodeIfPresent(String.self, forKey: .period)
        signedDate = try c.decodeIfPresent(String.self, forKey: .signedDate)
        publishedDate = try c.decodeIfPresent(String.self, forKey: .publishedDate)
        complete = try c.decode(Bool.self, forKey: .complete)
        incompleteReason = try c.decodeIfPresent(String.self, forKey: .incompleteReason)
        paragraphs = try c.decode([String].self, forKey: .paragraphs)
        sections = try c.decode([Section].self, forKey: .sections)
        signature = try c.decodeIfPresent(String.self, forKey: .signature)
        provenance = try c.decodeIfPresent([String: String].self, forKey: .provenance) ?? [:]
        duplicateOf = try c.decodeIfPresent(String.self, forKey: .duplicateOf)
        dropped = try c.decodeIfPresent([DroppedText].self, forKey: .dropped) ?? []
        warnings = try c.decodeIfPresent([String].self, forKey: .warnings) ?? []
        figures = try c.decodeIfPresent([Figure].self, forKey: .figures) ?? []
    }
}

extension Region {
    enum CodingKeys: String, CodingKey {
        case province, prefecture, county, level, code
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(province, forKey: .province)
        try c.encode(prefecture, forKey: .prefecture)
        try c.encode(county, forKey: .county)
        try c.encode(level, forKey: .level)
        try c.encode(code, forKey: .code)
    }
}
