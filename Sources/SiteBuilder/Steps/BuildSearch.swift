import Foundation

/// The "search" step: the archive's own full-text index in `search/`, made from the reports'
/// Markdown pages in the site being built and put into it like every other file, so unchanged
/// files are linked and a failed build leaves the site in place as it was. With the `previous`
/// state of the index in place, only what the changed reports touch is made again. Postings beyond
/// the writer's memory budget wait in a nameless file in `scratch`, the staging folder.
extension Pipeline {
    /// - Parameter records: the sources' records, whose reports `content` was made from in this order.
    static func buildSearch(_ content: ArchiveContent, records: [SourceRecord], paths: SitePaths, inputs: UInt64, previous: SearchState?,
                            scratch: URL, into site: StagedSite) throws -> (state: SearchState, updated: Bool) {
        var writer = SearchIndexWriter(content: content, paths: paths, read: { site.contents(of: $0) }, put: { site.put($0) })
        writer.scratch = scratch
        writer.inputs = inputs
        writer.previous = previous
        writer.reportKeys = reportKeys(content, records: records)
        writer.readPrevious = { site.previousContents(of: $0) }
        writer.linkPrevious = { site.linkUnchanged($0) }
        writer.withdraw = { site.withdraw($0) }
        return try writer.write()
    }

    /// Per report of `content`, its source record's key (the source's bytes, the build's inputs and
    /// its slug, on which its pages depend) with its place in the source.
    static func reportKeys(_ content: ArchiveContent, records: [SourceRecord]) -> [UInt64] {
        guard records.reduce(0, { $0 + $1.reports.count }) == content.positions.count else { return [] }
        var keys = [UInt64](repeating: 0, count: content.reports.count)
        var given = 0
        for record in records {
            for place in record.reports.indices {
                keys[content.positions[given]] = ContentHash.combine([record.key, UInt64(place)])
                given += 1
            }
        }
        return keys
    }
}
