import Foundation

/// The search index of the site in place, updated for a few changed reports instead of made anew
/// from every report's Markdown (10.5 s at 100,000 reports): only the keys a changed report had or
/// has are decoded and written again, with the shard files that hold them; every other shard and
/// list file is linked from the site in place. The bytes are those a full build writes.
struct SearchIndexUpdate {
    /// Beyond this many changed reports (64, or a hundredth of the archive) the index is made anew:
    /// decoding a key's postings costs more than appending them.
    static func maxChanged(of count: Int) -> Int { max(64, count / 100) }

    let previous: SearchState
    /// The state of this build, whose numbers hold the reports of `previous` but for `changed`.
    let next: SearchState
    /// The numbers whose report differs from the one they held, ascending; at most `maxChanged`.
    let changed: [Int]
    let topicKeys: [[UInt8]]
    let paths: SitePaths
    let read: (String) -> [UInt8]?
    let readPrevious: (String) -> [UInt8]?

    /// Per changed key, its postings for the changed reports (the others keep theirs).
    private typealias Edits = [[UInt8]: [(number: Int, bits: UInt8)]]

    /// The shard and list files to put, the paths of the others to link from the site in place,
    /// the new inline byte count and the list files' paths; nil when the index must be made anew
    /// (another shard count, a file of the site in place that cannot be read).
    func plan() -> (files: [OutputFile], linked: [String], inline: Int, lists: [String])? {
        // The changed reports' postings per key, before and after; a key whose postings are the same
        // keeps its list and shard: a sentence appended to a report of 1,100 keys, spread over a
        // quarter of the 4,096 shards at 100,000 reports, changed 19 of them.
        var edits: Edits = [:], before: Edits = [:]
        var counter = SearchTerms()
        for n in changed {
            // The number held another report, or the same one edited: its old Markdown is that of the old slug.
            let oldPath = paths.markdown(previous.slugs.string(n))
            guard let old = previous.editedInPlace[oldPath] ?? readPrevious(oldPath),
                  let new = read(paths.markdown(next.slugs.string(n))) else { return nil }
            let had = counter.terms(ofMarkdown: old), has = counter.terms(ofMarkdown: new)
            for t in 0..<had.count { before[had.key(t), default: []].append((n, had.bits[t])) }
            for topic in previous.topics[n] { before[topicKeys[Int(topic)], default: []].append((n, 0)) }
            for t in 0..<has.count { edits[has.key(t), default: []].append((n, has.bits[t])) }
            for topic in next.topics[n] { edits[topicKeys[Int(topic)], default: []].append((n, 0)) }
        }
        // Keys the reports had and no longer have: their postings are dropped.
        for key in before.keys where edits[key] == nil { edits[key] = [] }
        edits = edits.filter { key, postings in
            guard let old = before[key] else { return true }
            return !old.elementsEqual(postings) { $0.number == $1.number && $0.bits == $1.bits }
        }

        var byShard: [Int: [[UInt8]]] = [:]
        for key in edits.keys { byShard[Int(SearchKey.hash(key)) & (previous.shards - 1), default: []].append(key) }
        var files: [OutputFile] = []
        var inline = previous.inline
        var replacedLists: Set<String> = []
        for (shard, keys) in byShard.sorted(by: { $0.key < $1.key }) {
            guard var entries = Self.entries(ofShard: readPrevious(shardPath(shard))) else { return nil }
            var pending = Set(keys)
            for e in entries.indices where pending.remove(entries[e].key) != nil {
                let key = entries[e].key
                let listPath = Self.listPath(key)
                guard let old = entries[e].inline ?? readPrevious(listPath) else { return nil }
                if entries[e].inline != nil { inline -= old.count } else { replacedLists.insert(listPath) }
                entries[e].postings = Self.merge(old, df: entries[e].df, dropping: changed, adding: edits[key]!)
            }
            entries.removeAll { $0.postings?.df == 0 }
            // The shard's keys stay in the order they were read in, sorted, unless new ones join them.
            if !pending.isEmpty {
                for key in pending { entries.append(.init(key: key, df: 0, inline: nil, postings: Self.merge([], df: 0, dropping: [], adding: edits[key]!))) }
                entries.sort { $0.key.lexicographicallyPrecedes($1.key) }
            }
            var out: [UInt8] = []
            SearchShards.u32(UInt32(entries.count), into: &out)
            for entry in entries {
                out.append(UInt8(entry.key.count))
                out += entry.key
                if let postings = entry.postings {
                    Varint.append(postings.df, to: &out)
                    if postings.count > SearchShards.inlineLimit {
                        out.append(1)
                        files.append(OutputFile(path: Self.listPath(entry.key), bytes: postings.bytes))
                    } else {
                        out.append(0)
                        Varint.append(postings.count, to: &out)
                        out += postings.bytes
                        inline += postings.count
                    }
                } else {
                    out += entry.raw
                }
            }
            files.append(OutputFile(path: shardPath(shard), bytes: out))
        }
        guard SearchShards.count(inline: inline) == previous.shards else { return nil }
        let linkedLists = previous.lists.filter { !replacedLists.contains($0) }
        let lists = (linkedLists + files.lazy.map(\.path).filter { $0.hasPrefix(Self.listFolder) }).sorted()
        let linked = (0..<previous.shards).filter { byShard[$0] == nil }.map(shardPath) + linkedLists
        return (files, linked, inline, lists)
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

    /// `old` postings (`df` of them) without the reports in `dropping`, with `adding` merged in (both
    /// ascending). Before the first number either names and past the last, every posting keeps its
    /// delta: those parts of `old` are copied as they are, so a common key's long list is re-encoded
    /// only between the changed reports.
    static func merge(_ old: [UInt8], df: Int, dropping: [Int], adding: [(number: Int, bits: UInt8)]) -> Postings {
        var out = Postings(bytes: [], df: 0)
        out.bytes.reserveCapacity(old.count + adding.count * 2)
        let firstNamed = min(dropping.first ?? .max, adding.first?.number ?? .max)
        let lastNamed = max(dropping.last ?? -1, adding.last?.number ?? -1)
        // The postings before the first change: only their numbers are needed, read without bounds checks.
        var (i, number, consumed) = old.withUnsafeBufferPointer { bytes -> (Int, Int, Int) in
            var i = 0, number = -1, count = 0
            while i < bytes.count {
                let start = i
                var value = 0, shift = 0
                while true {
                    let b = bytes[i]
                    i += 1
                    value |= Int(b & 0x7F) << shift
                    if b < 0x80 { break }
                    shift += 7
                }
                if number + value >> 4 >= firstNamed { return (start, number, count) }
                number += value >> 4
                count += 1
            }
            return (i, number, count)
        }
        out.bytes += old[..<i]
        out.df = consumed
        func varint() -> Int {
            var value = 0, shift = 0
            while true {
                let b = old[i]
                i += 1
                value |= Int(b & 0x7F) << shift
                if b < 0x80 { return value }
                shift += 7
            }
        }
        var last = number
        func append(_ number: Int, _ bits: UInt8) {
            Varint.append((number - last) << 4 | Int(bits), to: &out.bytes)
            last = number
            out.df += 1
        }
        var next = 0, drop = 0
        while i < old.count {
            let value = varint()
            number += value >> 4
            consumed += 1
            while next < adding.count, adding[next].number < number {
                append(adding[next].number, adding[next].bits)
                next += 1
            }
            while drop < dropping.count, dropping[drop] < number { drop += 1 }
            if drop == dropping.count || dropping[drop] != number { append(number, UInt8(value & 0xF)) }
            if number > lastNamed {
                out.bytes += old[i...]
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
