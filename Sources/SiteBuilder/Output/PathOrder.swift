import Foundation

/// Paths in the order of their UTF-8 bytes: the order an edited site's id is made in and gone source
/// records are saved in. Compared with `memcmp`: the generic `lexicographicallyPrecedes` over
/// `String.UTF8View` is many times slower.
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
}
