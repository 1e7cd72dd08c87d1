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

    /// Summary words, then plan words: every title and many headings are tested for both at once.
    private static let kindWords = WordSet((summaryWords + planWords).map(\.string))

    private static let quarters = ["第一季度", "第二季度", "第三季度", "第四季度", "一季度", "二季度", "三季度", "四季度"]
    private static let halves = ["上半年", "下半年", "半年"]
    /// Quarters, halves, then what else says a title covers a year, in one pass.
    private static let periodWords = WordSet(quarters + halves + ["年终", "年度", "全年", "年工作"])
    /// What `isSpecial` takes out of a title, in this order.
    private static let removableWords = summaryWords + planWords + genericWords

    static func classify(title: String?, topHeadings: [String]) -> DocType {
        guard let title else { return .other }
        let kinds = self.kinds(in: title)
        let summary = kinds.summary
        var plan = kinds.plan
        if summary && !plan, topHeadings.contains(where: { self.kinds(in: $0).plan }),
           topHeadings.contains(where: { self.kinds(in: $0).summary }) {
            plan = true
        }
        switch (summary, plan) {
        case (true, true): return .summaryPlan
        case (false, true): return .plan
        case (true, false): return isSpecial(Scalars(title)) ? .specialSummary : .summary
        case (false, false): return .other
        }
    }

    /// 第三季度, 上半年, 年度 …, as the title writes it.
    static func period(title: String?) -> String? {
        guard let title else { return nil }
        let found = periodWords.found(in: title)
        // The first listed that occurs, not the first in the title.
        let quarterBits = found & (1 << UInt64(quarters.count) - 1)
        if quarterBits != 0 { return quarters[quarterBits.trailingZeroBitCount] }
        let halfBits = found >> UInt64(quarters.count) & (1 << UInt64(halves.count) - 1)
        if halfBits != 0 { return halves[halfBits.trailingZeroBitCount] }
        if found >> UInt64(quarters.count + halves.count) != 0 || !YearResolver.years(in: title).isEmpty {
            return "年度"
        }
        return nil
    }

    /// A summary of one line of work: something specific is left once office, years, periods
    /// and generic words are taken out (平安和谐校园创建, 财务科, 行政执法, 目标管理考评).
    private static func isSpecial(_ title: Scalars) -> Bool {
        var t = title
        // Words read by index, not copied out of their lists (a retain each), and no list of the
        // office words found: the first found, leftmost, is all that is wanted.
        let officeWords = OfficeName.officeWords
        var office: (start: Int, end: Int)?
        for w in officeWords.indices {
            if let i = t.firstIndex(of: officeWords[w]), i < office?.start ?? .max { office = (i, i + officeWords[w].count) }
        }
        if let office { t.removeSubrange(0..<office.end) }
        let words = removableWords
        for w in words.indices {
            while let i = t.firstIndex(of: words[w]) { t.removeSubrange(i..<(i + words[w].count)) }
        }
        return t.count { $0.isHan && !$0.isAnonymiser && !OfficeName.isLevel($0) } >= 2
    }

    /// Whether `text` holds a summary word, and a plan word.
    static func kinds(in text: String) -> (summary: Bool, plan: Bool) {
        let found = kindWords.found(in: text)
        let summaryBits: UInt64 = 1 << UInt64(summaryWords.count) - 1
        return (found & summaryBits != 0, found & ~summaryBits != 0)
    }
}
