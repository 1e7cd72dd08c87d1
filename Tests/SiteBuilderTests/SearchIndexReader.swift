import Foundation
import XCTest

/// Reads the search index (`search/`) the way the browser does, written from the format's text
/// rather than the writer's code, so the tests check the files and not the writer against itself.
struct SearchIndexReader {
    struct Entry {
        var key: [UInt8]
        var df: Int
        /// (report number, bits) in ascending number.
        var postings: [(number: Int, bits: UInt8)]
        var inline: Bool
    }

    let folder: URL
    let index: [String: Any]

    init(site: URL) throws {
        folder = site.appendingPathComponent("search")
        index = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("index.json"))) as! [String: Any]
    }

    var reports: Int { index["reports"] as! Int }
    var shards: Int { index["shards"] as! Int }

    static func fnv1a(_ bytes: [UInt8]) -> UInt32 {
        var h: UInt32 = 0x811C9DC5
        for b in bytes { h = (h ^ UInt32(b)) &* 0x01000193 }
        return h
    }

    static func varint(_ bytes: [UInt8], _ i: inout Int) -> Int {
        var value = 0, shift = 0
        while true {
            let b = bytes[i]
            i += 1
            value |= Int(b & 0x7F) << shift
            shift += 7
            if b < 0x80 { return value }
        }
    }

    static func postings(_ bytes: [UInt8]) -> [(number: Int, bits: UInt8)] {
        var out: [(Int, UInt8)] = []
        var i = 0, previous = -1
        while i < bytes.count {
            let v = varint(bytes, &i)
            previous += v >> 4
            out.append((previous, UInt8(v & 15)))
        }
        return out
    }

    func bytes(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: folder.appendingPathComponent(path)))
    }

    /// Every entry of shard `s`, in file order.
    func shard(_ s: Int) throws -> [Entry] {
        let b = try bytes("terms/\(s).bin")
        let count = Int(b[0]) | Int(b[1]) << 8 | Int(b[2]) << 16 | Int(b[3]) << 24
        var i = 4
        var out: [Entry] = []
        for _ in 0..<count {
            let length = Int(b[i])
            let key = Array(b[i + 1..<i + 1 + length])
            i += 1 + length
            let df = Self.varint(b, &i)
            let kind = b[i]
            i += 1
            if kind == 0 {
                let n = Self.varint(b, &i)
                out.append(Entry(key: key, df: df, postings: Self.postings(Array(b[i..<i + n])), inline: true))
                i += n
            } else {
                let hex = key.map { String(format: "%02x", $0) }.joined()
                out.append(Entry(key: key, df: df, postings: Self.postings(try bytes("lists/\(hex).bin")), inline: false))
            }
        }
        XCTAssertEqual(i, b.count, "shard \(s) has bytes after its last entry")
        return out
    }

    func entry(_ key: String) throws -> Entry? {
        try entry(Array(key.utf8))
    }

    func entry(_ key: [UInt8]) throws -> Entry? {
        try shard(Int(Self.fnv1a(key) & UInt32(shards - 1))).first { $0.key == key }
    }

    /// Per report number: `[url, title, region, year, type]`.
    func docs() throws -> [[String]] {
        let chunk = index["chunk"] as! Int
        var out: [[String]] = []
        for k in 0..<(reports + chunk - 1) / chunk {
            out += try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("docs/\(k).json"))) as! [[String]]
        }
        return out
    }

    /// Per report number: (year or nil, type key).
    func attributes() throws -> [(year: Int?, type: String)] {
        let years = (index["years"] as! [[Any]]).map { $0[0] as? Int }
        let types = index["types"] as! [[String]]
        return zip(try bytes("years.bin"), try bytes("types.bin")).map { (years[Int($0)], types[Int($1)][0]) }
    }
}
