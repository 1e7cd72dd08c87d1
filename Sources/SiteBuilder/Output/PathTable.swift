import Foundation
import Synchronization

/// Numbers the output paths a build session meets, so that the tables of a site's files
/// (`SiteFiles`) are arrays indexed by number: a path is hashed and found once where a build
/// names it, and comparing, copying or summing whole sites' tables are passes over arrays. At
/// 100,000 reports, looking 275,000 path strings up in several dictionaries was a sixth of the
/// time of a build after an edit to one source.
///
/// Paths are only ever added; any thread may call any method. Threads that look paths up share
/// the table (a readers-writer lock): the steps look up hundreds of thousands from both cores at
/// once, and one mutex made them take turns.
final class PathTable: @unchecked Sendable {
    private let lock = ReadWriteLock()
    /// The paths' UTF-8 bytes back to back; path `n` ends at `ends[n]`.
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    /// `ContentHash` of each path's bytes.
    private var keys: [UInt64] = []
    /// Open addressing: a path's number + 1 in the low 32 bits and the high 32 bits of its key in
    /// the rest, or 0 for a free slot; a power of two, at least twice the paths. With the key's bits
    /// in the slot a probe reads `keys` for no path but the one it finds.
    private var slots = [UInt64](repeating: 0, count: 1024)
    /// What `touch` read, kept so that its reads are not left out as unused.
    private let touched = Atomic<Int>(0)

    init() {}

    var count: Int { lock.reading { ends.count } }

    /// Makes room for `count` paths in all, so that adding them does not rehash the table.
    func reserve(_ count: Int) {
        lock.writing {
            keys.reserveCapacity(count)
            ends.reserveCapacity(count)
            bytes.reserveCapacity(count * 40)
            if count * 2 > slots.count { rehash(to: count * 2) }
        }
    }

    /// The number of `path`, which is added when new.
    func number(_ path: String) -> Int {
        var path = path
        return path.withUTF8 { number(UnsafeRawBufferPointer($0)) }
    }

    /// The number of the path whose UTF-8 bytes are `utf8`, which is added when new.
    func number(_ utf8: UnsafeRawBufferPointer) -> Int {
        let key = ContentHash.of(utf8)
        if let found = lock.reading({ find(utf8, key).found }) { return found }
        return lock.writing {
            let (found, slot) = find(utf8, key)
            if let found { return found }
            let n = add(utf8, key, at: slot)
            if ends.count * 2 > slots.count { rehash(to: slots.count * 2) }
            return n
        }
    }

    /// Adds a path the table lacks at the free slot its key led to; the caller holds the write lock.
    private func add(_ utf8: UnsafeRawBufferPointer, _ key: UInt64, at slot: Int) -> Int {
        let n = ends.count
        bytes.append(contentsOf: utf8)
        ends.append(bytes.count)
        keys.append(key)
        slots[slot] = Self.slot(n, key)
        return n
    }

    /// The numbers of the paths whose UTF-8 bytes lie back to back in `utf8`, path `i` ending at
    /// `pathEnds[i]`, each added when new; under one lock, as a saved manifest names them all at once.
    func numbers(_ utf8: UnsafeRawBufferPointer, ends pathEnds: [Int]) -> [Int] {
        lock.writing {
            if (ends.count + pathEnds.count) * 2 > slots.count { rehash(to: (ends.count + pathEnds.count) * 2) }
            bytes.reserveCapacity(bytes.count + utf8.count)
            var numbers: [Int] = []
            numbers.reserveCapacity(pathEnds.count)
            var keys = [UInt64](repeating: 0, count: Self.batch)
            for first in stride(from: 0, to: pathEnds.count, by: Self.batch) {
                let batch = first..<min(pathEnds.count, first + Self.batch)
                func path(_ i: Int) -> UnsafeRawBufferPointer {
                    UnsafeRawBufferPointer(rebasing: utf8[(i == 0 ? 0 : pathEnds[i - 1])..<pathEnds[i]])
                }
                for i in batch { keys[i - first] = ContentHash.of(path(i)) }
                touch(keys[..<batch.count])
                for i in batch {
                    let key = keys[i - first]
                    let (found, slot) = find(path(i), key)
                    numbers.append(found ?? add(path(i), key, at: slot))
                }
            }
            return numbers
        }
    }

    /// The number of `path`; nil when it was never added.
    func existing(_ path: String) -> Int? {
        var path = path
        return path.withUTF8 { utf8 in
            let raw = UnsafeRawBufferPointer(utf8)
            let key = ContentHash.of(raw)
            return lock.reading { find(raw, key).found }
        }
    }

    /// `existing` of each path, all found under one lock: the sources step looks up every file of
    /// the site, a source's files at a time.
    func existing(_ paths: some Collection<String>) -> [Int?] {
        var paths = Array(paths)
        let keys = paths.indices.map { i in paths[i].withUTF8 { ContentHash.of(UnsafeRawBufferPointer($0)) } }
        return lock.reading {
            touch(keys[...])
            return paths.indices.map { i in paths[i].withUTF8 { find(UnsafeRawBufferPointer($0), keys[i]).found } }
        }
    }

    /// Paths hashed and looked up at a time by `numbers`.
    private static let batch = 32

    /// Reads the slots and the paths' ends that `keys` lead to before they are probed one by one: a
    /// table of 275,000 paths is megabytes, and read back to back the misses overlap rather than
    /// wait on each other.
    private func touch(_ keys: ArraySlice<UInt64>) {
        let mask = slots.count - 1
        var sum = 0
        slots.withUnsafeBufferPointer { slots in
            ends.withUnsafeBufferPointer { ends in
                for key in keys {
                    let entry = slots[Int(truncatingIfNeeded: key) & mask]
                    if entry != 0 { sum &+= ends[Int(entry & 0xFFFF_FFFF) - 1] }
                }
            }
        }
        touched.wrappingAdd(sum, ordering: .relaxed)
    }

    /// The path numbered `n`.
    func path(_ n: Int) -> String {
        lock.reading { String(decoding: bytes[start(n)..<ends[n]], as: UTF8.self) }
    }

    /// `ContentHash` of the bytes of the path numbered `n`.
    func key(_ n: Int) -> UInt64 {
        lock.reading { keys[n] }
    }

    /// Appends the bytes of the path numbered `n` to `out`.
    func append(_ n: Int, to out: inout [UInt8]) {
        lock.reading { out += bytes[start(n)..<ends[n]] }
    }

    /// How many of the paths numbered `numbers` end with `suffix`'s bytes, under one lock.
    func count(_ numbers: some Sequence<Int>, hasSuffix suffix: String) -> Int {
        let suffix = Array(suffix.utf8)
        return lock.reading {
            bytes.withUnsafeBytes { all in
                numbers.reduce(0) { sum, n in
                    let end = ends[n]
                    guard end - start(n) >= suffix.count else { return sum }
                    return sum + (memcmp(all.baseAddress! + end - suffix.count, suffix, suffix.count) == 0 ? 1 : 0)
                }
            }
        }
    }

    private func start(_ n: Int) -> Int { n == 0 ? 0 : ends[n - 1] }

    /// The number of the path `utf8` hashed to `key`, or the free slot where it goes.
    private func find(_ utf8: UnsafeRawBufferPointer, _ key: UInt64) -> (found: Int?, slot: Int) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: key) & mask
        let tag = key >> 32
        while true {
            let entry = slots[slot]
            if entry == 0 { return (nil, slot) }
            if entry >> 32 == tag {
                let n = Int(entry & 0xFFFF_FFFF) - 1
                let from = start(n), length = ends[n] - from
                let same = length == utf8.count && bytes.withUnsafeBytes { all in
                    length == 0 || memcmp(all.baseAddress! + from, utf8.baseAddress!, length) == 0
                }
                if same { return (n, slot) }
            }
            slot = (slot + 1) & mask
        }
    }

    private func rehash(to size: Int) {
        var count = slots.count
        while count < size { count *= 2 }
        slots = [UInt64](repeating: 0, count: count)
        let mask = count - 1
        for (n, key) in keys.enumerated() {
            var slot = Int(truncatingIfNeeded: key) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Self.slot(n, key)
        }
    }

    /// The slot entry of path `n`, whose key is `key`.
    private static func slot(_ n: Int, _ key: UInt64) -> UInt64 {
        key & 0xFFFF_FFFF_0000_0000 | UInt64(n + 1)
    }
}
