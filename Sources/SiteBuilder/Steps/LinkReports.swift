import Foundation

/// The "report links" step: every report page finished with the links only the whole archive can
/// give (`ReportLinks`), after the head the sources step wrote or left in the site in place.
extension Pipeline {
    /// Finishes each report page of `records` and sets its hash there: a page whose head was written
    /// in this build gets the links and the tail appended; the page of a source not parsed again is
    /// linked from the site in place when its links are unchanged, else written anew from the head
    /// read back from it.
    static func linkReports(_ links: ReportLinks, slot: ReportPageSlot, records: inout [SourceRecord], into site: StagedSite) {
        let paths = links.page.paths
        let finished = ResultSlots<SourceRecord>(count: records.count)
        let shared = UncheckedBox((records, links))  // only read
        DispatchQueue.concurrentPerform(iterations: records.count) { n in
            let (records, links) = shared.value
            var record = records[n]
            for report in record.reports {
                let path = paths.report(report.slug)
                guard let f = record.files.firstIndex(where: { $0.path == path }), let head = record.files[f].head,
                      let i = links.index[report.slug] else { continue }
                let rest = Array(links.html(for: i).utf8) + slot.tail
                let hash = ReportPageSlot.hash(head: head, rest: rest)
                if record.files[f].staged {
                    site.finish(path, rest: rest, hash: hash)
                } else {
                    site.finishFromPrevious(path, head: head, headLength: record.files[f].headLength, rest: rest, hash: hash)
                }
                record.files[f].hash = hash
                record.files[f].staged = false
            }
            finished.set(n, record)
        }
        records = finished.values
    }
}
