import ReportModel

/// Where a candidate for a metadata field was found; the raw value is what `provenance` records.
enum Evidence: String, Sendable {
    /// The report's title line (or the title a collection's list gives it).
    case title
    /// The closing office line (and date).
    case signature
    /// The folders the source is filed in, when they name places: `浙江省/宁波市/余姚市-2023.txt`.
    case folder
    /// A short line under the title, before the first heading: `和田县教育局`, `(2016年12月20日)`.
    case head
    /// The opening paragraph, where an office introduces itself: `2016年,和田县教育局紧紧围绕…`.
    case firstParagraph = "first paragraph"
    /// The first top-level heading: `一、和田县教育事业发展概况`.
    case firstHeading = "first heading"
    /// What the file's format says beside the text: a portal page's `<meta name="ContentSource">`,
    /// a Word file's author. Below everything the text says itself.
    case format
    /// The body speaking of its own government: `和田县教育局组织…`, `在南通市委的领导下`, a name beside 全县/我县.
    case bodyVoice = "body voice"
    /// Places the body keeps coming back to (full names, repeated, one clearly dominant).
    case body
}

/// The one place to read why a report got its issuer, region and type: each field's candidates
/// ranked by where they stand, each rule a line, and the thresholds the rules use, named once.
enum MetadataRanking {
    // MARK: Issuer

    /// The issuer is the first office with a real name, looked for in this order.
    static let issuer: [Evidence] = [
        .signature,       // who signed: `东平县教育局 / 2012年12月21日`
        .title,           // `余姚市教育局2023年工作总结`
        .head,            // a line under the title: `和田县教育局`, `万年县人民政府县长 …`
        .firstParagraph,  // `2016年,平度市教育局…`: only an office whose prefix is a gazetteer place
        .format,          // `<meta name="ContentSource" content="余姚市教育局">`, a Word file's author
    ]
    /// Lines under the title that count as the head: a dateline, an office line, a speaker line.
    static let headLines = 3
    /// A head line longer than this is a sentence, read only as the first paragraph.
    static let headLineMaxScalars = 40

    // MARK: Region

    /// The region is the first of these that names a place; a strong source that names a place
    /// (even one it cannot settle, 龙华区 alone) ends the search, so a title always wins over the body.
    static let region: [Evidence] = [
        .title,           // `和田县教育局2016年工作总结`, `汝南2016年教育工作总结` (short form)
        .signature,       // `平度市教育局 / 2016年12月20日`
        .folder,          // `浙江省/宁波市/余姚市-2023.txt`: fills what the text leaves open, settles a shared name
        .head,            // an office line or speaker line under the title
        .firstParagraph,  // the office the opening names (its place only, not the whole paragraph)
        .firstHeading,    // `一、西和县教育基本情况`
        .format,          // the office a page's metadata or a Word file's author names
        .bodyVoice,       // `和田县教育局组织…`, `在达州市委的领导下`, `…和田县,全县共有…`
        .body,            // repeated full names, one dominant (`bodyCounty…` below)
    ]
    /// Sources whose place is kept over a folder's that disagrees with it, with a warning on the report.
    static let overFolder: Set<Evidence> = [.title, .signature]
    /// Sources where a county's short form (汝南 for 汝南县) counts: a short form in a sentence is
    /// too often an ordinary word (平安, 东方) or another place's school (宿松二中).
    static let shortFormSources: Set<Evidence> = [.title, .signature, .head]
    /// How far (scalars, within a sentence) 全县/我县/本县 may stand from a name for the name to be the body's own.
    static let ownWordsReach = 12
    /// A county the body names at least this often, and twice as often as any other, is the report's.
    static let bodyCountyMinimum = 3
    /// … or at least this often when it is the only county named.
    static let bodyLoneCountyMinimum = 2
    /// Prefectures and provinces by body votes: at least this many, and twice the next.
    static let bodyVoteMinimum = 2

    // MARK: Type

    /// One rule a line, first that applies wins.
    struct DocTypeRule: Sendable {
        var form: String
        var type: DocType
        var applies: @Sendable (DocTypeClassifier.Facts) -> Bool
    }

    static let docType: [DocTypeRule] = [
        DocTypeRule(form: "在全县教育工作会议上的讲话 / 发言 / 致辞", type: .speech) { $0.title.speech && $0.title.meeting },
        DocTypeRule(form: "政府工作报告: the year reviewed, the next planned", type: .summaryPlan) { $0.title.reviewAndPlan },
        DocTypeRule(form: "工作总结和工作要点", type: .summaryPlan) { $0.title.summary && $0.title.plan },
        DocTypeRule(form: "总结 titled, with a 总结 and a 打算 part in the top headings", type: .summaryPlan) { $0.headingsShowBoth },
        DocTypeRule(form: "计划, 要点, 思路, 方案, 意见, 安排, 规划 …", type: .plan) { $0.title.plan },
        DocTypeRule(form: "总结 of one line of work: 平安校园创建, 政府信息公开工作年度报告", type: .specialSummary) { $0.namesOneLineOfWork },
        DocTypeRule(form: "总结, 述职报告, 情况汇报, 工作报告, 自查报告 …", type: .summary) { $0.title.summary },
    ]
}
