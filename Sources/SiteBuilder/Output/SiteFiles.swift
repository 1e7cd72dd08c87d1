/// The content hash of each file of a site, by the number of its path in a `PathTable`. The
/// tables of one build session (the site in place, the spare, the staging folder, the manifest's
/// base) share their `PathTable`, so they are compared and copied number by number.
struct SiteFiles: Sendable {
    let paths: PathTable
    /// Indexed by path number; nil, or past the end: the site has no file at that path.
    private var hashes: [UInt64?] = []
    /// How many files the site has.
    private(set) var count = 0

    init(paths: PathTable = PathTable()) {
        self.paths = paths
    }

    init(_ files: [String: UInt64], paths: PathTable = PathTable()) {
        self.paths = paths
        for (path, hash) in files { self[path] = hash }
    }

    var isEmpty: Bool { count == 0 }

    subscript(number: Int) -> UInt64? {
        get { number < hashes.count ? hashes[number] : nil }
        set {
            if number >= hashes.count {
                guard newValue != nil else { return }
                hashes += repeatElement(nil, count: number + 1 - hashes.count)
            }
            count += (newValue == nil ? 0 : 1) - (hashes[number] == nil ? 0 : 1)
            hashes[number] = newValue
        }
    }

    subscript(path: String) -> UInt64? {
        get { paths.existing(path).flatMap { self[$0] } }
        set {
            if newValue != nil {
                self[paths.number(path)] = newValue
            } else if let number = paths.existing(path) {
                self[number] = nil
            }
        }
    }

    /// The numbers of the paths the site has a file at, in increasing order.
    var numbers: LazyFilterSequence<Range<Int>> {
        let hashes = hashes
        return hashes.indices.lazy.filter { hashes[$0] != nil }
    }

    mutating func reserveCapacity(_ count: Int) {
        hashes.reserveCapacity(count)
    }

    /// The same files numbered in `table`: themselves when they already are.
    func renumbered(in table: PathTable) -> SiteFiles {
        guard table !== paths else { return self }
        var files = SiteFiles(paths: table)
        for n in numbers { files[table.number(paths.path(n))] = self[n] }
        return files
    }

    /// The files `base` lacks or holds with other bytes, and the numbers of those it holds that
    /// these lack, numbered in this table.
    func differences(from base: SiteFiles) -> (changed: [(number: Int, hash: UInt64)], gone: [Int]) {
        let base = base.renumbered(in: paths)
        var changed: [(number: Int, hash: UInt64)] = []
        var gone: [Int] = []
        for n in 0..<max(hashes.count, base.hashes.count) {
            switch (self[n], base[n]) {
            case (let hash?, let old): if hash != old { changed.append((n, hash)) }
            case (nil, _?): gone.append(n)
            case (nil, nil): break
            }
        }
        return (changed, gone)
    }
}

extension SiteFiles: Equatable {
    /// The same paths with the same hashes, whatever the tables.
    static func == (a: SiteFiles, b: SiteFiles) -> Bool {
        guard a.count == b.count else { return false }
        if a.paths === b.paths {
            return (0..<max(a.hashes.count, b.hashes.count)).allSatisfy { a[$0] == b[$0] }
        }
        return b.numbers.allSatisfy { a[b.paths.path($0)] == b[$0] }
    }
}

extension SiteFiles: ExpressibleByDictionaryLiteral {
    init(dictionaryLiteral elements: (String, UInt64)...) {
        self.init(Dictionary(uniqueKeysWithValues: elements))
    }
}

extension SiteFiles: CustomStringConvertible {
    var description: String {
        numbers.map { (paths.path($0), self[$0]!) }.sorted { $0.0 < $1.0 }.description
    }
}
