import Foundation
import Decode
import ReportModel

/// Raw source text → structured reports: decode → clean → split → structure → metadata.
///
/// Each stage takes values and returns values; only `parse(file:)` touches the disk.
public struct ReportParser: Sendable {
    public var rules: NoiseRules
    public var gazetteer: Gazetteer

    public init(rules: NoiseRules = .standard, gazetteer: Gazetteer = .shared) {
        self.rules = rules
        self.gazetteer = gazetteer
    }

    /// Builds the tables the first parse in a process would otherwise build on its way (the
    /// traditional-character table takes ICU's transform of 27,000 characters, ~25 ms), so a caller
    /// with a core to spare can take them off the path of that parse.
    public static func prepare() {
        _ = SimplifiedForm.isTraditional("總")
    }

    /// Reads and parses one file; the error names the file and says why it cannot be read (no such
    /// file, a folder, the system's reason) or read as text.
    /// - Parameter slug: the source's slug, which names its reports (`ReportID`); by default the slug
    ///   of its file name, which is what the site gives a file at the top of its content folder.
    public func parse(file path: String, displayName: String? = nil, slug: String? = nil) throws -> Source {
        let name = displayName ?? path
        return try parse(bytes: SourceFile.bytes(at: path, name: name), source: name, slug: slug)
    }

    /// Parses a source's bytes in the format its name's extension says (`SourceFormat`).
    public func parse(bytes: [UInt8], source: String, slug: String? = nil) throws(DecodeError) -> Source {
        // Plain UTF-8 text, the usual case, is validated line by line as the cleaner decodes it (and
        // its paragraphs' strings are later copied from these bytes); any other text (invalid
        // UTF-8, or a NUL or CR byte) takes the decoder's full path, and other formats their extractor.
        if SourceFormat(fileName: source) ?? .text == .text, TextDecoder.mayBePlainUTF8(bytes),
           let clean = Cleaner(rules: rules).clean(validatingUTF8: bytes) {
            return parse(clean, source: source, slug: slug, format: .text, encoding: "utf-8", clues: FormatClues())
        }
        return parse(try SourceExtractor.extract(bytes, name: source), source: source, slug: slug)
    }

    public func parse(text: String, source: String, encoding: String = "utf-8", slug: String? = nil) -> Source {
        parse(ExtractedText(text: text, format: .text, encoding: encoding), source: source, slug: slug)
    }

    /// Parses text an extractor took from a file: what it left out joins the source's dropped
    /// text, and what the format said (title, date, publisher) is weighed with the text.
    public func parse(_ extracted: ExtractedText, source: String, slug: String? = nil) -> Source {
        var result = parse(Cleaner(rules: rules).clean(extracted.text), source: source, slug: slug, format: extracted.format,
                           encoding: extracted.encoding, clues: extracted.clues)
        if !extracted.dropped.isEmpty {
            result.dropped = (extracted.dropped + result.dropped).sorted { $0.line < $1.line }
        }
        return result
    }

    private func parse(_ clean: consuming CleanText, source: String, slug: String?, format: SourceFormat, encoding: String, clues: FormatClues) -> Source {
        // The page's own date line (`发布时间：…`) first, then what the format's metadata says.
        let published = clean.publishedDate.map { (date: $0, from: "page") } ?? clues.published.map { (date: $0.value, from: $0.from) }
        let utf8 = clean.utf8
        let sourceSlug = slug ?? ReportID.sourceSlug(Self.fileName(source))
        let outside = clues.titles.map { TitleChooser.Outside(text: $0.value, from: $0.from) }
            + [TitleChooser.Outside(text: Self.fileTitle(source), from: "file name")]
        let split = Splitter().split(clean, outside: outside)
        // One reader a source: each copy of the gazetteer retains its tables.
        let reader = MetadataReader(gazetteer: gazetteer)
        let folders = FolderPlaces.of(source: source, in: gazetteer)
        var reports: [Report] = []
        reports.reserveCapacity(split.reports.count)
        for index in split.reports.indices {
            // Filled in place in the array: a report returned from a function was copied, field by field.
            reports.append(Report(id: ReportID.make(source: sourceSlug, position: index + 1)))
            structure(split.reports[index], published: published, issuers: clues.issuers, folders: folders, utf8: utf8,
                      reader: reader, into: &reports[index])
        }
        if reports.count > 1 {
            DuplicateFinder.link(&reports, texts: split.reports)
        }
        // Noise inside a report's lines belongs to that report; the rest to the source.
        var sourceDropped: [DroppedText] = []
        let spans = split.reports.map { raw in (raw.paragraphs.first?.line ?? Int.max, raw.paragraphs.last?.line ?? Int.min) }
        for d in split.dropped {
            if let i = spans.indices.last(where: { spans[$0].0 <= d.line && d.line <= spans[$0].1 }) {
                reports[i].dropped.append(d)
            } else {
                sourceDropped.append(d)
            }
        }
        for i in reports.indices { reports[i].dropped.sort { $0.line < $1.line } }
        return Source(source: source, kind: split.kind, format: format, encoding: encoding, collectionTitle: split.collectionTitle,
                      listedCount: split.listedCount, reports: reports, dropped: sourceDropped)
    }

    /// - Parameter utf8: the source's bytes, where the paragraphs' `utf8` ranges point.
    private func structure(_ raw: RawReport, published: (date: String, from: String)?, issuers: [FormatClues.Clue], folders: [Gazetteer.Place],
                           utf8: [UInt8], reader: MetadataReader, into report: inout Report) {
        // A slice, so that taking the signature off the end shares the report's storage rather than copying it.
        var paragraphs = raw.paragraphs[...]
        let signature = SignatureFinder.extract(from: &paragraphs, utf8: utf8)
        let outline = OutlineBuilder.build(paragraphs, utf8: utf8)
        report.title = raw.title
        report.listedTitle = raw.listedTitle == raw.title ? nil : raw.listedTitle
        report.paragraphs = outline.paragraphs
        report.sections = outline.sections
        report.figures = outline.figures
        report.dropped = raw.dropped
        // The body without the signature, joined only if a metadata fallback needs it. The closure
        // holds the two arrays, not a copy of the report (a retain per field).
        let body = LazyText { [paragraphs = outline.paragraphs, sections = outline.sections] in
            Self.bodyText(paragraphs: paragraphs, sections: sections)
        }
        let input = MetadataReader.Input(title: raw.title, listedTitle: raw.listedTitle, paragraphs: outline.paragraphs,
                                         sections: outline.sections, signature: signature, published: published?.date,
                                         publishedFrom: published?.from, body: body, folders: folders,
                                         formatIssuers: issuers.map { (name: $0.value, from: $0.from) })
        reader.read(input, into: &report)
        if let from = raw.titleOrigin { report.provenance["title"] = from }
        if raw.cutOffByEnd {
            report.complete = false
            report.incompleteReason = "the source ends before the collection's other reports"
        } else if signature == nil, let last = paragraphs.last, !last.text.endsSentence {
            report.complete = false
            report.incompleteReason = "the text stops mid-sentence"
        }
    }

    /// `Report.bodyText` appended into one string: its list of lines and `joined` copied each
    /// piece twice more.
    static func bodyText(of report: Report) -> String {
        bodyText(paragraphs: report.paragraphs, sections: report.sections, signature: report.signature)
    }

    static func bodyText(paragraphs: [String], sections: [Section], signature: String? = nil) -> String {
        var text = ""
        text.reserveCapacity(Report.bodyPiecesUTF8Count(paragraphs: paragraphs, sections: sections, signature: signature))
        var first = true
        Report.forEachBodyPiece(paragraphs: paragraphs, sections: sections, signature: signature) { piece, startsLine in
            if startsLine && !first { text += "\n" }
            text += piece
            first = false
        }
        return text
    }

    /// The file name without folder and extension (`浦口区教育局2020年工作总结_2020`): a title may stand only there.
    static func fileTitle(_ path: String) -> String {
        let file = fileName(path)
        guard let dot = file.utf8.lastIndex(of: UInt8(ascii: ".")), dot > file.startIndex else { return file }
        return String(file[..<dot])
    }

    /// The path's last component (`content/余姚市-2023.txt` → `余姚市-2023.txt`), found byte-wise:
    /// splitting by Character cost as much as parsing a short report.
    static func fileName(_ path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
        return String(path[path.utf8.index(after: slash)...])
    }
}
