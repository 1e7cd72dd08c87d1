/// What kind of document a report is, read from its title and headings.
public enum DocType: String, Codable, Sendable, CaseIterable {
    /// A (yearly or periodic) review of the whole bureau's work.
    case summary
    /// 计划, 要点, 思路, 打算: what the bureau will do.
    case plan
    /// A review followed by a plan in one document.
    case summaryPlan = "summary+plan"
    /// A review of one line of work (平安校园, 财务科, 德育, 行政执法 …).
    case specialSummary = "special-summary"
    /// 讲话, 发言, 致辞: a leader's words at a work meeting (which review and plan in a voice of their own).
    case speech
    case other
}
