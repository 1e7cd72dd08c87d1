import ReportModel

/// Names a report's region from the gazetteer, never guessing: a place named where the report
/// names itself (title, signature, head, the opening's office, first heading) or the folder the source is
/// filed in decides, in the order of `MetadataRanking.region` (a title or signature that disagrees with the
/// folder is kept, with a warning); otherwise the body's own voice (`和田县教育局组织…`, a name beside 全县),
/// then places the body keeps coming back to, if one clearly dominates. Names in passing (a visit,
/// a neighbour, a list, a quoted document's issuer) are never evidence. A name several places share
/// (宝山区) needs an ancestor named in one of those strong ways; a hidden name (xx区) stays null; the level is kept.
struct RegionResolver {
    var gazetteer: Gazetteer

    struct Result {
        var region: Region
        var from: String?
        /// A title or signature naming a place that disagrees with the folder's.
        var warnings: [String] = []
    }

    /// A text where the report names itself, and which source it is.
    struct Named {
        var text: String
        var from: Evidence
    }

    /// - Parameters:
    ///   - named: the title, signature, head lines, the opening's office and the first heading, in ranking order.
    ///   - folders: the places the source's folders name, outermost first (`FolderPlaces`); the
    ///     innermost ranks as `MetadataRanking.region` says, and all of them settle shared names.
    ///   - level: the government level the text shows, if any; asked for only where it counts.
    ///   - body: the report's text, for the places it mentions.
    func resolve(named: [Named], folders: [Gazetteer.Place] = [], level shown: @autoclosure () -> String?, body: LazyText) -> Result {
        lazy var level = shown()
        // Scanning the body costs more than the rest of the metadata: only when the strong sources leave doubt.
        lazy var mentions = judged(body.value, shortForms: false)
        var strong: [(places: [Gazetteer.Place], from: Evidence)] = []
        for i in named.indices {
            let places = judged(named[i].text, shortForms: MetadataRanking.shortFormSources.contains(named[i].from))
                .filter { $0.role > .incidental }.map(\.place)
            guard !places.isEmpty else { continue }
            strong.append((places, named[i].from))
        }
        if let folder = folders.last {
            let rank = { (e: Evidence) in MetadataRanking.region.firstIndex(of: e) ?? Int.max }
            let at = strong.firstIndex { rank($0.from) > rank(.folder) } ?? strong.count
            strong.insert(([folder], .folder), at: at)
        }
        // The body's own voice: full names followed by their office or organ, or beside 全县.
        lazy var voice = mentions.filter { $0.role == .voice && !$0.isShortName }
        // Places named in those strong ways, every folder's, and the voice's: hashed only for a shared name to settle.
        lazy var ancestors = {
            var codes = Set(folders.map(\.code))
            for source in strong { for place in source.places { codes.insert(place.code) } }
            for m in voice { codes.insert(m.place.code) }
            return codes
        }()

        if let first = strong.first {
            var candidates = deepest(first.places)
            // A later source may name a place under it: 宁波市 in the title, 余姚市教育局 signing.
            for later in strong.dropFirst() {
                let under = deepest(later.places).filter { place in candidates.contains { isAncestor($0, of: place) } }
                if !under.isEmpty { candidates = under }
            }
            if let place = settle(candidates, by: ancestors) {
                var result = Result(region: gazetteer.region(for: place), from: first.from.rawValue)
                if first.from == .folder, place.rank != .county { result.region.level = level }
                if let folder = folders.last, MetadataRanking.overFolder.contains(first.from), place != folder,
                   !isAncestor(place, of: folder), !isAncestor(folder, of: place) {
                    result.warnings.append("region: the \(first.from.rawValue) names \(place.name), the folder \(folder.name); "
                        + "the \(first.from.rawValue)'s is kept")
                }
                return result
            }
            // Named but not settled (宝山区 alone): nothing the body says outranks the title.
            return Result(region: Region(level: level ?? candidates.first.map { Self.kind(of: $0) }), from: nil)
        }

        if let region = fromVoice(voice, level: level, ancestors: ancestors) {
            return Result(region: region, from: Evidence.bodyVoice.rawValue)
        }
        var region = fromBody(mentions, level: level, ancestors: ancestors)
        if region.level == nil { region.level = level }
        return Result(region: region, from: region.isEmpty ? nil : Evidence.body.rawValue)
    }

    /// A place mention with how it stands in its text.
    struct Judged {
        var place: Gazetteer.Place
        var utf8Offset: Int
        var isShortName: Bool
        var role: MentionRole
    }

    /// Every place named in `text`, each judged by its surroundings; with `shortForms`, county
    /// short forms too where a name is expected (汝南教育局, 汝南2016年…).
    func judged(_ text: String, shortForms: Bool) -> [Judged] {
        var mentions: [Gazetteer.Span] = []
        var out: [Judged] = []
        let places = gazetteer.allPlaces
        let judge = { (bytes: UnsafeBufferPointer<UInt8>) in
            mentions = gazetteer.spans(in: bytes, includeShortNames: true)
            out.reserveCapacity(mentions.count)
            var window = ScalarWindow(bytes, around: 0..<0, reachBefore: 0, reachAfter: 0)
            if !mentions.isEmpty {
                // Room for a whole window from the first name on, rather than growing a step at a time.
                window.before.reserveCapacity(MentionRole.reachBefore)
                window.after.reserveCapacity(MentionRole.reachAfter)
            }
            for i in mentions.indices {
                let m = mentions[i]
                // Read by no rule in a body (a province's short form, a one-character county core): left unjudged.
                if !shortForms, m.isShortName && places[m.place].rank == .province
                    || places[m.place].rank == .county && places[m.place].name.utf8.count <= 6 {
                    out.append(Judged(place: places[m.place], utf8Offset: m.utf8Offset, isShortName: m.isShortName, role: .plain))
                    continue
                }
                var role = MentionRole.incidental
                // A name in a list is in passing whatever surrounds it: its window is not read.
                if !Self.listed(mentions, i, bytes) {
                    window.fill(bytes, around: m.utf8Offset..<(m.utf8Offset + m.utf8Length),
                                reachBefore: MentionRole.reachBefore, reachAfter: MentionRole.reachAfter)
                    let level = m.isShortName ? nil : places[m.place].name.unicodeScalars.last
                    role = MentionRole.of(window, level: level, inList: false)
                }
                // A name right after an incidental one is part of it: 同上海市闵行区, 赴黑龙江省齐齐哈尔市.
                // Found by index: the judged mention itself is not copied.
                if let previous = out.lastIndex(where: { $0.utf8Offset < m.utf8Offset }), out[previous].role == .incidental,
                   let p = mentions[..<i].last(where: { $0.utf8Offset == out[previous].utf8Offset }), p.utf8Offset + p.utf8Length == m.utf8Offset {
                    role = .incidental
                }
                out.append(Judged(place: places[m.place], utf8Offset: m.utf8Offset, isShortName: m.isShortName, role: role))
            }
            if shortForms { out += countyShortForms(in: bytes, covered: mentions) }
        }
        if text.utf8.withContiguousStorageIfAvailable(judge) == nil { Array(text.utf8).withUnsafeBufferPointer(judge) }
        return out
    }

    /// Whether mention `i` and a neighbour stand across a list mark (、和及与) with nothing else between.
    private static func listed(_ mentions: [Gazetteer.Span], _ i: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        func joined(_ a: Gazetteer.Span, _ b: Gazetteer.Span) -> Bool {
            let gap = a.utf8Offset + a.utf8Length
            guard b.utf8Offset - gap == 3 else { return false }  // one CJK mark, three bytes
            let mark = Scalars(utf8: UnsafeBufferPointer(rebasing: bytes[gap..<b.utf8Offset]))
            return mark.count == 1 && MentionRole.listMarks.contains(mark[0])
        }
        var j = i + 1  // homonyms share a span: skip them
        while j < mentions.count, mentions[j].utf8Offset == mentions[i].utf8Offset { j += 1 }
        if j < mentions.count, joined(mentions[i], mentions[j]) { return true }
        var k = i - 1
        while k >= 0, mentions[k].utf8Offset == mentions[i].utf8Offset { k -= 1 }
        return k >= 0 && joined(mentions[k], mentions[i])
    }

    /// County short forms in a short text, where the name stands alone (at the start, after a
    /// non-Han character or after a larger place) and an office, 教育 or a year follows:
    /// `汝南教育局`, `河南省汝南2016年…`. Tried only before such a follower, so a title costs a few lookups.
    private func countyShortForms(in text: UnsafeBufferPointer<UInt8>, covered: [Gazetteer.Span]) -> [Judged] {
        let s = Scalars(utf8: text)
        // Byte offset of each scalar, to match the full mentions' spans; made only for a text that reaches a look-up.
        lazy var offsets = {
            var offsets = [Int](repeating: 0, count: s.count + 1)
            for i in s.indices {
                let v = s[i].value
                offsets[i + 1] = offsets[i] + (v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4)
            }
            return offsets
        }()
        func isCovered(_ i: Int) -> Bool { covered.contains { offsets[i] >= $0.utf8Offset && offsets[i] < $0.utf8Offset + $0.utf8Length } }
        func endsMention(_ i: Int) -> Bool { covered.contains { $0.utf8Offset + $0.utf8Length == offsets[i] } }
        var out: [Judged] = []
        var end = 2
        while end < s.count {
            defer { end += 1 }
            guard s[end].digitValue != nil || Self.followerLeads.contains(s[end]) else { continue }
            guard s[end].digitValue != nil || MentionRole.ownAfter.contains(where: { s.hasPrefix($0, at: end) }) else { continue }
            // Every length tried ends at the same scalar: one bit test spares most positions the look-ups.
            guard gazetteer.mayEndCountyShortForm(s[end - 1]) else { continue }
            for length in Gazetteer.countyShortFormLengths where end - length >= 0 {
                let i = end - length
                guard gazetteer.mayStartCountyShortForm(s[i]), i == 0 || !s[i - 1].isHan || endsMention(i),
                      !(i..<end).contains(where: isCovered), let place = gazetteer.county(shortNamed: s[i..<end].string) else { continue }
                out.append(Judged(place: place, utf8Offset: offsets[i], isShortName: true, role: .voice))
                break
            }
        }
        return out
    }

    /// First scalars of the words that may follow a county short form (教育局, 人民政府, 委 …).
    /// A bit table, not a `Set`: every scalar of each title, signature and head line is tested.
    private static let followerLeads: ScalarBits = {
        var bits = ScalarBits()
        for lead in MentionRole.ownAfter.compactMap(\.first) { bits.insert(lead) }
        return bits
    }()

    /// The deepest-ranked places of a list.
    private func deepest(_ places: [Gazetteer.Place]) -> [Gazetteer.Place] {
        guard let rank = places.map(\.rank).max() else { return [] }
        var out: [Gazetteer.Place] = []
        for place in places where place.rank == rank && !out.contains(place) { out.append(place) }
        return out
    }

    private func isAncestor(_ a: Gazetteer.Place, of place: Gazetteer.Place) -> Bool {
        var up = gazetteer.parent(of: place)
        while let p = up {
            if p.code == a.code { return true }
            up = gazetteer.parent(of: p)
        }
        return false
    }

    /// 县, 市, 区 …: the kind a place's name ends in.
    private static func kind(of place: Gazetteer.Place) -> String {
        place.name.hasSuffix("地区") ? "地区" : String(place.name.suffix(1))
    }

    /// One of several candidates (places sharing a name, 通州区; or different names side by side),
    /// picked by an ancestor named in a strong position or in the body's own voice.
    private func settle(_ candidates: [Gazetteer.Place], by ancestors: @autoclosure () -> Set<String>) -> Gazetteer.Place? {
        guard candidates.count > 1 else { return candidates.first }
        let named = ancestors()
        let supported = candidates.filter { place in
            var ancestor = gazetteer.parent(of: place)
            while let a = ancestor {
                if named.contains(a.code) { return true }
                ancestor = gazetteer.parent(of: a)
            }
            return false
        }
        return supported.count == 1 ? supported[0] : nil
    }

    /// The body's own voice: the deepest rank it names, one name clearly more often than any other.
    private func fromVoice(_ voice: [Judged], level: String?, ancestors: @autoclosure () -> Set<String>) -> Region? {
        for rank in [Gazetteer.Rank.county, .prefecture, .province] {
            var counts: [String: (count: Int, places: [Gazetteer.Place])] = [:]
            var seenAt = Set<Int>()
            for m in voice where m.place.rank == rank {
                if seenAt.insert(m.utf8Offset).inserted { counts[m.place.name, default: (0, [])].count += 1 }
                if !(counts[m.place.name]?.places.contains(m.place) ?? false) { counts[m.place.name]?.places.append(m.place) }
            }
            let ranked = counts.sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }
            guard let top = ranked.first else { continue }
            guard ranked.count == 1 || top.value.count > ranked[1].value.count else { return nil }
            // Only the report's own level speaks for it: a 区 report names its province's office as an authority.
            if let level, !top.key.hasSuffix(level) { continue }
            guard let place = settle(top.value.places, by: ancestors()) else { return Region(level: level ?? Self.kind(of: top.value.places[0])) }
            var region = gazetteer.region(for: place)
            if rank != .county { region.level = level }  // the prefecture is where the report is from, not its level
            return region
        }
        return nil
    }

    /// Places the body keeps coming back to; names in passing (`incidental`) are not counted.
    private func fromBody(_ all: [Judged], level: String?, ancestors: @autoclosure () -> Set<String>) -> Region {
        // By index, names in passing skipped in place: a mention copied retains its place's four strings.
        let mentions = all.indices.lazy.filter { all[$0].role > .incidental }
        // Counties by full name, repeated and dominant, of the report's own level.
        var counties: [String: (count: Int, places: [Gazetteer.Place])] = [:]
        var seenAt = Set<Int>()
        // A one-character core (城区, 成县) is too often an accident of the text to count.
        for i in mentions where all[i].place.rank == .county && !all[i].isShortName && all[i].place.name.unicodeScalars.count >= 3 {
            let place = all[i].place
            if seenAt.insert(all[i].utf8Offset).inserted { counties[place.name, default: (0, [])].count += 1 }
            if !(counties[place.name]?.places.contains(place) ?? false) { counties[place.name]?.places.append(place) }
        }
        let rankedCounties = counties.sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }
        if let top = rankedCounties.first,
           top.value.count >= MetadataRanking.bodyCountyMinimum && (rankedCounties.count == 1 || top.value.count >= 2 * rankedCounties[1].value.count)
            || top.value.count >= MetadataRanking.bodyLoneCountyMinimum && rankedCounties.count == 1,
           level == nil || top.key.hasSuffix(level!) {
            guard let place = settle(top.value.places, by: ancestors()) else { return Region() }
            return gazetteer.region(for: place)
        }

        // Prefectures: full names, and short names backed by their province.
        var provinceNamed = Set<String>()
        for i in mentions where all[i].place.rank == .province { provinceNamed.insert(all[i].place.code) }
        var votes: [String: Int] = [:]
        var countedAt = Set<Int>()
        for i in mentions where all[i].place.rank == .prefecture && countedAt.insert(all[i].utf8Offset).inserted {
            if !all[i].isShortName || all[i].place.parentCode.map(provinceNamed.contains) == true {
                votes[all[i].place.code, default: 0] += 1
            }
        }
        if let code = dominant(votes), let place = gazetteer.place(code: code) {
            var region = gazetteer.region(for: place)
            region.level = nil  // the prefecture is where the report is from, not its level
            return region
        }

        // Provinces by full name only: a short one (澳门, 台湾, 广东) is as often spam, a slogan or a list.
        var provinceVotes: [String: Int] = [:]
        for i in mentions where all[i].place.rank == .province && !all[i].isShortName { provinceVotes[all[i].place.code, default: 0] += 1 }
        if let code = dominant(provinceVotes), let place = gazetteer.place(code: code) {
            var region = gazetteer.region(for: place)
            region.level = nil
            return region
        }
        return Region()
    }

    /// The key with enough votes and twice as many as any other.
    private func dominant(_ votes: [String: Int]) -> String? {
        let ranked = votes.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
        guard let top = ranked.first, top.value >= MetadataRanking.bodyVoteMinimum else { return nil }
        if ranked.count > 1, top.value < 2 * ranked[1].value { return nil }
        return top.key
    }
}
