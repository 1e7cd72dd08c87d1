import ReportModel

/// Reads a report's kind and period from its title (and top headings, which show a plan part
/// the title leaves out: `一、第三季度工作总结 二、第四季度工作打算`).
enum DocTypeClassifier {
    static let summaryWords: [Scalars] = ["总结", "回顾", "述职", "汇报", "工作报告"].map { Scalars($0) }
    static let planWords: [Scalars] = ["计划", "要点", "思路", "打算", "安排", "规划", "设想", "展望"].map { Scalars($0) }

    /// Words that say nothing about which line of work a summary covers.
    private static let genericWords: [Scalars] = [
        "教育工作", "教育", "工作", "年终", "年度", "全年", "上半年", "下半年", "半年", "季度", "第一", "第二", "第三", "第四",
        "一季度", "月份", "学年", "学期", "全市", "全县", "全区", "主要", "情况", "范例范本", "范例", "范本", "范文", "精选",
        "汇编", "大全", "个人", "年", "度", "及", "和", "与", "的",
    ].map { Scalars($0) }

    private static let quarters: [(String, Scalars)] = ["第一季度", "第二季度", "第三季度", "第四季度", "一季度", "二季度", "三季度", "四季度"].map { ($0, Scalars($0)) }
    private static let halves: [(String, Scalars)] = ["上半年", "下半年", "半年"].map { ($0, Scalars($0)) }
    private static let yearWords: [Scalars] = ["年终", "年度", "全年"].map { Scalars($0) }
    private static let yearWork = Scalars("年工作")
    /// What `isSpecial` takes out of a title, in this order.
    private static let removableWords = summaryWords + planWords + genericWords

    static func classify(title: String?, topHeadings: [String]) -> DocType {
        guard let title else { return .other }
        let t = Scalars(title)
        let summary = contains(t, summaryWords)
        var plan = contains(t, planWords)
        if summary && !plan, topHeadings.contains(where: { contains(Scalars($0), planWords) }),
           topHeadings.contains(where: { contains(Scalars($0), summaryWords) }) {
            plan = true
        }
        switch (summary, plan) {
        case (true, true): return .summaryPlan
        case (false, true): return .plan
        case (true, false): return isSpecial(t) ? .specialSummary : .summary
        case (false, false): return .other
        }
    }

    /// 第三季度, 上半年, 年度 …, as the title writes it.
    static func period(title: String?) -> String? {
        guard let title else { return nil }
        let t = Scalars(title)
        for (quarter, q) in quarters where t.firstIndex(of: q) != nil { return quarter }
        for (half, h) in halves where t.firstIndex(of: h) != nil { return half }
        if yearWords.contains(where: { t.firstIndex(of: $0) != nil })
            || !YearResolver.years(in: title).isEmpty || t.firstIndex(of: yearWork) != nil {
            return "年度"
        }
        return nil
    }

    /// A summary of one line of work: something specific is left once office, years, periods
    /// and generic words are taken out (平安和谐校园创建, 财务科, 行政执法, 目标管理考评).
    private static func isSpecial(_ title: Scalars) -> Bool {
        var t = title
        if let office = OfficeName.officeWords.compactMap({ w in t.firstIndex(of: w).map { ($0, w.count) } }).min(by: { $0.0 < $1.0 }) {
            t.removeSubrange(0..<(office.0 + office.1))
        }
        for word in removableWords {
            while let i = t.firstIndex(of: word) { t.removeSubrange(i..<(i + word.count)) }
        }
        let rest = t.filter { $0.isHan && !$0.isAnonymiser && !OfficeName.levelScalars.contains($0) }
        return rest.count >= 2
    }

    static func contains(_ text: Scalars, _ words: [Scalars]) -> Bool {
        words.contains { text.firstIndex(of: $0) != nil }
    }
}
