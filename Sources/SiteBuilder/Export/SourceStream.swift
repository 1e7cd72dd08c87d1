import Decode
import Foundation
import ReportModel
import ReportParser

/// Every source parsed on all cores and handed over in name order, a batch at a time: the consumer
/// (the database writer, one thread) works on a batch while the next is parsed, and only those two
/// batches' reports are held. What `archive export` and the database need; the site's build parses
/// and renders in `Pipeline.buildSources` instead, keeping nothing.
struct SourceStream: Sendable {
    /// One source's reports as the site shows them, or why it could not be read.
    struct Parsed {
        var reports: [ArchivedReport]
        var error: String?
    }

    var files: [ContentFolder.Source]
    var folder: String
    var config: SiteConfig
    var classifier: TopicClassifier
    var gazetteer: Gazetteer = .shared
    /// Sources parsed together; large enough to keep every core busy between handovers.
    var batch = 128

    /// Calls `transform` on the parsing cores for each source, then `consume` on the caller's thread
    /// with the results in name order.
    func forEach<T: Sendable>(_ transform: @escaping @Sendable (Parsed) -> T, _ consume: (T) throws -> Void) throws {
        let ranges = stride(from: 0, to: files.count, by: batch).map { $0..<Swift.min($0 + batch, files.count) }
        let parser = ReportParser()
        func launch(_ range: Range<Int>) -> (DispatchGroup, ResultSlots<T>) {
            let slots = ResultSlots<T>(count: range.count)
            let group = DispatchGroup()
            DispatchQueue.global().async(group: group) { [self] in
                DispatchQueue.concurrentPerform(iterations: range.count) { j in
                    slots.set(j, transform(parse(files[range.lowerBound + j], parser: parser)))
                }
            }
            return (group, slots)
        }
        var pending = ranges.first.map(launch)
        // A consumer that throws leaves a batch parsing: it is waited for, as it reads this stream's files.
        defer { pending?.0.wait() }
        for k in ranges.indices {
            let (group, slots) = pending!
            group.wait()
            pending = k + 1 < ranges.count ? launch(ranges[k + 1]) : nil
            for value in slots.values { try consume(value) }
        }
    }

    /// One source read and parsed as the build parses it (`Pipeline.build(name:…)`), its reports
    /// slugged, corrected by the config's overrides and classified.
    func parse(_ file: ContentFolder.Source, parser: ReportParser) -> Parsed {
        let name = file.name
        do {
            guard let data = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(name)) else {
                throw DecodeError(path: name, reason: "cannot be read")
            }
            let bytes = [UInt8](data)
            let source: Source
            if SourceFormat(fileName: name) ?? .text != .text {
                source = parser.parse(try SourceExtractor.extract(bytes, name: name), source: name, slug: file.slug)
            } else {
                source = try parser.parse(bytes: bytes, source: name, slug: file.slug)
            }
            return Parsed(reports: ArchivedReport.all(in: source, file: name, slug: file.slug, config: config,
                                                      classifier: classifier, gazetteer: gazetteer))
        } catch {
            let message = "\(error)"
            return Parsed(reports: [], error: message.hasPrefix(name) ? message : "\(name): \(message)")
        }
    }
}
