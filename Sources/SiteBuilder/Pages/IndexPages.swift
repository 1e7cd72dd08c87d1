import Foundation
import ReportModel

/// The home page, the index of each taxonomy, every list page, and the 404 page.
struct IndexPages {
    /// What every job reads, held once: each of a large archive's thousands of jobs captures the
    /// pages, and a copy of these as fields retained everything the content holds, once a job.
    private final class Parts: Sendable {
        let page: PageContext
        let content: ArchiveContent
        let templates: TemplateSet
        let put: @Sendable (OutputFile) -> Void
        let lists: ListPages
        let years: [Int?]

        init(page: PageContext, content: ArchiveContent, templates: TemplateSet, put: @escaping @Sendable (OutputFile) -> Void,
             lists: ListPages, years: [Int?]) {
            (self.page, self.content, self.templates, self.put, self.lists, self.years) = (page, content, templates, put, lists, years)
        }
    }

    private let parts: Parts
    // Read in place (`_read`), not copied out, for the same reason.
    var page: PageContext { _read { yield parts.page } }
    var content: ArchiveContent { _read { yield parts.content } }
    var templates: TemplateSet { _read { yield parts.templates } }
    /// Takes each page as it is rendered.
    var put: @Sendable (OutputFile) -> Void { parts.put }
    var lists: ListPages { _read { yield parts.lists } }
    /// Each report's year (`YearColumns.byReport`), for the topics' charts.
    var years: [Int?] { _read { yield parts.years } }
    var paths: SitePaths { page.paths }

    /// Renders one page or some of a listing's pages, puts them, and returns their paths.
    struct Job {
        var pages = 1
        var run: () -> [String]
    }

    /// A listing's pages as jobs of at most `chunk` pages: a topic of a large archive has thousands.
    private func jobs(_ listing: ListPages.Listing, chunk: Int = 16) -> [Job] {
        let count = lists.pageCount(listing)
        return stride(from: 1, through: count, by: chunk).map { first in
            let pages = first...Swift.min(count, first + chunk - 1)
            return Job(pages: pages.count) { lists.render(listing, pages: pages) }
        }
    }

    init(page: PageContext, content: ArchiveContent, templates: TemplateSet, keys: PageKeys? = nil,
         put: @escaping @Sendable (OutputFile) -> Void) {
        parts = Parts(page: page, content: content, templates: templates, put: put,
                      lists: ListPages(page: page, content: content, templates: templates, put: put, keys: keys),
                      years: YearColumns.byReport(content))
    }

    /// Renders every index page on all cores (one job per taxonomy entry), putting each as it is
    /// done so a large archive's lists are never all in memory at once.
    /// - Returns: the pages' paths, in a fixed order.
    func render() -> [String] {
        var jobs: [Job] = [Job { [emit(home()), emit(notFound())] }] + regionJobs() + yearJobs() + topicJobs() + typeJobs() + coverageJobs()
        if page.searchEnabled {
            jobs.append(Job { [emit(OutputFile(path: "search.html", bytes: templates.renderBytes("search", page.context(path: "search.html", title: "搜索"))))] })
        }
        // Longest first, so that no core is left alone with a big topic at the end.
        jobs = jobs.enumerated().sorted { ($0.element.pages, $1.offset) > ($1.element.pages, $0.offset) }.map(\.element)
        let paths = ResultSlots<[String]>(count: jobs.count)
        let shared = UncheckedBox(jobs)  // each job only reads the immutable content
        DispatchQueue.concurrentPerform(iterations: jobs.count) { paths.set($0, shared.value[$0].run()) }
        return paths.values.flatMap { $0 }
    }

    /// Puts `file` into the site and returns its path.
    private func emit(_ file: OutputFile) -> String {
        put(file)
        return file.path
    }

    private func index(path: String, title: String, intro: String?, entries: [[String: Any]], tree: [String: Any]? = nil, lead: String? = nil) -> OutputFile {
        var extra: [String: Any] = ["hasEntries": !entries.isEmpty, "entries": entries]
        if let intro { extra["intro"] = intro }
        if let lead { extra["leadHTML"] = lead }
        if let tree { extra["tree"] = tree }
        return OutputFile(path: path, bytes: templates.renderBytes("index", page.context(path: path, title: title, extra)))
    }

    // MARK: Regions

    private func regionJobs() -> [Job] {
        let regions = content.regions
        let indexPath = paths.index("regions")
        func node(_ key: String) -> [String: Any] {
            let n = regions.nodes[key]!
            return ["name": n.name, "href": page.link(paths.region(key), from: indexPath), "count": n.total,
                    "hasChildren": !n.children.isEmpty, "children": n.children.map(node)]
        }
        // Every region is on this page: it is linked from the site in place while the tree is the same.
        var out: [Job] = [Job {
            if lists.keys?.reuse(indexPath, key: treeKey()) == true { return [indexPath] }
            let tree: [String: Any] = ["children": regions.roots.map(node), "hasChildren": !regions.roots.isEmpty]
            return [emit(index(path: indexPath, title: "按地区浏览", intro: "省 › 市 › 县（区）。数字为该地区及其下级地区的报告数。", entries: [], tree: tree))]
        }]
        let timeline = RegionTimeline(page: page, content: content)
        for (key, n) in regions.nodes.sorted(by: { $0.key < $1.key }) {
            let trail = regions.trail(to: key).dropLast()
            let intro = RegionIntro.text(n)
            let reports = n.reports.map(\.report) + regions.reports(below: key)
            out += jobs(.init(
                title: n.name, intro: intro, path: { paths.region(key, page: $0) },
                reports: reports,
                labels: Dictionary(n.reports.compactMap { r in r.label.map { (r.report, $0) } }, uniquingKeysWith: { a, _ in a }),
                breadcrumb: [("地区", indexPath)] + trail.map { ($0.name, paths.region($0.key)) },
                subregions: n.children.map { (regions.nodes[$0]!.name, paths.region($0), regions.nodes[$0]!.total) },
                lead: .init(html: { timeline.html(region: key, reports: reports.sorted(), at: paths.region(key)) },
                            key: { timeline.key(region: key, reports: reports, fingerprints: lists.fingerprints) })))
        }
        return out
    }

    /// What the regions' index shows: each region's key, name and count, in the tree's order.
    private func treeKey() -> UInt64 {
        let regions = content.regions
        var bytes: [UInt8] = []
        func add(_ key: String) {
            let n = regions.nodes[key]!
            bytes += key.utf8
            bytes.append(0x1F)
            bytes += n.name.utf8
            bytes.append(0x1F)
            bytes += String(n.total).utf8
            bytes.append(0x1E)
            n.children.forEach(add)
            bytes.append(0x1D)
        }
        regions.roots.forEach(add)
        return ContentHash.of(bytes)
    }

    // MARK: Years, topics, types

    private func yearJobs() -> [Job] {
        let indexPath = paths.index("years")
        let years = content.years.keys.compactMap { $0 }.sorted(by: >)
        var entries: [[String: Any]] = years.map { ["name": "\($0) 年", "href": page.link(paths.year(String($0)), from: indexPath), "count": content.years[$0]!.count] }
        if let undated = content.years[nil] {
            entries.append(["name": Vocabulary.unknownYear, "href": page.link(paths.year("undated"), from: indexPath), "count": undated.count])
        }
        var out: [Job] = [Job { [emit(index(path: indexPath, title: "按年份浏览", intro: "报告所总结或计划的年份：落款日期优先于标题，标题优先于正文。", entries: entries))] }]
        for year in years {
            out += jobs(.init(title: "\(year) 年", intro: nil, path: { paths.year(String(year), page: $0) },
                                           reports: content.years[year]!, breadcrumb: [("年份", indexPath)]))
        }
        out += jobs(.init(title: Vocabulary.unknownYear, intro: "原文未给出可信年份（或年份被隐去）的报告。", path: { paths.year("undated", page: $0) },
                                       reports: content.years[nil] ?? [], breadcrumb: [("年份", indexPath)]))
        return out
    }

    private func topicJobs() -> [Job] {
        let indexPath = paths.index("topics")
        let topics = content.classifier.topics
        let entries: [[String: Any]] = topics.indices.map {
            ["name": topics[$0].name, "href": page.link(paths.topic(topics[$0].slug), from: indexPath), "count": content.topics[$0].count]
        }
        var out: [Job] = [Job { [emit(index(path: indexPath, title: "按主题浏览", intro: "按章节分类：一节归入其标题点明的主题，或其本节正文中主题词足够密集的主题（不随下级章节归类）；报告的主题由其各节按篇幅加权得出。", entries: entries))] }]
        for (t, topic) in topics.enumerated() {
            let first = paths.topic(topic.slug)
            out += jobs(.init(title: topic.name, intro: "各地报告中谈“\(topic.name)”的章节，新报告在前；每篇摘录含主题词的句子（主题词加亮），点击章节标题可读全文。", path: { paths.topic(topic.slug, page: $0) },
                                           reports: content.topics[t], breadcrumb: [("主题", indexPath)], topic: t,
                                           lead: .init(html: { YearCharts.topicShare(t, content: content, years: years, id: "topic-chart") { page.link(paths.year(String($0)), from: first) }.html() },
                                                       key: { YearCharts.topicShareKey(t, content: content, years: years) })))
        }
        return out
    }

    private func typeJobs() -> [Job] {
        let indexPath = paths.index("types")
        let entries: [[String: Any]] = DocType.allCases.map {
            ["name": $0.displayName, "href": page.link(paths.type($0.slug), from: indexPath), "count": content.types[$0]?.count ?? 0]
        }
        var out: [Job] = [Job { [emit(index(path: indexPath, title: "按类型浏览", intro: nil, entries: entries))] }]
        for type in DocType.allCases {
            out += jobs(.init(title: type.displayName, intro: nil, path: { paths.type(type.slug, page: $0) },
                                           reports: content.types[type] ?? [], breadcrumb: [("类型", indexPath)]))
        }
        return out
    }

    // MARK: Coverage

    private func coverageJobs() -> [Job] {
        let coverage = CoveragePage(page: page, content: content)
        let path = paths.coverage()
        return [Job { [emit(index(path: path, title: CoveragePage.title, intro: CoveragePage.intro, entries: [], lead: coverage.table(at: path)))] }]
            + coverage.listings().flatMap { jobs($0) }
    }

    // MARK: Home and 404

    private func home() -> OutputFile {
        let path = "index.html"
        let topics = content.classifier.topics
        func chip(_ name: String, _ target: String, _ count: Int) -> [String: Any] {
            ["name": name, "href": page.link(target, from: path), "count": count]
        }
        let latest = latestReports()
        let extra: [String: Any] = [
            "reportCount": content.reports.count,
            "sourceCount": content.sourceCount,
            "regionCount": content.regions.nodes.count,
            "yearCount": content.years.keys.compactMap { $0 }.count,
            "regions": content.regions.roots.map { chip(content.regions.nodes[$0]!.name, paths.region($0), content.regions.nodes[$0]!.total) },
            "years": HomeSummary.yearOrder(content.years.keys).map { chip(Vocabulary.year($0), paths.year(YearColumns.key($0)), content.years[$0]!.count) },
            "topics": topics.indices.filter { !content.topics[$0].isEmpty }.map { chip(topics[$0].name, paths.topic(topics[$0].slug), content.topics[$0].count) },
            "types": DocType.allCases.filter { content.types[$0] != nil }.map { chip($0.displayName, paths.type($0.slug), content.types[$0]!.count) },
            "leadHTML": YearCharts.reportsPerYear(content.reports.indices, year: { years[$0] }, id: "year-chart", caption: "每年收录的报告数（篇）；“\(Vocabulary.unknownYear)”为原文未给出可信年份的报告") {
                page.link(paths.year(YearColumns.key($0)), from: path)
            }.html(),
            "nearDuplicateCount": Set(content.nearDuplicates.flatMap { [$0.a, $0.b] }).count,
            "hasItems": !latest.isEmpty,
            "itemsHTML": latest.map { lists.item($0, label: nil, topic: nil, from: path) }.joined(separator: "\n"),
            "latestCountText": HomeSummary.latestCountText(shown: latest.count, of: content.reports.count),
            "allReportsHref": page.link(paths.index("years"), from: path),
        ]
        return OutputFile(path: path, bytes: templates.renderBytes("home", page.context(path: path, title: "首页", extra)))
    }

    /// The `HomeSummary.latestCount` newest reports, newest first: by year, then date, then list
    /// order. Picked in one pass, not by sorting the archive for a dozen.
    private func latestReports() -> [Int] {
        func newer(_ a: Int, _ b: Int) -> Bool {
            let ra = content.reports[a], rb = content.reports[b]
            let ya = ra.year ?? 0, yb = rb.year ?? 0
            if ya != yb { return ya > yb }
            let da = ra.publishedDate ?? ra.signedDate ?? "", db = rb.publishedDate ?? rb.signedDate ?? ""
            return (da, b) > (db, a)
        }
        var latest: [Int] = []
        for i in content.reports.indices where latest.count < HomeSummary.latestCount || newer(i, latest[latest.count - 1]) {
            latest.insert(i, at: latest.firstIndex { newer(i, $0) } ?? latest.count)
            if latest.count > HomeSummary.latestCount { latest.removeLast() }
        }
        return latest
    }

    private func notFound() -> OutputFile {
        // Served for any missing path, at any depth: links here are absolute, from the base URL.
        var context = page.context(path: "404.html", title: "页面不存在")
        context["root"] = page.config.baseURL
        return OutputFile(path: "404.html", bytes: templates.renderBytes("404", context))
    }
}
