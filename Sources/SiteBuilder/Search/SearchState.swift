import Foundation

/// What the next build needs to update the search index in place of making it anew
/// (`SearchIndexUpdate`): per report number, the key of the report it holds, its slug and its
/// topics; the index's list files; and the figures that set the shard count. Kept in
/// `.archive-cache/search.state` beside the source records and trusted like them, only with the
/// records' token. Each part is an array (`CacheArrays`):
///
///     [version, inputs, shards, inline]  token  keys  slugs (ends, bytes)  topics (ends, topics)  lists (ends, bytes)
struct SearchState: Sendable, Equatable {
    static let fileName = "search.state"
    static let version: UInt64 = 1

    /// Hash of the config, templates and options the index was made with (`BuildSession`'s inputs).
    var inputs: UInt64
    var shards: Int
    /// Bytes of postings held inline in the shard files, which `SearchShards.count(inline:)` turns into `shards`.
    var inline: Int
    /// Per report number, its report's key (`SearchIndexWriter.reportKeys`): a number whose key is
    /// unchanged holds a report with the same Markdown, slug and topics.
    var keys: [UInt64]
    var slugs: NumberedSlugs
    /// Per report number, its distinct topics ascending: the topic keys it is posted under.
    var topics: NumberedTopics
    /// The paths of the list files (`search/lists/<hex>.bin`), ascending.
    var lists: [String]
    /// Markdown pages the preview server rewrote in place since the index was made, by path, with
    /// the bytes the index was made from. Not saved: a site edited in place is not the one the
    /// saved cache describes.
    var editedInPlace: [String: [UInt8]] = [:]

    /// The state saved with `token`; nil when there is none or it belongs to another build.
    static func load(from folder: URL, token: String) -> SearchState? {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(fileName).path) else { return nil }
        var reader = CacheArrays.Reader(data: data)
        guard let head = reader.array(of: UInt64.self), head.count == 4, head[0] == version,
              let savedToken = reader.array(of: UInt8.self), savedToken.elementsEqual(token.utf8),
              let keys = reader.array(of: UInt64.self),
              let slugs = reader.lists(of: UInt8.self), let topics = reader.lists(of: UInt16.self),
              let lists = reader.lists(of: UInt8.self), reader.atEnd,
              slugs.count == keys.count, topics.count == keys.count else { return nil }
        return SearchState(inputs: head[1], shards: Int(head[2]), inline: Int(head[3]), keys: keys, slugs: slugs, topics: topics,
                           lists: (0..<lists.count).map { lists.string($0) })
    }

    func save(token: String, to folder: URL) throws {
        var out = CacheArrays()
        var names = NumberedSlugs()
        for path in lists { names.append(Array(path.utf8)) }
        out.append([Self.version, inputs, UInt64(shards), UInt64(inline)])
        out.append(Array(token.utf8))
        out.append(keys)
        out.append(slugs)
        out.append(topics)
        out.append(names)
        try CacheFile.replace(folder.appendingPathComponent(Self.fileName), with: out.bytes)
    }
}
