import Foundation

/// The "report links" step: every report page finished with the links only the whole archive can
/// give (`ReportLinks`), after the head the sources step wrote or left in the site in place.
extension Pipeline {
    /// Finishes each report page of `records` (those `links.content` was made from, in the same
    /// order) and sets its hash there: a page whose head was written in this build gets the links
    /// and the tail appended; the page of a source not parsed again is kept or linked from the
    /// site in place when its links' key is unchanged, without rendering them, else written anew
    /// from the head read back from it.
    static func linkReports(_ links: ReportLinks, slot: ReportPageSlot, records: inout [SourceRecord], into site: StagedSite) {
        let paths = links.page.paths
        // Where each record's reports start among those the content was made from.
        var starts = [Int](), count = 0
        for record in records {
            starts.append(count)
            count += record.reports.count
        }
        precondition(count == links.content.positions.count, "the records the content was made from")
        let finished = ResultSlots<SourceRecord>(count: records.count)
        let shared = UncheckedBox((records, links, starts))  // only read
        DispatchQueue.concurrentPerform(iterations: records.count) { n in
            let (records, links, starts) = shared.value
            var record = records[n]
            for (k, report) in record.reports.enumerated() {
                let path = paths.report(report.slug)
                guard let f = record.files.firstIndex(where: { $0.path == path }), let head = record.files[f].head else { continue }
                let i = links.content.positions[starts[n] + k]
                let hash = ReportPageSlot.hash(head: head, links: links.key(for: i))
                record.files[f].hash = hash
                if record.files[f].staged {
                    site.finish(path, rest: Array(links.html(for: i).utf8) + slot.tail, hash: hash)
                    record.files[f].staged = false
                } else if !site.linkFromPrevious(path, hash: hash) {
                    site.finishFromPrevious(path, head: head, headLength: record.files[f].headLength,
                                            rest: Array(links.html(for: i).utf8) + slot.tail, hash: hash)
                }
            }
            finished.set(n, record)
        }
        records = finished.values
    }
}
