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
        // Where each record's reports start among those the content was made from.
        var starts = [Int](), count = 0
        for n in records.indices {  // by index: a loop over the records copies each, retaining all it holds
            starts.append(count)
            count += records[n].reports.count
        }
        precondition(count == links.content.positions.count, "the records the content was made from")
        // Per record, the report pages whose hash changes (file index, hash): the records are read in
        // place and only those changed after, not every record copied.
        let changed = ResultSlots<[(file: Int, hash: UInt64)]>(count: records.count)
        let keys = linksKeys(links)
        records.withUnsafeBufferPointer { buffer in
            let shared = UncheckedBox((buffer, links, starts, keys))  // only read
            DispatchQueue.concurrentPerform(iterations: buffer.count) { n in
                // Read through the box, not copied out of it: a copy of the links retains all they hold, once a record.
                let set = finish(buffer: shared.value.0, record: n, start: shared.value.2[n], links: shared.value.1, keys: shared.value.3,
                                 slot: slot, into: site)
                if !set.isEmpty { changed.set(n, set) }
            }
        }
        for n in records.indices {
            for (f, hash) in changed.take(n) ?? [] {
                records[n].files[f].hash = hash
                records[n].files[f].staged = false
            }
        }
    }

    /// Every report's links key (`ReportLinks.key`), in list order, on all cores: made in that order,
    /// not the records', the arrays they are made from are read in order rather than all over memory.
    private static func linksKeys(_ links: ReportLinks) -> [UInt64] {
        let count = links.content.reports.count
        let parts = Swift.max(1, Swift.min(64, count / 2048))
        return [UInt64](unsafeUninitializedCapacity: count) { buffer, initialized in
            let shared = UncheckedBox((buffer, links))  // each part writes its own range
            DispatchQueue.concurrentPerform(iterations: parts) { p in
                for i in p * count / parts..<(p + 1) * count / parts { shared.value.0[i] = shared.value.1.key(for: i) }
            }
            initialized = count
        }
    }

    /// Finishes the report pages of record `record`, whose reports start at `start` among those
    /// `links.content` was made from; returns the pages whose hash changes (file index, hash).
    private static func finish(buffer records: UnsafeBufferPointer<SourceRecord>, record n: Int, start: Int, links: borrowing ReportLinks,
                               keys: [UInt64], slot: ReportPageSlot, into site: StagedSite) -> [(file: Int, hash: UInt64)] {
        let paths = links.page.paths
        let (reports, files) = (records[n].reports, records[n].files)
        var set: [(file: Int, hash: UInt64)] = []
        for k in reports.indices {
            let path = paths.report(reports[k].slug)
            guard let f = files.firstIndex(where: { $0.path == path }), let head = files[f].head else { continue }
            let i = links.content.positions[start + k]
            let hash = ReportPageSlot.hash(head: head, links: keys[i])
            if files[f].staged {
                site.finish(path, rest: Array(links.html(for: i).utf8) + slot.tail, hash: hash)
            } else if !site.linkFromPrevious(path, hash: hash) {
                site.finishFromPrevious(path, head: head, headLength: files[f].headLength,
                                        rest: Array(links.html(for: i).utf8) + slot.tail, hash: hash)
            }
            if files[f].staged || files[f].hash != hash { set.append((f, hash)) }
        }
        return set
    }
}
