import Foundation

/// Writes the archive's search index (`search/`, format in README, "Search index format") from the reports'
/// Markdown pages in the site being built: a batch of pages is split into keys on all cores, then
/// its postings are appended in number order, on two cores, each owning the keys of one half of
/// the hash space. A page's text is dropped once its batch is appended, and the postings (about
/// the size of the files they become) are moved to a scratch file whenever they pass
/// `memoryBudget`, so the step's memory does not grow with the archive. A build that added or
/// dropped few reports updates the index of the site in place instead (`SearchIndexUpdate`).
struct SearchIndexWriter {
    static let folder = "search"

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let content: ArchiveContent
    let paths: SitePaths
    /// The bytes of a file of the site being built, by its path in the site; nil when it cannot be read.
    let read: @Sendable (String) -> [UInt8]?
    let put: @Sendable (OutputFile) -> Void
    /// Where postings beyond `memoryBudget` go (`PostingSpill`); nil: all are kept in memory.
    var scratch: URL?
    /// Postings held in memory, on both cores together, before they are spilled: at 100,000
    /// reports, about ten spills, each a fraction of a second.
    var memoryBudget = 16 << 20
    /// Reports split into keys at once: enough to keep the cores busy, few enough that their keys stay small.
    var batch = 256
    /// Hash of what shapes every page (`BuildSession`'s inputs): an index made with others is not updated.
    var inputs: UInt64 = 0
    /// The state of the index in the site in place; nil when it is made anew.
    var previous: SearchState?
    /// Per report of `content`, a key that changes whenever its Markdown, slug or topics may
    /// (`Pipeline.buildSearch`): the numbers whose key is unchanged are not read again. Empty: the
    /// index is made anew.
    var reportKeys: [UInt64] = []
    /// The site in place: a file's bytes, and a file linked from it (false when it cannot be).
    var readPrevious: @Sendable (String) -> [UInt8]? = { _ in nil }
    var linkPrevious: @Sendable (String) -> Bool = { _ in false }
    /// Takes back a file put in this build.
    var withdraw: @Sendable (String) -> Void = { _ in }

    /// Writes the index, updated from the site in place when `previous` allows, and returns what the
    /// next build needs to update it, and whether it was updated.
    @discardableResult
    func write() throws -> (state: SearchState, updated: Bool) {
        let order = SearchOrder(content)
        let topicKeys = content.classifier.topics.map { SearchKey.topic($0.slug) }
        var state: SearchState
        // Catalog chunks to make again; nil: all of them.
        var changedChunks: Set<Int>?
        let update = updating(order, topicKeys: topicKeys)
        let outcome = update?.apply(put: put)
        if let update, case let .updated(linked, inline, lists) = outcome {
            for path in linked where !linkPrevious(path) {
                throw Failure(description: "search: cannot link \(path) from the site in place (changed outside a build?): delete .archive-cache/ to build everything anew")
            }
            state = update.next
            (state.inline, state.lists) = (inline, lists)
            changedChunks = update.renumbering.changedChunks(of: SearchCatalog.chunk)
        } else {
            // What an update put before it found the index must be made anew is not this index's.
            if case let .remake(written) = outcome { for path in written { withdraw(path) } }
            state = SearchState(inputs: inputs, shards: 0, inline: 0,
                                keys: reportKeys.count == content.reports.count ? order.reports.map { reportKeys[$0] } : [],
                                slugs: NumberedSlugs(), topics: NumberedTopics(order.reports.lazy.map { content.reports[$0].topics }),
                                lists: [])
            state.slugs.reserveCapacity(order.reports.count, elements: 24)
            for r in order.reports { state.slugs.append(content.reports[r].slug.utf8) }
            var partitions = try index(order, topics: state.topics, topicKeys: topicKeys)
            defer { for p in partitions.indices { partitions[p].free() } }
            let shards = SearchShards(partitions)
            let groups = UncheckedBox(shards.grouped())
            let failure = LockedError()
            let lists = ResultSlots<[String]>(count: shards.count)
            DispatchQueue.concurrentPerform(iterations: shards.count) { s in
                do {
                    var paths: [String] = []
                    let bytes = try shards.file(groups.value[s]) { key, postings in
                        paths.append(SearchIndexUpdate.listPath(key))
                        put(OutputFile(path: paths.last!, bytes: postings))
                    }
                    put(OutputFile(path: "\(Self.folder)/terms/\(s).bin", bytes: bytes))
                    lists.set(s, paths)
                } catch {
                    failure.set("\(error)")
                }
            }
            if let message = failure.message { throw Failure(description: message) }
            (state.shards, state.inline, state.lists) = (shards.count, shards.inline, lists.values.flatMap { $0 }.sorted())
        }
        let catalog = SearchCatalog(content: content, order: order, paths: paths)
        put(OutputFile(path: "\(Self.folder)/index.json", bytes: catalog.indexJSON(shards: state.shards)))
        put(OutputFile(path: "\(Self.folder)/years.bin", bytes: catalog.yearBytes()))
        put(OutputFile(path: "\(Self.folder)/types.bin", bytes: catalog.typeBytes()))
        let remade = changedChunks
        DispatchQueue.concurrentPerform(iterations: catalog.chunkCount) { k in
            let path = "\(Self.folder)/docs/\(k).json"
            // A chunk of unchanged reports is the one in place.
            if let remade, !remade.contains(k), linkPrevious(path) { return }
            put(OutputFile(path: path, bytes: catalog.docs(chunk: k)))
        }
        return (state, changedChunks != nil)
    }

    /// The update of the index in place, when `previous` allows one: the same inputs, and few
    /// reports added or dropped.
    private func updating(_ order: SearchOrder, topicKeys: [[UInt8]]) -> SearchIndexUpdate? {
        guard let previous, previous.inputs == inputs, reportKeys.count == content.reports.count else { return nil }
        let reportKeys = reportKeys
        let keys = order.reports.map { reportKeys[$0] }
        let editedInPlace = previous.editedInPlace.isEmpty ? []
            : Set((0..<previous.slugs.count).filter { previous.editedInPlace[paths.markdown(previous.slugs.string($0))] != nil })
        guard let renumbering = SearchRenumbering(previous: previous.keys, next: keys, unusable: editedInPlace) else { return nil }
        let limit = SearchIndexUpdate.maxChanged(of: keys.count)
        guard renumbering.added.count <= limit, renumbering.dropped.count <= limit else { return nil }
        var next = previous
        next.editedInPlace = [:]
        next.keys = keys
        next.slugs = previous.slugs.renumbered(renumbering) { $0.append(content.reports[order.reports[$1]].slug.utf8) }
        next.topics = previous.topics.renumbered(renumbering) { $0.append(topics: content.reports[order.reports[$1]].topics) }
        return SearchIndexUpdate(previous: previous, next: next, renumbering: renumbering, topicKeys: topicKeys, paths: paths,
                                 read: read, readPrevious: readPrevious)
    }

    /// A partition's lists, handed to the one thread that appends to them.
    private final class Partition: @unchecked Sendable {
        var lists = PostingLists()
    }

    /// The postings of every report, in two partitions by the hash's top bit; `topics` per number.
    private func index(_ order: SearchOrder, topics: NumberedTopics, topicKeys: [[UInt8]]) throws -> [PostingLists] {
        let partitions = [Partition(), Partition()]
        let topicKeys = topicKeys.map { (bytes: $0, hash: SearchKey.hash($0)) }
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let shared = UncheckedBox((order, topicKeys))
        let spillFailure = LockedError()
        for start in stride(from: 0, to: order.reports.count, by: batch) {
            let numbers = start..<min(order.reports.count, start + batch)
            let terms = ResultSlots<ReportTerms?>(count: numbers.count)
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                var counter = SearchTerms()
                for offset in stride(from: w, to: numbers.count, by: workers) {
                    let report = content.reports[shared.value.0.reports[numbers.lowerBound + offset]]
                    terms.set(offset, read(paths.markdown(report.slug)).map { counter.terms(ofMarkdown: $0) })
                }
            }
            let batch = terms.values
            if let missing = batch.firstIndex(where: { $0 == nil }) {
                let slug = content.reports[order.reports[numbers.lowerBound + missing]].slug
                throw Failure(description: "search: cannot read \(paths.markdown(slug)) in the site being built")
            }
            DispatchQueue.concurrentPerform(iterations: partitions.count) { p in
                let topicKeys = shared.value.1
                var lists = PostingLists()
                swap(&lists, &partitions[p].lists)
                defer { swap(&lists, &partitions[p].lists) }
                let mine = { (hash: UInt32) in Int(hash >> 31) == p }
                for (offset, reportTerms) in batch.enumerated() {
                    let number = numbers.lowerBound + offset
                    lists.append(reportTerms!, number: number, where: mine)
                    for topic in topics[number].lazy.map(Int.init) where mine(topicKeys[topic].hash) {
                        topicKeys[topic].bytes.withUnsafeBufferPointer {
                            lists.append(key: $0, hash: topicKeys[topic].hash, number: number, bits: 0)
                        }
                    }
                }
                if let scratch {
                    do { try lists.spill(over: memoryBudget / partitions.count, in: scratch) } catch { spillFailure.set("\(error)") }
                }
            }
            if let message = spillFailure.message { throw Failure(description: message) }
        }
        return partitions.map(\.lists)
    }
}
