/// A number the text gives with its unit and what it measures: `新建幼儿园12所`, `投入资金3.2亿元`.
public struct Figure: Codable, Sendable, Equatable {
    /// What is measured, as the text names it before the number (`新建幼儿园`, `普惠率`): a verb that
    /// says what was done stays (新建, 投入), a linking word (达, 为, 共计) does not.
    public var phrase: String
    /// The figure as the text writes it, unit included: `12所`, `3.2亿元`, `91.17%`, `686、598人`, `10—15个`.
    public var written: String
    /// The number read, 万 and 亿 multiplied out (`3.2亿元` → 320000000); nil for a range or a list,
    /// which is read only as it stands.
    public var value: Double?
    /// The unit with any 万/亿 taken into `value`: `所`, `元` (of `3.2亿元`), `%`, `个百分点`, `人次`.
    public var unit: String

    public init(phrase: String, written: String, value: Double?, unit: String) {
        self.phrase = phrase
        self.written = written
        self.value = value
        self.unit = unit
    }

    enum CodingKeys: String, CodingKey {
        case phrase, written, value, unit
    }

    // Every field, with null for a value not read, as `archive parse --json` promises.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(phrase, forKey: .phrase)
        try c.encode(written, forKey: .written)
        try c.encode(value, forKey: .value)
        try c.encode(unit, forKey: .unit)
    }
}
