import ReportModel

/// Names a report's region from the gazetteer, never guessing: the issuing office's own name
/// decides when it has one; otherwise places the body keeps coming back to, if one clearly dominates.
/// A hidden name (xx区) stays null; the level is kept.
struct RegionResolver {
    var gazetteer: Gazetteer

    struct Result {
        var region: Region
        var from: String?
    }

    /// - Parameters:
    ///   - offices: offices that name the report's issuer (signature first, then title), strongest first.
    ///   - level: the government level the text shows, if any.
    ///   - body: the report's text, for the places it mentions.
    func resolve(offices: [(office: OfficeName, from: String)], level: String?, body: LazyText) -> Result {
        // Scanning the body costs more than the rest of the metadata: only when the offices leave doubt.
        lazy var mentions = gazetteer.mentions(in: body.value, includeShortNames: true)
        for (office, from) in offices where office.hasName {
            let named = gazetteer.mentions(in: office.prefix, includeShortNames: false)
            guard let deepest = named.map(\.place.rank).max() else { continue }
            let candidates = named.filter { $0.place.rank == deepest }.map(\.place)
            if let place = candidates.count == 1 ? candidates[0] : settle(candidates, by: mentions) {
                return Result(region: gazetteer.region(for: place), from: from)
            }
        }
        var region = fromBody(mentions, level: level)
        if region.level == nil { region.level = level }
        return Result(region: region, from: region.isEmpty ? nil : "body")
    }

    /// One of several places sharing a name (通州区), picked by the other places the text names.
    private func settle(_ candidates: [Gazetteer.Place], by mentions: [Gazetteer.Mention]) -> Gazetteer.Place? {
        guard candidates.count > 1 else { return candidates.first }
        var named = Set<String>(minimumCapacity: mentions.count)
        for i in mentions.indices { named.insert(mentions[i].place.code) }
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

    private func fromBody(_ mentions: [Gazetteer.Mention], level: String?) -> Region {
        // Counties by full name, repeated and dominant, of the report's own level.
        var counties: [String: (count: Int, places: [Gazetteer.Place])] = [:]
        var seenAt = Set<Int>()
        // A one-character core (城区, 成县) is too often an accident of the text to count.
        // Mentions read by index here and below: `for m in mentions` copied each (a retain per string of its place).
        for i in mentions.indices
        where mentions[i].place.rank == .county && !mentions[i].isShortName && mentions[i].place.name.unicodeScalars.count >= 3 {
            let place = mentions[i].place
            if seenAt.insert(mentions[i].utf8Offset).inserted { counties[place.name, default: (0, [])].count += 1 }
            if !(counties[place.name]?.places.contains(place) ?? false) { counties[place.name]?.places.append(place) }
        }
        let rankedCounties = counties.sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }
        if let top = rankedCounties.first,
           top.value.count >= 3 && (rankedCounties.count == 1 || top.value.count >= 2 * rankedCounties[1].value.count)
            || top.value.count >= 2 && rankedCounties.count == 1,
           level == nil || top.key.hasSuffix(level!),
           let place = settle(top.value.places, by: mentions) {
            return gazetteer.region(for: place)
        }

        // Prefectures: full names, and short names backed by their province.
        var provinceNamed = Set<String>()
        for i in mentions.indices where mentions[i].place.rank == .province { provinceNamed.insert(mentions[i].place.code) }
        var votes: [String: Int] = [:]
        var countedAt = Set<Int>()
        for i in mentions.indices where countedAt.insert(mentions[i].utf8Offset).inserted {
            switch mentions[i].place.rank {
            case .prefecture:
                if !mentions[i].isShortName || mentions[i].place.parentCode.map(provinceNamed.contains) == true {
                    votes[mentions[i].place.code, default: 0] += 1
                }
            case .county, .province:
                break  // a county the body names is another place (a partner, a school's home), not evidence
            }
        }
        if let code = dominant(votes), let place = gazetteer.place(code: code) {
            var region = gazetteer.region(for: place)
            region.level = nil  // the prefecture is where the report is from, not its level
            return region
        }

        var provinceVotes: [String: Int] = [:]
        for i in mentions.indices where mentions[i].place.rank == .province { provinceVotes[mentions[i].place.code, default: 0] += 1 }
        if let code = dominant(provinceVotes), let place = gazetteer.place(code: code) {
            var region = gazetteer.region(for: place)
            region.level = nil
            return region
        }
        return Region()
    }

    /// The key with at least two votes and twice as many as any other.
    private func dominant(_ votes: [String: Int]) -> String? {
        let ranked = votes.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
        guard let top = ranked.first, top.value >= 2 else { return nil }
        if ranked.count > 1, top.value < 2 * ranked[1].value { return nil }
        return top.key
    }
}
