import ReportModel

/// Reads a report's kind and period from its title (and top headings, which show a plan part
/// the title leaves out: `一、第三季度工作总结 二、第四季度工作打算`). The order the rules apply in
/// is `MetadataRanking.docType`.
enum DocTypeClassifier {
    /// The kind words of `Resources/metadata-words.txt`, where each list says what form it serves.
    static let summaryWords = MetadataWords.standard[.summary]
    static let planWords = MetadataWords.standard[.plan]
    static let reviewAndPlanWords = MetadataWords.standard[.reviewAndPlan]
    static let speechWords = MetadataWords.standard[.speech]
    static let meetingWords = MetadataWords.standard[.meeting]
    /// Words that say nothing about which line of work a summary covers.
    private static let genericWords = MetadataWords.standard[.generic]

    /// Every kind word, tested in one pass: summary, plan, review-and-plan, speech, then meeting words.
    private static let kindWords = WordSet((summaryWords + planWords + reviewAndPlanWords + speechWords + meetingWords).map(\.string))

    private static let quarters = ["第一季度", "第二季度", "第三季度", "第四季度", "一季度", "二季度", "三季度", "四季度"]
    private static let halves = ["上半年", "下半年", "半年"]
    /// Quarters, halves, then what else says a title covers a year, in one pass.
    private static let periodWords = WordSet(quarters + halves + ["年终", "年度", "全年", "年工作"])
    /// The offices `isSpecial` looks for: joined once, not for every title.
    private static let issuerWords = OfficeName.officeWords + OfficeName.governmentWords
    /// What `isSpecial` takes out of a title, in this order.
    private static let removableWords = reviewAndPlanWords + summaryWords + planWords + genericWords
    private static let issuerMasks = issuerWords.map(\.scalarMask)
    private static let removableMasks = removableWords.map(\.scalarMask)

    /// The kind words a text holds.
    struct Kinds {
        var summary = false
        var plan = false
        var reviewAndPlan = false
        var speech = false
        var meeting = false
    }

    /// What the type rules read: the title's kind words, whether the top headings show both a
    /// review and a plan part, and whether the title names one line of work.
    struct Facts {
        var title: Kinds
        var headingsShowBoth: Bool
        var namesOneLineOfWork: Bool
    }

    static func classify(title: String?, topHeadings: [String]) -> DocType {
        classify(title: title, kinds: title.map(kinds(of:)), topHeadings: topHeadings)
    }

    /// - Parameter kinds: the title's kind words, where the caller has them already.
    static func classify(title: String?, kinds: Kinds?, topHeadings: [String]) -> DocType {
        guard let title, let kinds else { return .other }
        let facts = Facts(
            title: kinds,
            headingsShowBoth: kinds.summary && !kinds.plan && headingsShowBoth(topHeadings),
            namesOneLineOfWork: kinds.summary && isSpecial(Scalars(title)))
        return MetadataRanking.docType.first { $0.applies(facts) }?.type ?? .other
    }

    /// Summary then plan words: all that the top headings are asked about.
    private static let summaryAndPlanWords = WordSet((summaryWords + planWords).map(\.string))

    /// Whether one top heading holds a plan word and one a summary word: each heading's words
    /// found once, not once for each question.
    private static func headingsShowBoth(_ headings: [String]) -> Bool {
        let summaryBits: UInt64 = 1 << UInt64(summaryWords.count) - 1
        var plan = false, summary = false
        for heading in headings {
            let found = summaryAndPlanWords.found(in: heading)
            plan = plan || found & ~summaryBits != 0
            summary = summary || found & summaryBits != 0
            if plan && summary { return true }
        }
        return false
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
    static func isSpecial(_ title: Scalars) -> Bool {
        var t = title
        // Most listed words are in no title: one whose scalars the title lacks is not searched for.
        // Taking words out only drops scalars, so the mask stays true throughout.
        let held = t.scalarMask
        // The first office named, leftmost, and all before it: the issuer is not a line of work.
        let officeWords = issuerWords, officeMasks = issuerMasks
        var office: (start: Int, end: Int)?
        for w in officeWords.indices where officeMasks[w] & ~held == 0 {
            if let i = t.firstIndex(of: officeWords[w]), i < office?.start ?? .max { office = (i, i + officeWords[w].count) }
        }
        if let office { t.removeSubrange(0..<office.end) }
        let words = removableWords, masks = removableMasks
        for w in words.indices where masks[w] & ~held == 0 {
            while let i = t.firstIndex(of: words[w]) { t.removeSubrange(i..<(i + words[w].count)) }
        }
        return t.count { $0.isHan && !$0.isAnonymiser && !OfficeName.isLevel($0) } >= 2
    }

    /// The kind words in `text`.
    static func kinds(of text: String) -> Kinds {
        let found = kindWords.found(in: text)
        var bit = 0
        func any(_ words: [Scalars]) -> Bool {
            defer { bit += words.count }
            return found >> UInt64(bit) & (1 << UInt64(words.count) - 1) != 0
        }
        return Kinds(summary: any(summaryWords), plan: any(planWords), reviewAndPlan: any(reviewAndPlanWords),
                     speech: any(speechWords), meeting: any(meetingWords))
    }

    private static let planWordSet = WordSet(planWords.map(\.string))

    /// Whether `text` holds a plan word: one list searched, as for every heading of a report.
    static func hasPlanWord(_ text: String) -> Bool {
        planWordSet.found(in: text) != 0
    }
}
