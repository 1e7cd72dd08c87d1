/// Where a report comes from, province > prefecture > county.
///
/// A name is null when the text hides it (xx区, XX县, _____县) or never states it;
/// `level` keeps the kind of the issuing government even then.
public struct Region: Codable, Sendable, Equatable, Hashable {
    public var province: String?
    public var prefecture: String?
    public var county: String?
    /// 省, 市, 州, 区, 县, 旗, … of the issuing government.
    public var level: String?
    /// Administrative division code of the deepest named level (6 digits).
    public var code: String?

    public init(province: String? = nil, prefecture: String? = nil, county: String? = nil, level: String? = nil, code: String? = nil) {
        self.province = province
        self.prefecture = prefecture
        self.county = county
        self.level = level
        self.code = code
    }

    public var isEmpty: Bool { province == nil && prefecture == nil && county == nil }
}
