import ReportModel

/// The words every page, list, chip, chart and breadcrumb uses for what a source leaves out, so
/// that a reader meets one name for one thing. The data (JSON, CSV, front matter) keeps what the
/// source says; only what pages show comes from here.
enum Vocabulary {
    /// The first link of every breadcrumb.
    static let home = "首页"
    /// A report whose year the source does not give (or hides).
    static let unknownYear = "年份不详"
    /// `年份不详` under a chart's bar, on two lines: four Han characters are wider than a year's slot.
    static let unknownYearBarLabel = "年份\n不详"
    /// A region the source does not name (or hides), with no level known.
    static let unknownRegion = "地区未知"

    /// `县级`, `市级`, `省级` for the kind of government a report's issuer is (`Region.level`:
    /// 区 县 旗 are county level; 市 州 盟 地区 prefecture level, a 市 being taken as the usual
    /// prefecture-level city; 省 province level); nil for anything else.
    static func rank(ofLevel level: String?) -> String? {
        switch level {
        case "区", "县", "旗": "县级"
        case "市", "州", "盟", "地区": "市级"
        case "省": "省级"
        default: nil
        }
    }

    /// `地区未知（县级）` when the level is known, else `地区未知`.
    static func unknownRegion(level: String?) -> String {
        rank(ofLevel: level).map { "\(unknownRegion)（\($0)）" } ?? unknownRegion
    }

    /// `地区未知（县级）` for the part of a region its source hides: a county-level issuer (区 县 旗) under a
    /// named province or prefecture, or a prefecture-level one (市 州 盟) under a named province; nil when
    /// nothing is hidden. `rank` is how many of the region's names are known (1 province, 2 prefecture).
    static func hiddenPart(level: String?, rank: Int) -> String? {
        switch (rank, level) {
        case (1...2, "区"), (1...2, "县"), (1...2, "旗"), (1, "市"), (1, "州"), (1, "盟"): unknownRegion(level: level)
        default: nil
        }
    }

    /// The hidden part of `region`, as lists show it after the names it has.
    static func hiddenPart(of region: Region) -> String? {
        guard region.county == nil else { return nil }
        return hiddenPart(level: region.level, rank: region.prefecture != nil ? 2 : region.province != nil ? 1 : 0)
    }

    /// A year as lists and chips show it: `2023`, or `年份不详`.
    static func year(_ year: Int?) -> String {
        year.map(String.init) ?? unknownYear
    }

    /// A region as lists and meta lines show it: its names joined by ` › `, or the unknown-region
    /// label with its level when the source names none.
    static func region(_ region: Region) -> String {
        let names = [region.province, region.prefecture, region.county].compactMap { $0 }
        return names.isEmpty ? unknownRegion(level: region.level) : names.joined(separator: " › ")
    }
}
