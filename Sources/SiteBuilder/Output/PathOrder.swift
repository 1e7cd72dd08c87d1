import Foundation

/// Paths in the order of their UTF-8 bytes: the order the manifest is saved in and the site id is
/// made in. Compared with `memcmp`: the generic `lexicographicallyPrecedes` over `String.UTF8View`
/// spent about a second of a 100,000-report rebuild sorting its 275,000 paths, twice.
enum PathOrder {
    static func precedes(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let common = min(x.count, y.count)
                let order = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
                return order != 0 ? order < 0 : x.count < y.count
            }
        }
    }

    static func sorted<Value>(_ entries: [String: Value]) -> [(key: String, value: Value)] {
        entries.sorted { precedes($0.key, $1.key) }
    }
}
