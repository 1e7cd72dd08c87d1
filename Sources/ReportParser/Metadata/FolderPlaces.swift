/// The places a source's folders name (`浙江省/宁波市/余姚市-2023.txt`), outermost first.
///
/// A folder counts only when its whole name is a place the gazetteer knows (a province, prefecture
/// or county), so `archive parse some/dir/file.txt` reads nothing from `some` or `dir`. A name several
/// places share (宝山区) counts when an outer folder settles it (`上海市/宝山区`), else not at all.
enum FolderPlaces {
    /// The folder names of a source name: every path component but the last.
    static func folderNames(of source: String) -> [String] {
        source.split(separator: "/", omittingEmptySubsequences: true).dropLast().map(String.init)
    }

    static func of(source: String, in gazetteer: Gazetteer) -> [Gazetteer.Place] {
        var chain: [Gazetteer.Place] = []
        for name in folderNames(of: source) {
            let places = gazetteer.places(named: name)
            // A city that is also its own prefecture (上海市) is one place: the outer is kept.
            let outer = places.filter { place in !places.contains { isAncestor($0, of: place, in: gazetteer) } }
            let under = outer.filter { place in chain.last.map { isAncestor($0, of: place, in: gazetteer) } ?? true }
            if under.count == 1 { chain.append(under[0]) }
        }
        return chain
    }

    static func isAncestor(_ a: Gazetteer.Place, of place: Gazetteer.Place, in gazetteer: Gazetteer) -> Bool {
        var up = gazetteer.parent(of: place)
        while let p = up {
            if p.code == a.code { return true }
            up = gazetteer.parent(of: p)
        }
        return false
    }
}
