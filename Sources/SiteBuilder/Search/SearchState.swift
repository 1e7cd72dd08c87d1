import Foundation

/// What the next build needs to update the search index in place of making it anew
/// (`SearchIndexWriter.update`): the order the reports were numbered in, each number's topics,
/// and the figures that set the shard count. Kept in `.archive-cache/search.tsv` beside the source
/// records and trusted like them, only with the records' token:
///
///     build   <token>
///     index   <inputs hash> <shards> <inline posting bytes>
///     <slug>  <topics>      one line a report number, topics comma-separated
struct SearchState: Sendable, Equatable {
    static let fileName = "search.tsv"

    /// Hash of the config, templates and options the index was made with (`BuildSession`'s inputs).
    var inputs: UInt64
    var shards: Int
    /// Bytes of postings held inline in the shard files, which `SearchShards.count(inline:)` turns into `shards`.
    var inline: Int
    /// Per report number, its slug.
    var slugs: [String]
    /// Per report number, its distinct topics ascending: the topic keys it is posted under.
    var topics: NumberedTopics
    /// Markdown pages the preview server rewrote in place since the index was made, by path, with
    /// the bytes the index was made from. Not saved: a site edited in place is not the one the
    /// saved cache describes.
    var editedInPlace: [String: [UInt8]] = [:]

    /// The state saved with `token`; nil when there is none or it belongs to another build.
    static func load(from folder: URL, token: String) -> SearchState? {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(fileName).path) else { return nil }
        let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
        guard lines.count >= 2, lines[0].elementsEqual(Array("build\t\(token)".utf8)) else { return nil }
        let head = lines[1].split(separator: 0x09).map { String(decoding: $0, as: UTF8.self) }
        guard head.count == 4, head[0] == "index", let inputs = UInt64(head[1], radix: 16), let shards = Int(head[2]),
              let inline = Int(head[3]) else { return nil }
        var state = SearchState(inputs: inputs, shards: shards, inline: inline, slugs: [], topics: NumberedTopics())
        state.slugs.reserveCapacity(lines.count)
        state.topics.reserveCapacity(lines.count)
        for line in lines.dropFirst(2) where !line.isEmpty {
            guard let tab = line.firstIndex(of: 0x09) else { return nil }
            state.slugs.append(String(decoding: line[line.startIndex..<tab], as: UTF8.self))
            var topics: [Int] = []
            for part in line[(tab + 1)...].split(separator: 0x2C) {
                guard let topic = Int(String(decoding: part, as: UTF8.self)), (0...Int(UInt16.max)).contains(topic) else { return nil }
                topics.append(topic)
            }
            state.topics.append(topics)
        }
        return state
    }

    func save(token: String, to folder: URL) throws {
        var out = Array("build\t\(token)\nindex\t\(String(inputs, radix: 16))\t\(shards)\t\(inline)\n".utf8)
        out.reserveCapacity(out.count + slugs.count * 32)
        for (n, slug) in slugs.enumerated() {
            out += slug.utf8
            out.append(0x09)
            out += topics[n].map(String.init).joined(separator: ",").utf8
            out.append(0x0A)
        }
        try CacheFile.replace(folder.appendingPathComponent(Self.fileName), with: out)
    }
}
