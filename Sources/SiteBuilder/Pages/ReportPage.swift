import ReportMarkdown
import ReportModel
import ReportParser

/// A report's page, and its Markdown beside it. A page needs only its own source: it is rendered
/// as soon as the source is parsed, before any index exists.
struct ReportPage {
    var page: PageContext
    var classifier: TopicClassifier
    var templates: TemplateSet
    var gazetteer: Gazetteer = .shared

    /// - Parameter source: every report of the same source, for the note on a duplicate.
    func files(for archived: ArchivedReport, in source: [ArchivedReport]) -> [OutputFile] {
        let paths = page.paths
        let path = paths.report(archived.slug)
        let report = archived.report
        let topics = classifier.topics
        func topicLinks(_ indices: [Int]) -> [[String: Any]] {
            indices.map { ["name": topics[$0].name, "href": page.link(paths.topic(topics[$0].slug), from: path)] }
        }

        // 首页, then the region's chain, or the unknown-region page the report is listed on.
        var breadcrumb: [[String: Any]] = [["name": Vocabulary.home, "href": page.link("index.html", from: path)]]
        var hiddenLabel: String?
        if let trail = RegionIndex.chain(to: report.region.code, gazetteer: gazetteer) {
            breadcrumb += trail.map { ["name": $0.name, "href": page.link(paths.region($0.key), from: path)] }
            hiddenLabel = RegionIndex.hiddenLabel(level: report.region.level, at: trail.last!)
        } else {
            breadcrumb.append(["name": Vocabulary.unknownRegion(level: report.region.level), "href": page.link(paths.region(RegionIndex.unknownKey), from: path)])
        }
        var warnings: [String] = []  // HTML, so that a duplicate's title can be isolated
        if !report.complete { warnings.append(HTML.escape("本篇不完整：\(Self.reasonText(report.incompleteReason))")) }
        if archived.yearUncertain { warnings.append(HTML.escape("年份存疑：正文给出的年份不一致（\(report.yearCandidates.map { "\($0.value)·\(Self.originName($0.from))" }.joined(separator: "，"))）")) }
        if let dup = report.duplicateOf, let original = source.first(where: { $0.report.id == dup }) {
            warnings.append("与同一来源中的《\(HTML.isolated(original.report.title ?? original.slug))》内容基本相同")
        }

        // Sections are the bulk of a report page and of the build's time: their markup is written
        // here, in one pass, rather than by a template loop (styled by `.body section` in the stylesheet),
        // from the same escaped Markdown as the report's .md file.
        let markdown = ReportDocument.parts(for: report)
        var sectionsHTML = ""
        sectionsHTML.reserveCapacity(report.paragraphs.count * 400 + archived.sections.count * 600)
        for (entry, sectionMarkdown) in zip(archived.sections, markdown.sections) {
            let h = ReportDocument.headingLevel(depth: entry.depth)
            sectionsHTML += "<section id=\"\(entry.anchor)\" class=\"depth-\(entry.depth)\">\n<h\(h)><a class=\"anchor\" href=\"#\(entry.anchor)\">"
            sectionsHTML += HTML.isolated(entry.section.number) + "</a>" + HTML.isolated(entry.section.heading) + "</h\(h)>\n"
            if !entry.topics.isEmpty {
                sectionsHTML += "<p class=\"tags\">"
                for t in entry.topics {
                    sectionsHTML += "<a class=\"tag\" href=\"\(HTML.escape(page.link(paths.topic(topics[t].slug), from: path)))\">\(HTML.escape(topics[t].name))</a>"
                }
                sectionsHTML += "</p>\n"
            }
            sectionsHTML += CommonMark.html(fromMarkdown: sectionMarkdown)
            sectionsHTML += "</section>\n"
        }
        // The table of contents too: a template loop over it cost as much as the rest of the page.
        var tocHTML = "", tocCount = 0
        for entry in archived.sections where entry.depth <= 1 {
            tocHTML += "<li class=\"depth-\(entry.depth)\"><a href=\"#\(entry.anchor)\">\(HTML.isolated(entry.section.fullHeading))</a></li>"
            tocCount += 1
        }
        let figures = FigureTable.rows(archived)
        let region = [report.region.province, report.region.prefecture, report.region.county].compactMap { $0 }
        let signature = report.signature.map { $0.split(separator: "\n").map(String.init) } ?? []
        let title = report.title ?? report.listedTitle ?? "（无标题）"
        var extra: [String: Any] = [
            "title": title,
            "titleByHand": archived.setByHand.contains("title"),
            "hasBreadcrumb": !breadcrumb.isEmpty,
            "breadcrumb": breadcrumb,
            "regionText": Vocabulary.region(report.region) + (hiddenLabel.map { " › \($0)" } ?? ""),
            "regionByHand": archived.setByHand.contains("region"),
            "hasYear": report.year != nil,
            "yearFrom": Self.yearOrigin(report),
            "yearByHand": archived.setByHand.contains("year"),
            "yearHref": page.link(paths.year(YearColumns.key(report.year)), from: path),
            "unknownYear": Vocabulary.unknownYear,
            "typeName": report.docType.displayName,
            "typeHref": page.link(paths.type(report.docType.slug), from: path),
            "sourceFile": archived.sourceFile,
            "sourceHref": page.link(paths.source(archived.sourceSlug), from: path),
            "markdownHref": page.link(paths.markdown(archived.slug), from: path),
            "position": archived.position,
            "topics": topicLinks(archived.topics),
            "hasTopics": !archived.topics.isEmpty,
            "hasWarnings": !warnings.isEmpty,
            "warnings": warnings,
            "hasFigures": figures.count > 0,
            "figureCount": figures.count,
            "figureRowsHTML": figures.html,
            "hasToc": tocCount > 1,
            "tocHTML": tocHTML,
            "preamble": CommonMark.html(fromMarkdown: markdown.preamble),
            "sectionsHTML": sectionsHTML,
            "hasSignature": !signature.isEmpty,
            "signature": signature,
            "relationsHTML": ReportPageSlot.marker,
        ]
        if let hiddenLabel { extra["hiddenLabel"] = hiddenLabel }
        if let original = archived.original {
            extra["originalHref"] = page.link(paths.original(archived.sourceSlug, extension: original.extension), from: path)
            extra["formatName"] = original.format.displayName
        }
        if let province = report.region.province { extra["province"] = province }
        for (key, value) in [("year", report.year.map(String.init)), ("period", report.period), ("issuer", report.issuer),
                             ("department", report.department), ("signedDate", report.signedDate), ("publishedDate", report.publishedDate)] {
            if let value { extra[key] = value }
        }
        let html = page.context(path: path, title: title, description: "\(region.joined())\(report.year.map { "\($0)年" } ?? "")\(report.docType.displayName)", extra)
        return [
            OutputFile(path: path, bytes: templates.renderBytes("report", html)),
            OutputFile(path: paths.markdown(archived.slug), text: ReportDocument.markdown(body: markdown.body, frontMatter: frontMatter(archived))),
        ]
    }

    private func frontMatter(_ archived: ArchivedReport) -> FrontMatter {
        let r = archived.report
        func s(_ v: String?) -> FrontMatter.Value { v.map { .string($0) } ?? .null }
        return FrontMatter([
            ("id", .string(r.id)),
            ("title", s(r.title)),
            ("listed_title", s(r.listedTitle)),
            ("issuer", s(r.issuer)),
            ("region", .map([("province", s(r.region.province)), ("prefecture", s(r.region.prefecture)), ("county", s(r.region.county)),
                             ("level", s(r.region.level)), ("code", s(r.region.code))])),
            ("year", r.year.map { .int($0) } ?? .null),
            ("year_from", s(r.provenance["year"])),
            ("doc_type", .string(r.docType.rawValue)),
            ("period", s(r.period)),
            ("signed_date", s(r.signedDate)),
            ("published_date", s(r.publishedDate)),
            ("complete", .bool(r.complete)),
            ("topics", .list(archived.topics.map { .string(classifier.topics[$0].slug) })),
            ("source", .string(archived.sourceFile)),
            ("set_by_hand", .list(archived.setByHand.sorted().map { .string($0) })),
        ])
    }

    static func originName(_ origin: YearCandidate.Origin) -> String {
        switch origin {
        case .signedDate: "落款日期"
        case .title: "标题"
        case .listedTitle: "目录标题"
        case .heading: "小标题"
        case .body: "正文开头"
        case .published: "网页发布日期"
        }
    }

    static func yearOrigin(_ report: Report) -> String {
        guard let from = report.provenance["year"] else { return "不详" }
        if from == "set by hand" { return "人工设定" }
        let origin = YearCandidate.Origin(rawValue: String(from.split(separator: " ").first ?? ""))
        return origin.map(originName) ?? from
    }

    static func reasonText(_ reason: String?) -> String {
        switch reason {
        case "the source ends before the collection's other reports": "来源文件在汇编的其余篇目之前就结束了，本篇可能被截断"
        case "the title promises a plan, but no part of the text is one": "标题包含工作计划（要点），正文中却没有这一部分"
        case "the text stops mid-sentence": "正文在句子中间中断"
        default: reason ?? "原因不详"
        }
    }
}
