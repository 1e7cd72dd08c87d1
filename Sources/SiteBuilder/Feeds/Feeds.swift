import ReportModel

/// `feed.xml` (Atom), `sitemap.xml` and `robots.txt`: the only places that use absolute URLs.
enum Feeds {
    static let feedSize = 50

    static func atom(_ content: ArchiveContent, config: SiteConfig, paths: SitePaths) -> OutputFile {
        // Dates come from the reports, never from the clock, so two builds are byte-identical.
        func date(_ r: ListedReport) -> String { r.publishedDate ?? r.signedDate ?? r.year.map { "\($0)-12-31" } ?? "2000-01-01" }
        // Newest first, then by slug: the first `feedSize` kept in one pass, not the archive sorted.
        let dates = content.reports.map(date)
        func precedes(_ a: Int, _ b: Int) -> Bool { (dates[a], content.reports[b].slug) > (dates[b], content.reports[a].slug) }
        var newest: [Int] = []
        for i in content.reports.indices where newest.count < feedSize || precedes(i, newest[newest.count - 1]) {
            newest.insert(i, at: newest.firstIndex { precedes(i, $0) } ?? newest.endIndex)
            if newest.count > feedSize { newest.removeLast() }
        }
        let entries = newest.map { content.reports[$0] }
        let updated = entries.map { date($0) }.max() ?? "2000-01-01"
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(xmlEscape(config.language))">
          <title>\(xmlEscape(config.title))</title>
          <id>\(xmlEscape(config.baseURL))</id>
          <link rel="alternate" href="\(xmlEscape(config.baseURL))"/>
          <link rel="self" href="\(xmlEscape(config.baseURL + "feed.xml"))"/>
          <updated>\(updated)T00:00:00Z</updated>

        """
        for r in entries {
            let url = config.baseURL + paths.report(r.slug)
            let region = [r.region.province, r.region.prefecture, r.region.county].compactMap { $0 }.joined(separator: " ")
            xml += """
              <entry>
                <title>\(xmlEscape(isolated(r.title ?? r.listedTitle ?? r.slug)))</title>
                <id>\(xmlEscape(url))</id>
                <link rel="alternate" href="\(xmlEscape(url))"/>
                <updated>\(date(r))T00:00:00Z</updated>
                <author><name>\(xmlEscape(isolated(r.issuer ?? (region.isEmpty ? config.title : region))))</name></author>
                <summary>\(xmlEscape([isolated(region), r.year.map { "\($0)年" }, r.docType.displayName].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · ")))</summary>
              </entry>

            """
        }
        xml += "</feed>\n"
        return OutputFile(path: "feed.xml", text: xml)
    }

    /// A feed's text cannot carry `<bdi>`: source text with bidi controls or right-to-left letters goes
    /// between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE, so it cannot reorder a feed reader's list.
    static func isolated(_ text: String) -> String {
        text.unicodeScalars.contains(where: setsDirection) ? "\u{2068}\(text)\u{2069}" : text
    }

    private static func setsDirection(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069,  // marks, embeddings, overrides, isolates
             0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF, 0x10800...0x10FFF, 0x1E800...0x1EFFF:  // right-to-left scripts
            true
        default: false
        }
    }

    static let sitemapPath = "sitemap.xml"

    /// What the sitemap of the reports' pages and `pages` is made from besides the config: their
    /// slugs and paths, each hashed where it lies, in the order given (a build gives them in a
    /// fixed order).
    static func sitemapKey(reports: [ListedReport], pages: [String]) -> UInt64 {
        func hash(_ text: String) -> UInt64 {
            text.utf8.withContiguousStorageIfAvailable { ContentHash.of(UnsafeRawBufferPointer($0)) } ?? ContentHash.of(Array(text.utf8))
        }
        var hashes = [UInt64(reports.count)]
        hashes.reserveCapacity(1 + reports.count + pages.count)
        // By index: a loop over the reports copies each, a retain and a release a report.
        for i in reports.indices { hashes.append(hash(reports[i].slug)) }
        for path in pages { hashes.append(hash(path)) }
        return ContentHash.combine(hashes)
    }

    /// Every HTML page but the 404 page, by absolute URL, in the order of the paths' bytes.
    static func sitemap(pages: [String], config: SiteConfig) -> OutputFile {
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in pages.sorted(by: ByteOrder.precedes) where path.hasSuffix(".html") && path != "404.html" {
            xml += "  <url><loc>\(xmlEscape(config.baseURL + path))</loc></url>\n"
        }
        xml += "</urlset>\n"
        return OutputFile(path: sitemapPath, text: xml)
    }

    static func robots(config: SiteConfig) -> OutputFile {
        OutputFile(path: "robots.txt", text: "User-agent: *\nAllow: /\nSitemap: \(config.baseURL)sitemap.xml\n")
    }

    /// Text for XML: HTML's five entities, and no C0 controls (XML 1.0 forbids them).
    static func xmlEscape(_ s: String) -> String {
        HTML.escape(s.unicodeScalars.allSatisfy { $0.value >= 0x20 || $0 == "\n" || $0 == "\t" } ? s
            : String(String.UnicodeScalarView(s.unicodeScalars.filter { $0.value >= 0x20 || $0 == "\n" || $0 == "\t" })))
    }
}
