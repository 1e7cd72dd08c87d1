import ReportModel

/// Fills a report's metadata from its title, structure and signature, noting where each value came from.
struct MetadataReader {
    /// Held, not made for each report from the gazetteer: a copy of the gazetteer retains its tables.
    var regions: RegionResolver

    init(gazetteer: Gazetteer) {
        regions = RegionResolver(gazetteer: gazetteer)
    }

    struct Input {
        var title: String?
        var listedTitle: String?
        var paragraphs: [String]
        var sections: [Section]
        var signature: SignatureFinder.Signature?
        var published: String?
        /// Where `published` was read: the page's own date line, or the format's metadata.
        var publishedFrom: String? = nil
        /// The report's `bodyText` (without the signature), joined only if a fallback needs it.
        var body: LazyText
        /// The places the source's folders name, outermost first.
        var folders: [Gazetteer.Place] = []
        /// Publishers the file's format names (a page's `ContentSource`, a Word file's author), best first.
        var formatIssuers: [(name: String, from: String)] = []
    }

    func read(_ input: Input, into report: inout Report) {
        // Matched in simplified script (總結 is 总结, 縣 is 县); each is itself unless it holds traditional characters.
        let title = (input.title ?? input.listedTitle).map(SimplifiedForm.of)
        // By index: `filter` copied each top section (a retain per field) to read its heading.
        var topHeadings: [String] = []
        for i in input.sections.indices where input.sections[i].level == 1 {
            topHeadings.append(SimplifiedForm.of(input.sections[i].number + input.sections[i].heading))
        }
        let signed = input.signature?.issuer.map(SimplifiedForm.of)
        var provenance: [String: String] = [:]
        provenance.reserveCapacity(7)  // one entry a field below: no rehashing as it fills
        if input.title != nil { provenance["title"] = input.title == input.listedTitle ? "listed" : "title line" }
        else if input.listedTitle != nil { provenance["title"] = "listed" }

        let places = regions.gazetteer
        // A government's own reports name it as their issuer; an education report names it in passing.
        let titleScalars = title.map { Scalars($0) }
        let kinds = title.map(DocTypeClassifier.kinds(of:))
        let isGovernmentReport = kinds?.reviewAndPlan == true
            || titleScalars.map { t in OfficeName.governmentWords.contains { t.firstIndex(of: $0) != nil } } == true
        let words = isGovernmentReport ? OfficeName.governmentWords + OfficeName.officeWords : OfficeName.officeWords

        // Offices, in the order of `MetadataRanking.issuer`; the head and the opening count only a place the gazetteer knows.
        let head = Self.headLines(input.paragraphs).map(SimplifiedForm.of)
        var offices: [(office: OfficeName, from: Evidence)] = []
        // An office in the head or the opening is the report's own only at the level its title or
        // signature shows (a 区 report opens with the 浙江省教育厅 that honoured it).
        func isOwn(_ office: OfficeName, in text: Scalars) -> Bool {
            let shown = offices.firstIndex { $0.office.level != nil }.flatMap { offices[$0].office.level }
            return Self.isOwn(office, in: text) && (shown == nil || office.level == shown)
        }
        for source in MetadataRanking.issuer {
            switch source {
            case .signature:
                if let issuer = signed,
                   let office = OfficeName.find(in: Scalars(issuer), words: words, places: places) ?? officeLike(issuer) {
                    offices.append((office, .signature))
                }
            case .title:
                if let titleScalars, let office = OfficeName.find(in: titleScalars, words: words, places: places) { offices.append((office, .title)) }
            case .head:
                for line in head {
                    let s = Scalars(line)
                    if let office = OfficeName.find(in: s, words: words, places: places, outsideQuotes: true, where: { isOwn($0, in: s) }) {
                        offices.append((office, .head))
                        break
                    }
                }
            case .firstParagraph:
                if let first = Self.firstParagraph(input).map({ Scalars($0, utf8Limit: Self.openingOfficeReach) }),
                   let office = OfficeName.find(in: first, words: words, places: places, outsideQuotes: true, where: { isOwn($0, in: first) }) {
                    offices.append((office, .firstParagraph))
                }
            case .format:
                for clue in input.formatIssuers {
                    if let office = OfficeName.find(in: Scalars(SimplifiedForm.of(clue.name)), words: words, places: places) {
                        offices.append((office, .format))
                        break
                    }
                }
            default:
                break
            }
        }
        // Which format clue named the office, for its provenance and its spelling.
        let formatClue = input.formatIssuers.first { clue in offices.contains { $0.from == .format && SimplifiedForm.of(clue.name).contains($0.office.office) } }
        // The opening's level joins the body and reads its offices: only if the resolver asks for it.
        let body = input.body  // captured alone, not the whole input
        lazy var level = offices.firstIndex { $0.office.level != nil }.flatMap { offices[$0].office.level }
            ?? Self.openingLevel(body.value, places: places)

        if let named = offices.first(where: { $0.office.hasName }) {
            report.issuer = named.office.office + (named.office.department ?? "")
            // Shown as written: the office in the script of the line that named it.
            let written: String? = switch named.from {
            case .signature: input.signature?.issuer
            case .title: input.title ?? input.listedTitle
            case .head: Self.headLines(input.paragraphs).first { SimplifiedForm.of($0).contains(report.issuer!) }
            case .format: formatClue?.name
            default: Self.firstParagraph(input)
            }
            if let written { report.issuer = SimplifiedForm.original(of: report.issuer!, in: written) }
            provenance["issuer"] = named.from == .format ? formatClue?.from ?? named.from.rawValue : named.from.rawValue
        }
        // A file's author (`…教育局办公室`) is who typed it up, not a department that issued it,
        // unless nothing in the text names the issuer.
        // By index: `first(where:)` copied the office out, retaining each of its strings.
        let issuedBy = offices.firstIndex { $0.office.hasName }.map { offices[$0].from }
        report.department = offices.firstIndex { ($0.from != .format || issuedBy == .format) && $0.office.department != nil }
            .flatMap { offices[$0].office.department }

        // Where the report names itself, in the order of `MetadataRanking.region`.
        var named: [RegionResolver.Named] = []
        named.reserveCapacity(8)  // title, signature, head lines, office, heading: room for most reports at once
        // Matched in simplified form, and as written where that differs: the gazetteer writes a few
        // names with characters the transform changes (路氹填海区).
        func name(_ simplified: String?, written: String?, from: Evidence) {
            if let simplified { named.append(.init(text: simplified, from: from)) }
            if let written, written != simplified { named.append(.init(text: written, from: from)) }
        }
        for source in MetadataRanking.region {
            switch source {
            case .title: name(title, written: input.title ?? input.listedTitle, from: .title)
            case .signature: name(signed, written: input.signature?.issuer, from: .signature)
            case .head: named += head.map { .init(text: $0, from: .head) }
            case .firstParagraph:
                if let office = offices.first(where: { $0.from == .firstParagraph }) { named.append(.init(text: office.office.office, from: .firstParagraph)) }
            case .firstHeading:
                if let i = input.sections.firstIndex(where: { $0.level == 1 }) { named.append(.init(text: input.sections[i].heading, from: .firstHeading)) }
            case .format:
                if let office = offices.first(where: { $0.from == .format }) { named.append(.init(text: office.office.office, from: .format)) }
            case .folder, .bodyVoice, .body:
                break  // read by the resolver from the folders and the body
            }
        }
        let region = regions.resolve(named: named, folders: input.folders, level: level, body: input.body)
        report.region = region.region
        report.warnings += region.warnings
        if let from = region.from { provenance["region"] = from }

        report.docType = DocTypeClassifier.classify(title: title, kinds: kinds, topHeadings: topHeadings)
        provenance["doc_type"] = title == nil ? "none" : "title"
        report.period = DocTypeClassifier.period(title: title)

        report.signedDate = input.signature?.date?.iso
        if report.signedDate != nil { provenance["signed_date"] = "signature" }
        report.publishedDate = input.published
        if input.published != nil { provenance["published_date"] = input.publishedFrom ?? "page" }
        report.signature = input.signature?.text

        let years = YearResolver.resolve(.init(
            title: input.title, listedTitle: input.listedTitle, topHeadings: topHeadings,
            firstParagraph: input.paragraphs.first, signed: input.signature?.date, published: input.published,
            docType: report.docType))
        report.year = years.year
        report.yearCandidates = years.candidates
        if let best = years.candidates.filter({ $0.from != .published }).min(by: { $0.from < $1.from }) {
            provenance["year"] = best.from.rawValue + (years.note.map { " (\($0))" } ?? "")
        }

        // A title that promises a plan part the body never reaches: the copy was cut.
        if report.docType == .summaryPlan, kinds?.plan == true,
           !Self.anyHeading(in: input.sections, where: { DocTypeClassifier.hasPlanWord(SimplifiedForm.of($0)) }) {
            report.complete = false
            report.incompleteReason = "the title promises a plan, but no part of the text is one"
        }
        report.provenance = provenance
    }

    /// An office in a line or the opening that is the report's own: a place the gazetteer knows,
    /// not named in passing (学习平度市教育局经验, 与和田县教育局结对).
    private static func isOwn(_ office: OfficeName, in text: Scalars) -> Bool {
        guard office.namesPlace else { return false }
        let window = ScalarWindow(text, around: office.start..<(office.start + office.prefix.unicodeScalars.count),
                                  reachBefore: MentionRole.reachBefore, reachAfter: MentionRole.reachAfter)
        return MentionRole.of(window, level: nil, inList: window.before.last == "、") > .quoted
    }

    /// Short lines under the title, before any sentence: a dateline, an office line, a speaker line.
    private static func headLines(_ paragraphs: [String]) -> [String] {
        var lines: [String] = []
        for p in paragraphs.prefix(MetadataRanking.headLines) {
            guard !isLong(p) else { break }
            lines.append(p)
        }
        return lines
    }

    /// Longer than a head line, counted no further than needed.
    /// Scalars are counted as the UTF-8 bytes that start one: the scalar view's index walk cost more.
    static func isLong(_ p: String) -> Bool {
        let limit = MetadataRanking.headLineMaxScalars
        guard p.utf8.count > limit else { return false }  // a scalar is at least a byte
        guard p.utf8.count <= 4 * limit else { return true }  // and at most four
        var scalars = 0
        for byte in p.utf8 where byte & 0xC0 != 0x80 {
            scalars += 1
            if scalars > limit { return true }
        }
        return false
    }

    /// How much of the opening (UTF-8 bytes) is read for an office introducing itself: its first sentences.
    private static let openingOfficeReach = 900

    /// The opening paragraph: the first before any heading, else the first section's first.
    private static func firstParagraph(_ input: Input) -> String? {
        if let p = input.paragraphs.first(where: isLong) { return p }
        return input.sections.first?.paragraphs.first
    }

    /// The level the body's opening shows: an office there whose name is bare or hidden, else
    /// how the text speaks of its own government.
    private static func openingLevel(_ body: String, places: Gazetteer) -> String? {
        // Offices and "全县/我区" that tell the level stand early; 4,000 characters is plenty.
        // (A character cut at the limit is dropped, as neither search could use its U+FFFD.)
        let opening = Scalars(body, utf8Limit: 12_000)
        return OfficeName.first(in: opening, places: places, where: { $0.level != nil && ($0.isAnonymised || !$0.hasName) })?.level
            ?? ownLevel(in: opening)
    }

    /// A signature line that names an office in other words (`州人民政府教育督导室`).
    private func officeLike(_ text: String) -> OfficeName? {
        let s = Scalars(text)
        let levels = s.filter(OfficeName.isLevel)
        return OfficeName(prefix: text, office: text, department: nil, level: nil,
                          isAnonymised: s.contains { $0.isAnonymiser } || levels.count == s.count)
    }

    /// 全县 / 我区 / 本市: how a report speaks of its own government when no office names it.
    static func ownLevel(in s: Scalars) -> String? {
        var counts: [Unicode.Scalar: Int] = [:]
        // The cheap test first: most scalars follow no 全, 我 or 本.
        for i in 1..<Swift.max(1, s.count) where (s[i - 1] == "全" || s[i - 1] == "我" || s[i - 1] == "本") && OfficeName.isLevel(s[i]) {
            counts[s[i], default: 0] += 1
        }
        return counts.max { ($0.value, $1.key.value) < ($1.value, $0.key.value) }.map { String($0.key) }
    }

    /// Whether any heading in the tree passes `test`: searched in place, without listing them all.
    private static func anyHeading(in sections: [Section], where test: (String) -> Bool) -> Bool {
        // By index: `contains` copied each section into its closure.
        sections.indices.contains { test(sections[$0].heading) || anyHeading(in: sections[$0].children, where: test) }
    }
}
