import Foundation
import ReportModel

/// `data/archive.sqlite`: the archive as SQL tables, section text included, with two full-text
/// indexes over the sections (the README's "Data" section documents the tables and how to query):
/// `sections_fts` (trigram) finds any text of three characters or more; `sections_bigrams` finds a
/// two-character term, which the trigram tokenizer cannot (`Bigrams`). The pairs need no positions
/// (a longer term goes to the trigram index), so that index keeps none: a third of the size.
/// Written in one transaction, a source at a time in name order (`add`), then the reports and what
/// spans them (`finish`): the same sources give the same file, byte for byte.
final class ArchiveDatabase {
    /// One section's row, made on a parsing core; position 0 is the text before the first heading.
    struct SectionRow: Sendable {
        var position: Int
        var depth: Int?
        var anchor: String?
        var number: String
        var heading: String
        var text: String
        var topics: [Int]
        var figures: [Figure]
        /// `heading` and `text` as `Bigrams`, for the two-character index.
        var pairs: String
    }

    /// One source's reports as rows, in the order of the source.
    struct SourceRows: Sendable {
        var reports: [(slug: String, sections: [SectionRow])]
    }

    private let db: SQLiteDatabase
    private let insertSection: SQLiteDatabase.Statement
    private let insertPairs: SQLiteDatabase.Statement
    private let insertSectionTopic: SQLiteDatabase.Statement
    private let insertFigure: SQLiteDatabase.Statement
    /// Report ids in the order the sources were added (name order, then position): slug → id.
    private var reportIDs: [String: Int] = [:]
    private var nextReport = 1
    private var nextSection = 1

    /// A new database at `path`, replacing any file there.
    init(creating path: String) throws {
        unlink(path)
        db = try SQLiteDatabase(path: path)
        // A file made whole in one go, then moved into the site: nothing to roll back or share.
        try db.execute("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -32768;")
        try db.execute(Self.schema)
        try db.execute("BEGIN")
        insertSection = try db.prepare("INSERT INTO sections (id, report_id, position, parent_id, depth, anchor, number, heading, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        insertPairs = try db.prepare("INSERT INTO sections_bigrams (rowid, pairs) VALUES (?, ?)")
        insertSectionTopic = try db.prepare("INSERT INTO section_topics (section_id, topic_id, rank) VALUES (?, ?, ?)")
        insertFigure = try db.prepare("INSERT INTO figures (report_id, section_id, phrase, written, value, unit) VALUES (?, ?, ?, ?, ?, ?)")
    }

    /// The rows of one source's reports; runs on a parsing core, so the text is joined and split
    /// into pairs there rather than on the writer's thread.
    static func rows(for reports: [ArchivedReport]) -> SourceRows {
        SourceRows(reports: reports.map { archived in
            var sections: [SectionRow] = []
            let report = archived.report
            if !report.paragraphs.isEmpty || !report.figures.isEmpty {
                let text = report.paragraphs.joined(separator: "\n")
                sections.append(SectionRow(position: 0, depth: nil, anchor: nil, number: "", heading: "", text: text, topics: [],
                                           figures: report.figures, pairs: BigramTokens.of(text)))
            }
            for (i, entry) in archived.sections.enumerated() {
                let text = entry.section.paragraphs.joined(separator: "\n")
                sections.append(SectionRow(position: i + 1, depth: entry.depth, anchor: entry.anchor, number: entry.section.number,
                                           heading: entry.section.heading, text: text, topics: entry.topics, figures: entry.section.figures,
                                           pairs: BigramTokens.of(entry.section.heading) + " " + BigramTokens.of(text)))
            }
            return (archived.slug, sections)
        })
    }

    /// Adds one source's sections, their topics and figures; sources must come in name order.
    func add(_ rows: SourceRows) throws {
        for report in rows.reports {
            let reportID = nextReport
            nextReport += 1
            reportIDs[report.slug] = reportID
            // The id of the last section seen at each depth: a section's parent is the last one a level up.
            var parents: [Int] = []
            for s in report.sections {
                let id = nextSection
                nextSection += 1
                var parent: Int?
                if let depth = s.depth {
                    parents.removeLast(Swift.max(0, parents.count - depth))
                    parent = parents.last
                    parents.append(id)
                }
                try insertSection.run(.int(id), .int(reportID), .int(s.position), .init(parent), .init(s.depth), .init(s.anchor),
                                      .text(s.number), .text(s.heading), .text(s.text))
                try insertPairs.run(.int(id), .text(s.pairs))
                for (rank, topic) in s.topics.enumerated() { try insertSectionTopic.run(.int(id), .int(topic + 1), .int(rank + 1)) }
                for f in s.figures {
                    try insertFigure.run(.int(reportID), .int(id), .text(f.phrase), .text(f.written), .init(f.value), .text(f.unit))
                }
            }
        }
    }

    /// Adds the reports, topics and duplicates of `content`, builds the indexes and commits. A
    /// report whose source was not added (it could not be read again) is listed without sections.
    func finish(_ content: ArchiveContent, config: SiteConfig, paths: SitePaths) throws {
        let about = try db.prepare("INSERT INTO about (key, value) VALUES (?, ?)")
        for (key, value) in [("generator", "ReportArchive"), ("format_version", String(ReportsJSON.formatVersion)),
                             ("title", config.title), ("base_url", config.baseURL)] {
            try about.run(.text(key), .text(value))
        }
        let topics = content.classifier.topics
        let insertTopic = try db.prepare("INSERT INTO topics (id, slug, name, keywords) VALUES (?, ?, ?, ?)")
        for (i, topic) in topics.enumerated() {
            try insertTopic.run(.int(i + 1), .text(topic.slug), .text(topic.name), .text(topic.keywords.joined(separator: ";")))
        }
        var ids = content.reports.map { reportIDs[$0.slug] ?? 0 }
        for i in ids.indices where ids[i] == 0 {
            ids[i] = nextReport
            nextReport += 1
        }
        let related = ExportRelations(content)
        let insertReport = try db.prepare("""
            INSERT INTO reports (id, slug, parse_id, source, position, title, listed_title, issuer, department, province, prefecture,
              county, level, region_code, year, doc_type, doc_type_name, period, signed_date, published_date, complete, duplicate_of,
              page_url, markdown_url, source_text_url, original_url)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let insertReportTopic = try db.prepare("INSERT INTO report_topics (report_id, topic_id, rank) VALUES (?, ?, ?)")
        let insertDuplicate = try db.prepare("INSERT INTO duplicates (report_id, other_id, kind, similarity) VALUES (?, ?, ?, ?)")
        for i in content.reports.indices.sorted(by: { ids[$0] < ids[$1] }) {
            let r = content.reports[i]
            let urls = ReportURLs(r, paths: paths)
            let original = related.duplicateOf(i).map { ids[$0] }
            try insertReport.run([
                .int(ids[i]), .text(r.slug), .text(r.id), .text(r.sourceFile), .int(r.position), .init(r.title), .init(r.listedTitle),
                .init(r.issuer), .init(r.department), .init(r.region.province), .init(r.region.prefecture), .init(r.region.county),
                .init(r.region.level), .init(r.region.code), .init(r.year), .text(r.docType.rawValue), .text(r.docType.displayName),
                .init(r.period), .init(r.signedDate), .init(r.publishedDate), .int(r.complete ? 1 : 0), .init(original),
                .text(urls.page), .text(urls.markdown), .text(urls.sourceText), .init(urls.original),
            ])
            for (rank, topic) in r.topics.enumerated() { try insertReportTopic.run(.int(ids[i]), .int(topic + 1), .int(rank + 1)) }
            if let original { try insertDuplicate.run(.int(ids[i]), .int(original), .text("same-source"), .null) }
        }
        let pairs = content.nearDuplicates.map { (Swift.min(ids[$0.a], ids[$0.b]), Swift.max(ids[$0.a], ids[$0.b]), $0.similarity) }
        for (a, b, similarity) in pairs.sorted(by: { ($0.0, $0.1) < ($1.0, $1.1) }) {
            try insertDuplicate.run(.int(a), .int(b), .text("near"), .double(similarity))
        }
        try db.execute(Self.indexes)
        try db.execute("INSERT INTO sections_fts (sections_fts) VALUES ('rebuild')")
        try db.execute("COMMIT")
    }

    /// The tables; the README's "Data" section describes each column.
    static let schema = """
        CREATE TABLE about (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE reports (
          id INTEGER PRIMARY KEY,
          slug TEXT NOT NULL UNIQUE,
          parse_id TEXT NOT NULL,
          source TEXT NOT NULL,
          position INTEGER NOT NULL,
          title TEXT,
          listed_title TEXT,
          issuer TEXT,
          department TEXT,
          province TEXT,
          prefecture TEXT,
          county TEXT,
          level TEXT,
          region_code TEXT,
          year INTEGER,
          doc_type TEXT NOT NULL,
          doc_type_name TEXT NOT NULL,
          period TEXT,
          signed_date TEXT,
          published_date TEXT,
          complete INTEGER NOT NULL,
          duplicate_of INTEGER REFERENCES reports (id),
          page_url TEXT NOT NULL,
          markdown_url TEXT NOT NULL,
          source_text_url TEXT NOT NULL,
          original_url TEXT
        );
        CREATE TABLE sections (
          id INTEGER PRIMARY KEY,
          report_id INTEGER NOT NULL REFERENCES reports (id),
          position INTEGER NOT NULL,
          parent_id INTEGER REFERENCES sections (id),
          depth INTEGER,
          anchor TEXT,
          number TEXT NOT NULL,
          heading TEXT NOT NULL,
          text TEXT NOT NULL
        );
        CREATE TABLE topics (id INTEGER PRIMARY KEY, slug TEXT NOT NULL UNIQUE, name TEXT NOT NULL, keywords TEXT NOT NULL);
        CREATE TABLE report_topics (
          report_id INTEGER NOT NULL REFERENCES reports (id),
          topic_id INTEGER NOT NULL REFERENCES topics (id),
          rank INTEGER NOT NULL,
          PRIMARY KEY (report_id, topic_id)
        ) WITHOUT ROWID;
        CREATE TABLE section_topics (
          section_id INTEGER NOT NULL REFERENCES sections (id),
          topic_id INTEGER NOT NULL REFERENCES topics (id),
          rank INTEGER NOT NULL,
          PRIMARY KEY (section_id, topic_id)
        ) WITHOUT ROWID;
        CREATE TABLE figures (
          id INTEGER PRIMARY KEY,
          report_id INTEGER NOT NULL REFERENCES reports (id),
          section_id INTEGER NOT NULL REFERENCES sections (id),
          phrase TEXT NOT NULL,
          written TEXT NOT NULL,
          value REAL,
          unit TEXT NOT NULL
        );
        CREATE TABLE duplicates (
          report_id INTEGER NOT NULL REFERENCES reports (id),
          other_id INTEGER NOT NULL REFERENCES reports (id),
          kind TEXT NOT NULL,
          similarity REAL,
          PRIMARY KEY (report_id, other_id, kind)
        ) WITHOUT ROWID;
        CREATE VIRTUAL TABLE sections_fts USING fts5 (heading, text, content = 'sections', content_rowid = 'id', tokenize = 'trigram');
        CREATE VIRTUAL TABLE sections_bigrams USING fts5 (pairs, content = '', tokenize = 'unicode61', detail = 'none');
        INSERT INTO sections_fts (sections_fts, rank) VALUES ('hashsize', \(ftsBuffer));
        INSERT INTO sections_bigrams (sections_bigrams, rank) VALUES ('hashsize', \(ftsBuffer));
        """

    /// The memory an FTS5 index gathers terms in before it writes a segment: with SQLite's 1 MB the
    /// trigram index of 10,000 reports took 14 s, most of it merging segments; with 16 MB, 7 s (and
    /// 20 MB more memory; 64 MB was slower again).
    static let ftsBuffer = 16 << 20

    /// Made after the rows are in: one sort per index rather than a tree kept in order row by row.
    static let indexes = """
        CREATE INDEX sections_report ON sections (report_id, position);
        CREATE INDEX section_topics_topic ON section_topics (topic_id);
        CREATE INDEX report_topics_topic ON report_topics (topic_id);
        CREATE INDEX figures_section ON figures (section_id);
        CREATE INDEX figures_report ON figures (report_id);
        CREATE INDEX reports_region ON reports (region_code, year);
        CREATE INDEX reports_year ON reports (year);
        """
}
