import Foundation

/// Strings in the order of their UTF-8 bytes: the order of paths an edited site's id is made in and
/// of gone source records, and of titles in a list. Compared with `memcmp`: the generic
/// `lexicographicallyPrecedes` over `String.UTF8View` is many times slower, and String's `<`
/// (Unicode canonical equivalence) slower still.
enum ByteOrder {
    static func precedes(_ a: String, _ b: String) -> Bool {
        compare(a, b) < 0
    }

    /// Negative when `a` comes first, zero when the two are the same bytes, positive when `b` does.
    static func compare(_ a: String, _ b: String) -> Int {
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let common = min(x.count, y.count)
                let order = common == 0 ? 0 : Int(memcmp(x.baseAddress!, y.baseAddress!, common))
                return order != 0 ? order : x.count - y.count
            }
        }
    }
}
