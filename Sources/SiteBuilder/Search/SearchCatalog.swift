import ReportModel

/// The search index's small files (README, "Search index format"): `index.json` (counts, the filters' names and
/// ranges), `years.bin` and `types.bin` (a byte per report number each: a query that filters by neither, or
/// only breaks ties by year, reads one of them or none) and `docs/<k>.json` (what a result shows),
/// all with the labels the site's pages use.
struct SearchCatalog: Sendable {
    static let version = 1
    static let chunk = 32

    let content: ArchiveContent
    let order: SearchOrder
    let paths: SitePaths

    /// The archive's years, newest first, unknown last: `index.json`'s `years`, which `years.bin` indexes.
    var years: [Int?] { content.years.keys.sorted { ($0 ?? Int.min) > ($1 ?? Int.min) } }

    func indexJSON(shards: Int) -> [UInt8] {
        var out: [UInt8] = []
        func text(_ s: String) { out += s.utf8 }
        func string(_ s: String) { JSONWriter.quote(s, into: &out) }
        text("{\"version\":\(Self.version),\"reports\":\(order.reports.count),\"shards\":\(shards),\"chunk\":\(Self.chunk),\"types\":[")
        for (i, type) in DocType.allCases.enumerated() {
            text(i > 0 ? ",[" : "[")
            string(type.slug)
            text(",")
            string(type.displayName)
            text("]")
        }
        text("],\"regions\":[")
        func region(_ r: SearchOrder.Range, children: Bool) {
            text("{\"code\":")
            string(r.code)
            text(",\"name\":")
            string(r.name)
            text(",\"start\":\(r.start),\"end\":\(r.end)")
            if children {
                text(",\"children\":[")
                for (i, child) in r.children.enumerated() {
                    if i > 0 { text(",") }
                    region(child, children: false)
                }
                text("]")
            }
            text("}")
        }
        for (i, r) in order.regions.enumerated() {
            if i > 0 { text(",") }
            region(r, children: true)
        }
        text("],\"topics\":[")
        for (i, topic) in content.classifier.topics.enumerated() {
            text(i > 0 ? ",{\"key\":" : "{\"key\":")
            string(topic.slug)
            text(",\"name\":")
            string(topic.name)
            text(",\"count\":\(content.topics[i].count)}")
        }
        text("],\"years\":[")
        text(years.map { "[\($0.map(String.init) ?? "null"),\(content.years[$0]!.count)]" }.joined(separator: ","))
        text("]}")
        return out
    }

    /// A byte per report number: the index of its year in `years` (an archive spans fewer than 256 of them).
    func yearBytes() -> [UInt8] {
        var byReport = [UInt8](repeating: 0, count: content.reports.count)
        for (i, year) in years.enumerated() {
            for report in content.years[year]! { byReport[report] = UInt8(truncatingIfNeeded: i) }
        }
        return order.reports.map { byReport[$0] }
    }

    /// A byte per report number: the index of its type in `DocType.allCases` (`index.json`'s `types`).
    func typeBytes() -> [UInt8] {
        var byReport = [UInt8](repeating: 0, count: content.reports.count)
        for (i, type) in DocType.allCases.enumerated() {
            for report in content.types[type] ?? [] { byReport[report] = UInt8(i) }
        }
        return order.reports.map { byReport[$0] }
    }

    var chunkCount: Int { (order.reports.count + Self.chunk - 1) / Self.chunk }

    /// `docs/<k>.json`: per report, `[url, title, region, year, type]` as the lists show them.
    func docs(chunk k: Int) -> [UInt8] {
        var out: [UInt8] = [0x5B]
        let numbers = k * Self.chunk..<min(order.reports.count, (k + 1) * Self.chunk)
        for number in numbers {
            let report = content.reports[order.reports[number]]
            if number > numbers.lowerBound { out.append(0x2C) }
            var region = [report.region.province, report.region.prefecture, report.region.county].compactMap { $0 }
            if region.isEmpty { region = [Vocabulary.unknownRegion(level: report.region.level)] }
            if let hidden = order.hiddenLabels[number] { region.append(hidden) }
            let fields = [paths.report(report.slug), report.displayTitle, region.joined(separator: " "),
                          Vocabulary.year(report.year), report.docType.displayName]
            for (i, field) in fields.enumerated() {
                out.append(i == 0 ? 0x5B : 0x2C)
                JSONWriter.quote(field, into: &out)
            }
            out.append(0x5D)
        }
        out.append(0x5D)
        return out
    }
}
