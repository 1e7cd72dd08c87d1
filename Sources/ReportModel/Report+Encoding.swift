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
