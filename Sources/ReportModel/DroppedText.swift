/// Text the cleaner removed as noise, kept so nothing disappears unseen.
public struct DroppedText: Codable, Sendable, Equatable {
    /// Name of the noise rule that matched (from the rules file), e.g. `spam`, `page-marker`.
    public var rule: String
    public var text: String
    /// 1-based line in the decoded source.
    public var line: Int

    public init(rule: String, text: String, line: Int) {
        self.rule = rule
        self.text = text
        self.line = line
    }
}
