import Foundation

/// The rows of an export file a build wrote (one report each, in list order): each row's key
/// (`ExportKeys`), where its bytes lie, and the hashes of the file's parts (`ExportHash`). Saved in
/// the build cache with what identifies the file, so the next build, in this process or another,
/// can copy unchanged rows out of it.
struct ExportRows {
    var keys: [UInt64]
    var ranges: [Range<Int>]
    /// `ExportHash.parts`: two a row (the bytes before it, the row) and one for the bytes after the last.
    var parts: [UInt64]

    /// What the rows were written with and into: the build's inputs, and the file's content hash
    /// (the manifest's) and size. The file in place is copied from only while it is the one the
    /// manifest names with that hash and still has that size, as a page is linked from it only
    /// while the manifest names it with the hash the page would have.
    struct File {
        var inputs: UInt64
        var hash: UInt64
        var size: Int
    }

    private static let version: UInt64 = 2

    /// How many bytes of `source`'s bytes `span` (whole rows with what lies between them, as a copy
    /// takes them) this file already holds at `position`, from the start: a row counts while the
    /// row standing there has the same bytes (its part's hash), the same bytes before it, and the
    /// same place relative to the first.
    func heldBytes(of span: Range<Int>, in source: ExportRows, at position: Int) -> Int {
        guard let k = source.row(startingAt: span.lowerBound), let s = row(startingAt: position) else { return 0 }
        var held = 0, t = 0
        while k + t < source.ranges.count, s + t < ranges.count, source.ranges[k + t].upperBound <= span.upperBound {
            let there = ranges[s + t], copied = source.ranges[k + t]
            guard there.lowerBound - position == copied.lowerBound - span.lowerBound, there.count == copied.count,
                  parts[2 * (s + t) + 1] == source.parts[2 * (k + t) + 1],
                  t == 0 || parts[2 * (s + t)] == source.parts[2 * (k + t)] else { break }
            held = copied.upperBound - span.lowerBound
            t += 1
        }
        return held
    }

    /// The row that starts at byte `offset`; rows lie in file order.
    private func row(startingAt offset: Int) -> Int? {
        var low = 0, high = ranges.count
        while low < high {
            let mid = (low + high) / 2
            if ranges[mid].lowerBound < offset { low = mid + 1 } else { high = mid }
        }
        return low < ranges.count && ranges[low].lowerBound == offset ? low : nil
    }

    /// Saves the rows of `file` to `url`, replacing what was there whole (a rename).
    func save(of file: File, to url: URL) throws {
        var words: [UInt64] = [Self.version, file.inputs, file.hash, UInt64(file.size), UInt64(keys.count)]
        words.reserveCapacity(words.count + keys.count * 5 + 1)
        words += keys
        for range in ranges {
            words.append(UInt64(range.lowerBound))
            words.append(UInt64(range.upperBound))
        }
        words += parts
        let temporary = url.path + ".new"
        let bytes = words.withUnsafeBytes { [UInt8]($0) }
        guard StagedSite.write(bytes, to: temporary), rename(temporary, url.path) == 0 else {
            unlink(temporary)
            throw SiteWriter.WriteError(message: "cannot write \(url.path): \(String(cString: strerror(errno)))")
        }
    }

    /// The rows saved at `url` with the file they describe; nil when there are none or they cannot be read whole.
    static func load(from url: URL) -> (rows: ExportRows, file: File)? {
        guard let data = FileManager.default.contents(atPath: url.path), data.count % 8 == 0 else { return nil }
        let words = data.withUnsafeBytes { Array($0.bindMemory(to: UInt64.self)) }
        let head = 5
        guard words.count >= head, words[0] == version else { return nil }
        let count = Int(words[4])
        guard words.count == head + count * 5 + 1 else { return nil }
        let file = File(inputs: words[1], hash: words[2], size: Int(words[3]))
        let keys = Array(words[head..<head + count])
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(count)
        var i = head + count
        for _ in 0..<count {
            guard words[i] <= words[i + 1], words[i + 1] <= UInt64(file.size) else { return nil }
            ranges.append(Int(words[i])..<Int(words[i + 1]))
            i += 2
        }
        return (ExportRows(keys: keys, ranges: ranges, parts: Array(words[i...])), file)
    }
}
