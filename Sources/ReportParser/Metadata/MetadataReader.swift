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
        /// The report's `bodyText` (without the signature), joined only if a fallback needs it.
        var body: LazyText
    }

    func read(_ input: Input, into report: inout Report) {
        // Matched in simplified script (總結 is 总结, 縣 is 县); each is itself unless it holds traditional characters.
        let title = (input.title ?? input.listedTitle).map(SimplifiedForm.of)
        // By index: `filter` copied each top section (a retain per field) to read its heading.
        var topHeadings: [String] = []
        for i in input.sections.indices where input.sections[i].level == 1 {
            topHeadings.append(SimplifiedForm.of(input.sections[i].number + input.sections[i].heading))
        }
        var provenance: [String: String] = [:]
        provenance.reserveCapacity(7)  // one entry a field below: no rehashing as it fills
        if input.title != nil { provenance["title"] = input.title == input.listedTitle ? "listed" : "title line" }
        else if input.listedTitle != nil { provenance["title"] = "listed" }

        // Offices: the signature's, then the title's, then the first one the body names.
        var offices: [(office: OfficeName, from: String)] = []
        let signed = input.signature?.issuer.map(SimplifiedForm.of)
        if let issuer = signed, let office = OfficeName.find(in: Scalars(issuer)) ?? officeLike(issuer) {
            offices.append((office, "signature"))
        }
        if let title, let office = OfficeName.find(in: Scalars(title)) { offices.append((office, "title")) }
        let level = offices.lazy.compactMap(\.office.level).first ?? Self.openingLevel(input.body.value)

        if let named = offices.first(where: { $0.office.hasName }) {
            report.issuer = named.office.office + (named.office.department ?? "")
            // Shown as written: the office in the script of the line that named it.
            if let written = named.from == "signature" ? input.signature?.issuer : input.title ?? input.listedTitle {
                report.issuer = SimplifiedForm.original(of: report.issuer!, in: written)
            }
            provenance["issuer"] = named.from
        }
        report.department = offices.lazy.compactMap(\.office.department).first

        let region = regions.resolve(offices: offices, level: level, body: input.body)
        report.region = region.region
        if let from = region.from { provenance["region"] = from }

        report.docType = DocTypeClassifier.classify(title: title, topHeadings: topHeadings)
        provenance["doc_type"] = title == nil ? "none" : "title"
        report.period = DocTypeClassifier.period(title: title)

        report.signedDate = input.signature?.date?.iso
        if report.signedDate != nil { provenance["signed_date"] = "signature" }
        report.publishedDate = input.published
        if input.published != nil { provenance["published_date"] = "page" }
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
        if report.docType == .summaryPlan, DocTypeClassifier.kinds(in: title ?? "").plan,
           !Self.anyHeading(in: input.sections, where: { DocTypeClassifier.kinds(in: SimplifiedForm.of($0)).plan }) {
            report.complete = false
            report.incompleteReason = "the title promises a plan, but no part of the text is one"
        }
        report.provenance = provenance
    }

    /// The level the body's opening shows: an office there whose name is bare or hidden, else
    /// how the text speaks of its own government.
    private static func openingLevel(_ body: String) -> String? {
        // Offices and "全县/我区" that tell the level stand early; 4,000 characters is plenty.
        // (A character cut at the limit is dropped, as neither search could use its U+FFFD.)
        let opening = Scalars(body, utf8Limit: 12_000)
        return OfficeName.all(in: opening).first(where: { $0.level != nil && ($0.isAnonymised || !$0.hasName) })?.level
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
