import Foundation

/// The "search" step: the archive's own full-text index in `search/`, made from the reports'
/// Markdown pages in the site being built and put into it like every other file, so unchanged
/// files are linked and a failed build leaves the site in place as it was. With the `previous`
/// state of the index in place, only what the changed reports touch is made again. Postings beyond
/// the writer's memory budget wait in a nameless file in `scratch`, the staging folder.
extension Pipeline {
    static func buildSearch(_ content: ArchiveContent, paths: SitePaths, inputs: UInt64, previous: SearchState?,
                            scratch: URL, into site: StagedSite) throws -> (state: SearchState, updated: Bool) {
        var writer = SearchIndexWriter(content: content, paths: paths, read: { site.contents(of: $0) }, put: { site.put($0) })
        writer.scratch = scratch
        writer.inputs = inputs
        writer.previous = previous
        writer.unchanged = { site.isUnchanged($0) }
        writer.readPrevious = { site.previousContents(of: $0) }
        writer.linkPrevious = { site.linkUnchanged($0) }
        writer.previousLists = { site.previousPaths(under: "\(SearchIndexWriter.folder)/lists/") }
        return try writer.write()
    }
}
