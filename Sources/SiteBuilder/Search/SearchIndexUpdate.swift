import Foundation

/// The search index of the site in place, updated for a few changed reports instead of made anew
/// from every report's Markdown (5–6 s at 100,000 reports): the changed reports' postings are
/// dropped and added, and the kept reports' renumbered (`SearchRenumbering`). Only the shard and
/// list files whose keys change are written again; every other one is linked from the site in
/// place. The bytes are those a full build writes.
struct SearchIndexUpdate {
    /// Beyond this many added or dropped reports (64, or a hundredth of the archive) the index is
    /// made anew: decoding a key's postings costs more than appending them.
    static func maxChanged(of count: Int) -> Int { max(64, count / 100) }

    let previous: SearchState
    /// The state of this build.
    let next: SearchState
    let renumbering: SearchRenumbering
    let topicKeys: [[UInt8]]
    let paths: SitePaths
    let read: @Sendable (String) -> [UInt8]?
    let readPrevious: @Sendable (String) -> [UInt8]?

    /// Per changed key, its postings for the added reports (the others keep theirs).
    private typealias Edits = [[UInt8]: [(number: Int, bits: UInt8)]]

    /// What an update did: the paths of the shard and list files it did not put, to link from the
    /// site in place, the new inline byte count and the list files' paths; or, when the index must be
    /// made anew after all (another shard count, a file of the site in place that cannot be read),
    /// the files it put already, to take back.
    enum Outcome {
        case updated(linked: [String], inline: Int, lists: [String])
        case remake(written: [String])
    }

    /// Puts the shard and list files that change; each is put as soon as it is made, so memory
    /// does not hold the index when every shard is written again.
    func apply(put: @escaping @Sendable (OutputFile) -> Void) -> Outcome {
        guard let edits = edits() else { return .remake(written: []) }
        var edited: [Int: Set<[UInt8]>] = [:]
        for key in edits.keys { edited[shard(of: key), default: []].insert(key) }
        // With every number kept, only the shards of the changed keys are read; a shifted number
        // changes the delta of the first posting past it in every key, so then every shard is.
        let visits = renumbering.keepsNumbers ? edited.keys.sorted() : Array(0..<previous.shards)
        let results = ResultSlots<ShardRewrite>(count: visits.count)
        let shared = UncheckedBox((self, edits, edited, visits))
        DispatchQueue.concurrentPerform(iterations: visits.count) { v in
            let (update, edits, edited, visits) = shared.value
            results.set(v, update.rewrite(shard: visits[v], edited: edited[visits[v]] ?? [], edits: edits, put: put))
        }
        var written: [String] = [], rewritten: Set<Int> = [], replacedLists: Set<String> = []
        var inline = previous.inline, failed = false
        for (v, result) in results.values.enumerated() {
            written += result.written
            failed = failed || result.failed
            guard !result.written.isEmpty else { continue }
            rewritten.insert(visits[v])
            inline += result.inline
            replacedLists.formUnion(result.replacedLists)
        }
        guard !failed, SearchShards.count(inline: inline) == previous.shards else { return .remake(written: written) }
        let linkedLists = previous.lists.filter { !replacedLists.contains($0) }
        let lists = (linkedLists + written.lazy.filter { $0.hasPrefix(Self.listFolder) }).sorted()
        let linked = (0..<previous.shards).filter { !rewritten.contains($0) }.map(shardPath) + linkedLists
        return .updated(linked: linked, inline: inline, lists: lists)
    }

    /// The added reports' postings per key; with every number kept, only the keys whose postings
    /// differ from the dropped reports' (a sentence appended to a report of 1,100 keys, spread
    /// over a quarter of the 4,096 shards at 100,000 reports, changed 19 of them), with an empty
    /// list for the keys only the dropped reports had. Nil when a Markdown page cannot be read.
    private func edits() -> Edits? {
        var edits: Edits = [:]
        var counter = SearchTerms()
        for n in renumbering.added {
            guard let markdown = read(paths.markdown(next.slugs.string(n))) else { return nil }
            let has = counter.terms(ofMarkdown: markdown)
            for t in 0..<has.count { edits[has.key(t), default: []].append((n, has.bits[t])) }
            for topic in next.topics[n] { edits[topicKeys[Int(topic)], default: []].append((n, 0)) }
        }
        guard renumbering.keepsNumbers else { return edits }
        var before: Edits = [:]
        for o in renumbering.dropped {
            // An old number's Markdown is that of its old slug, or the bytes it had before `serve` rewrote it.
            let oldPath = paths.markdown(previous.slugs.string(o))
            guard let markdown = previous.editedInPlace[oldPath] ?? readPrevious(oldPath) else { return nil }
            let had = counter.terms(ofMarkdown: markdown)
            for t in 0..<had.count { before[had.key(t), default: []].append((o, had.bits[t])) }
            for topic in previous.topics[o] { before[topicKeys[Int(topic)], default: []].append((o, 0)) }
        }
        for key in before.keys where edits[key] == nil { edits[key] = [] }
        return edits.filter { key, postings in
            guard let old = before[key] else { return true }
            return !old.elementsEqual(postings) { $0.number == $1.number && $0.bits == $1.bits }
        }
    }

    /// A shard written again: the paths put (none when none of its keys changed), the change of
    /// its inline bytes, and the list files of the site in place it no longer links.
    private struct ShardRewrite {
        var written: [String] = []
        var inline = 0
        var replacedLists: [String] = []
        /// A file of the site in place could not be read.
        var failed = false
    }

    private func shard(of key: [UInt8]) -> Int { Int(SearchKey.hash(key)) & (previous.shards - 1) }

    /// Shard `shard` with its keys renumbered and its `edited` keys merged with their edits, put
    /// when it changes; with every number kept, only the edited keys are decoded.
    private func rewrite(shard: Int, edited: Set<[UInt8]>, edits: Edits, put: (OutputFile) -> Void) -> ShardRewrite {
        var result = ShardRewrite()
        guard var entries = Self.entries(ofShard: readPrevious(shardPath(shard))) else {
            result.failed = true
            return result
        }
        // The edited keys the shard does not hold yet join it.
        var pending = edited
        var changed = false
        for e in entries.indices where pending.remove(entries[e].key) != nil || !renumbering.keepsNumbers {
            let key = entries[e].key
            let listPath = Self.listPath(key)
            guard let old = entries[e].inline ?? readPrevious(listPath),
                  let postings = Self.merge(old, df: entries[e].df, renumbered: renumbering, adding: edits[key] ?? []) else {
                result.failed = true
                return result
            }
            // A key whose postings are the same keeps its bytes, inline or linked.
            if postings.df == entries[e].df && postings.bytes == old { continue }
            if entries[e].inline != nil { result.inline -= old.count } else { result.replacedLists.append(listPath) }
            entries[e].postings = postings
            changed = true
        }
        entries.removeAll { $0.postings?.df == 0 }
        // The shard's keys stay in the order they were read in, sorted, unless new ones join them.
        pending = pending.filter { !edits[$0]!.isEmpty }
        if !pending.isEmpty {
            for key in pending { entries.append(.init(key: key, df: 0, inline: nil, postings: Self.postings(edits[key]!))) }
            entries.sort { $0.key.lexicographicallyPrecedes($1.key) }
            changed = true
        }
        guard changed else { return result }
        var out: [UInt8] = []
        SearchShards.u32(UInt32(entries.count), into: &out)
        for entry in entries {
            out.append(UInt8(entry.key.count))
            out += entry.key
            if let postings = entry.postings {
                Varint.append(postings.df, to: &out)
                if postings.count > SearchShards.inlineLimit {
                    out.append(1)
                    put(OutputFile(path: Self.listPath(entry.key), bytes: postings.bytes))
                    result.written.append(Self.listPath(entry.key))
                } else {
                    out.append(0)
                    Varint.append(postings.count, to: &out)
                    out += postings.bytes
                    result.inline += postings.count
                }
            } else {
                out += entry.raw
            }
        }
        put(OutputFile(path: shardPath(shard), bytes: out))
        result.written.append(shardPath(shard))
        return result
    }

    func shardPath(_ shard: Int) -> String { "\(SearchIndexWriter.folder)/terms/\(shard).bin" }

    static let listFolder = "\(SearchIndexWriter.folder)/lists/"

    static func listPath(_ key: some Sequence<UInt8>) -> String { "\(listFolder)\(SearchKey.hex(key)).bin" }

    /// A key of a shard file: its df, its bytes as read (`raw`: df, kind and inline postings), its
    /// inline postings, and its new postings once edited.
    struct Entry {
        var key: [UInt8]
        var df: Int
        var inline: [UInt8]?
        var raw: ArraySlice<UInt8> = []
        var postings: Postings?

        init(key: [UInt8], df: Int, inline: [UInt8]?, raw: ArraySlice<UInt8> = [], postings: Postings? = nil) {
            self.key = key
            self.df = df
            self.inline = inline
            self.raw = raw
            self.postings = postings
        }
    }

    /// Postings as the index writes them, with their count (the key's df).
    struct Postings {
        var bytes: [UInt8]
        var df: Int
        var count: Int { bytes.count }
    }

    /// The keys of a shard file, in its order; nil when it cannot be read or is not one.
    static func entries(ofShard bytes: [UInt8]?) -> [Entry]? {
        guard let bytes, bytes.count >= 4 else { return nil }
        let count = Int(bytes[0]) | Int(bytes[1]) << 8 | Int(bytes[2]) << 16 | Int(bytes[3]) << 24
        var entries: [Entry] = []
        entries.reserveCapacity(count)
        var i = 4
        func varint() -> Int? {
            var value = 0, shift = 0
            while i < bytes.count {
                let b = bytes[i]
                i += 1
                value |= Int(b & 0x7F) << shift
                if b < 0x80 { return value }
                shift += 7
            }
            return nil
        }
        for _ in 0..<count {
            guard i < bytes.count else { return nil }
            let length = Int(bytes[i])
            guard i + 1 + length <= bytes.count else { return nil }
            let key = Array(bytes[(i + 1)..<(i + 1 + length)])
            i += 1 + length
            let rawStart = i
            guard let df = varint(), i < bytes.count else { return nil }
            let kind = bytes[i]
            i += 1
            var inline: [UInt8]?
            if kind == 0 {
                guard let n = varint(), i + n <= bytes.count else { return nil }
                inline = Array(bytes[i..<(i + n)])
                i += n
            }
            entries.append(Entry(key: key, df: df, inline: inline, raw: bytes[rawStart..<i]))
        }
        return i == bytes.count ? entries : nil
    }

    /// `old` postings (`df` of them) renumbered, with `adding` merged in (ascending). Before the
    /// first old number the renumbering changes, and past the last one after which all shift alike,
    /// every posting keeps its delta: those parts of `old` are copied as they are, so a common
    /// key's long list is re-encoded only between the changed reports. Nil when `old` names a
    /// number the renumbering does not have.
    static func merge(_ old: [UInt8], df: Int, renumbered renumbering: SearchRenumbering, adding: [(number: Int, bits: UInt8)]) -> Postings? {
        var out = Postings(bytes: [], df: 0)
        out.bytes.reserveCapacity(old.count + adding.count * 2)
        let firstNamed = min(renumbering.first, adding.first?.number ?? .max)
        let new = renumbering.new
        return old.withUnsafeBufferPointer { bytes -> Postings? in
            var i = 0, number = -1, consumed = 0
            // The postings before the first change: only their numbers are needed.
            while i < bytes.count {
                var end = i
                let value = Varint.read(bytes, at: &end)
                if number + value >> 4 >= firstNamed { break }
                number += value >> 4
                consumed += 1
                i = end
            }
            out.bytes += bytes[..<i]
            out.df = consumed
            var last = number
            func append(_ number: Int, _ bits: UInt8) {
                Varint.append((number - last) << 4 | Int(bits), to: &out.bytes)
                last = number
                out.df += 1
            }
            var next = 0
            while i < bytes.count {
                let value = Varint.read(bytes, at: &i)
                number += value >> 4
                consumed += 1
                guard number < new.count else { return nil }
                let renumbered = Int(new[number])
                guard renumbered >= 0 else { continue }
                while next < adding.count, adding[next].number < renumbered {
                    append(adding[next].number, adding[next].bits)
                    next += 1
                }
                append(renumbered, UInt8(value & 0xF))
                // Past `last`, the next posting and the one before it shift alike: the rest keeps its deltas.
                if number > renumbering.last, next == adding.count {
                    out.bytes += bytes[i...]
                    out.df += df - consumed
                    return out
                }
            }
            while next < adding.count {
                append(adding[next].number, adding[next].bits)
                next += 1
            }
            return out
        }
    }

    /// The postings of a key new to the index.
    static func postings(_ adding: [(number: Int, bits: UInt8)]) -> Postings {
        var out = Postings(bytes: [], df: adding.count)
        var last = -1
        for posting in adding {
            Varint.append((posting.number - last) << 4 | Int(posting.bits), to: &out.bytes)
            last = posting.number
        }
        return out
    }
}
