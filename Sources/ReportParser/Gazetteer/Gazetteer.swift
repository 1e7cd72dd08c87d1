import Foundation
import ReportModel

/// China's provinces, prefectures and county-level units, so the parser can name a report's region.
///
/// Read from `gazetteer.tsv` (built by Scripts/make-gazetteer.py). The 6-digit codes carry
/// the hierarchy, but parents come from the file because municipalities and
/// province-administered cities (仙桃市) skip the prefecture level.
public struct Gazetteer: Sendable {
    public enum Rank: Int, Sendable, Comparable {
        case province = 1, prefecture = 2, county = 3

        public static func < (lhs: Rank, rhs: Rank) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public struct Place: Sendable, Hashable {
        /// 6 digits.
        public let code: String
        /// Full name: 浙江省, 楚雄彝族自治州, 通州区.
        public let name: String
        /// 浙江, 楚雄; nil for counties and for forms too short, generic or shared with a larger place.
        public let shortName: String?
        public let rank: Rank
        public let parentCode: String?
    }

    /// A place name found in text.
    public struct Mention: Sendable, Hashable {
        public let place: Place
        /// Byte offset in the text's UTF-8.
        public let utf8Offset: Int
        public let utf8Length: Int
        public let isShortName: Bool
    }

    /// A gazetteer line that cannot be used; `line` counts from 1.
    public struct FormatError: Error, CustomStringConvertible {
        public let line: Int
        public let reason: String

        public var description: String { "gazetteer line \(line): \(reason)" }
    }

    public static let shared: Gazetteer = {
        guard let url = Bundle.module.url(forResource: "gazetteer", withExtension: "tsv") else {
            fatalError("ReportParser resource gazetteer.tsv is missing from Bundle.module; check Package.swift resources")
        }
        do {
            return try Gazetteer(tsv: String(contentsOf: url, encoding: .utf8))
        } catch {
            fatalError("Cannot load gazetteer.tsv: \(error)")
        }
    }()

    /// The tables, held by reference: a report's metadata passes the gazetteer through several
    /// values and calls, and a copy of the struct retained each of its tables.
    private final class Tables: Sendable {
        let all: [Place]
        let indexByCode: [String: Int]
        let indexByName: [String: [Int]]
        let indexByShortName: [String: [Int]]
        /// County short forms (汝南 for 汝南县), by index: only those no other place shares.
        let countyIndexByShortForm: [String: Int]
        /// The first and last scalars of those short forms: most places a scan tries start or end in none of them.
        let countyShortFormStarts: ScalarBits
        let countyShortFormEnds: ScalarBits
        /// Each place's region, by index: most reports ask for one.
        let regions: [Region]
        let nameIndex: NameIndex

        init(all: [Place], indexByCode: [String: Int], indexByName: [String: [Int]], indexByShortName: [String: [Int]],
             countyIndexByShortForm: [String: Int], countyShortFormStarts: ScalarBits, countyShortFormEnds: ScalarBits,
             regions: [Region], nameIndex: NameIndex) {
            self.all = all
            self.indexByCode = indexByCode
            self.indexByName = indexByName
            self.indexByShortName = indexByShortName
            self.countyIndexByShortForm = countyIndexByShortForm
            self.countyShortFormStarts = countyShortFormStarts
            self.countyShortFormEnds = countyShortFormEnds
            self.regions = regions
            self.nameIndex = nameIndex
        }
    }

    private let tables: Tables
    var nameIndex: NameIndex { tables.nameIndex }

    /// Parses `code<TAB>name<TAB>parent_code` lines; `#` lines and blank lines are skipped.
    public init(tsv: String) throws {
        var rows: [(line: Int, code: String, name: String, rank: Rank, parent: String?)] = []
        var lineNumber = 0
        // Split as UTF-8 bytes, a "\r" before "\n" dropped: splitting by Character took a tenth of the load.
        for var line in tsv.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.last == 0x0D { line = line.dropLast() }
            if line.isEmpty || line.first == UInt8(ascii: "#") { continue }
            let fields = line.split(separator: 0x09, omittingEmptySubsequences: false).map { String(Substring($0)) }
            guard fields.count == 3 else {
                throw FormatError(line: lineNumber, reason: "expected 3 tab-separated fields, found \(fields.count)")
            }
            let (code, name, parent) = (fields[0], fields[1], fields[2])
            guard Self.isCode(code) else { throw FormatError(line: lineNumber, reason: "code '\(code)' is not 6 digits") }
            guard name.unicodeScalars.count >= 2 else { throw FormatError(line: lineNumber, reason: "name '\(name)' is too short") }
            let rank = Self.rank(ofCode: code)
            guard (rank == .province) == parent.isEmpty, parent.isEmpty || Self.isCode(parent) else {
                throw FormatError(line: lineNumber, reason: "parent '\(parent)' does not fit code \(code)")
            }
            rows.append((lineNumber, code, name, rank, parent.isEmpty ? nil : parent))
        }

        var rankByCode: [String: Rank] = [:]
        for row in rows {
            guard rankByCode.updateValue(row.rank, forKey: row.code) == nil else {
                throw FormatError(line: row.line, reason: "duplicate code \(row.code)")
            }
        }
        for row in rows {
            if let parent = row.parent, (rankByCode[parent] ?? row.rank) >= row.rank {
                throw FormatError(line: row.line, reason: "parent \(parent) is not a larger place in the file")
            }
        }

        let shortForms = rows.map { Self.shortForm(of: $0.name, rank: $0.rank) }
        var topRankByShortForm: [String: Rank] = [:]
        for (row, short) in zip(rows, shortForms) {
            guard let short else { continue }
            topRankByShortForm[short] = min(topRankByShortForm[short] ?? row.rank, row.rank)
        }
        let places = zip(rows, shortForms).map { row, short in
            Place(code: row.code, name: row.name,
                  shortName: short.flatMap { topRankByShortForm[$0] == row.rank ? $0 : nil },
                  rank: row.rank, parentCode: row.parent)
        }
        var byShortName: [String: [Int]] = [:]
        for (index, place) in places.enumerated() {
            if let short = place.shortName { byShortName[short, default: []].append(index) }
        }
        let indexByCode = Dictionary(uniqueKeysWithValues: places.indices.map { (places[$0].code, $0) })
        let countyIndexByShortForm = Self.countyShortForms(places)
        var starts = ScalarBits(), ends = ScalarBits()
        for form in countyIndexByShortForm.keys {
            if let first = form.unicodeScalars.first, first.value < 0x10000 { starts.insert(first) }
            if let last = form.unicodeScalars.last, last.value < 0x10000 { ends.insert(last) }
        }
        // Parents first (a parent is of a higher rank, as checked above), so a region extends its parent's.
        var built = [Region](repeating: Region(), count: places.count)
        for rank in [Rank.province, .prefecture, .county] {
            for (index, place) in places.enumerated() where place.rank == rank {
                let parent = place.parentCode.flatMap { indexByCode[$0] }.map { built[$0] }
                built[index] = Self.region(for: place, in: parent)
            }
        }
        tables = Tables(all: places, indexByCode: indexByCode, indexByName: Dictionary(grouping: places.indices, by: { places[$0].name }),
                        indexByShortName: byShortName, countyIndexByShortForm: countyIndexByShortForm,
                        countyShortFormStarts: starts, countyShortFormEnds: ends,
                        regions: built, nameIndex: NameIndex(places: places))
    }

    /// Every place, in file order (by code for the shipped file).
    public var allPlaces: [Place] { tables.all }

    public func place(code: String) -> Place? {
        tables.indexByCode[code].map { tables.all[$0] }
    }

    /// Exact full-name match; homonyms (通州区 in 北京 and 南通) give several places.
    public func places(named name: String) -> [Place] {
        tables.indexByName[name, default: []].map { tables.all[$0] }
    }

    public func places(shortNamed name: String) -> [Place] {
        tables.indexByShortName[name, default: []].map { tables.all[$0] }
    }

    /// The county whose short form (its name without 县, 市, 区, 旗 or 自治县 and its peoples) this is,
    /// when no other place has that form: 汝南 → 汝南县, 民和 → 民和回族土族自治县; 和田 is the
    /// prefecture's. Read only where a name is expected (a title, a signature), never in sentences.
    public func county(shortNamed form: String) -> Place? {
        tables.countyIndexByShortForm[form].map { tables.all[$0] }
    }

    /// Whether a county short form may end in `s`: false settles that none does, with no look-up.
    func mayEndCountyShortForm(_ s: Unicode.Scalar) -> Bool {
        s.value >= 0x10000 || tables.countyShortFormEnds.contains(s)
    }

    /// Whether a county short form may start with `s`: false settles that none does, with no look-up.
    func mayStartCountyShortForm(_ s: Unicode.Scalar) -> Bool {
        s.value >= 0x10000 || tables.countyShortFormStarts.contains(s)
    }

    /// Lengths in scalars of the county short forms, longest first, for a scan of a short text.
    public static let countyShortFormLengths = [4, 3, 2]

    public func parent(of place: Place) -> Place? {
        place.parentCode.flatMap { self.place(code: $0) }
    }

    /// The place with its ancestors filled in; `level` is the kind its name ends in (省, 市, 州, 区, 县, 旗, 盟, 地区).
    public func region(for place: Place) -> Region {
        if let index = tables.indexByCode[place.code], tables.all[index] == place { return tables.regions[index] }
        return Self.region(for: place, in: parent(of: place).map { region(for: $0) })
    }

    private static func region(for place: Place, in parent: Region?) -> Region {
        var region = parent ?? Region()
        region.level = place.name.hasSuffix("地区") ? "地区" : String(place.name.suffix(1))
        region.code = place.code
        switch place.rank {
        case .province: region.province = place.name
        case .prefecture: region.prefecture = place.name
        case .county: region.county = place.name
        }
        return region
    }

    private static func isCode(_ text: String) -> Bool {
        text.utf8.count == 6 && text.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    private static func rank(ofCode code: String) -> Rank {
        code.hasSuffix("0000") ? .province : code.hasSuffix("00") ? .prefecture : .county
    }

    /// Kind suffixes of province and prefecture names, longest first so 自治区 wins over 区.
    private static let kindSuffixes = ["特别行政区", "自治区", "自治州", "地区", "新区", "省", "市", "盟"]

    /// Ethnic names written before 自治区/自治州 in the data, some without 族 (伊犁哈萨克自治州);
    /// longer forms first so 蒙古族 is stripped whole.
    private static let ethnicNames = [
        "柯尔克孜", "蒙古族", "维吾尔", "哈萨克", "布依族", "土家族", "朝鲜族", "傈僳族", "景颇族", "哈尼族",
        "蒙古", "藏族", "苗族", "回族", "彝族", "壮族", "傣族", "羌族", "侗族", "白族",
    ]

    /// Short forms that read as ordinary words more often than as the place (长治久安, 三明治, 朝阳).
    private static let genericShortForms: Set<String> = [
        "长治", "三明", "大同", "安康", "来宾", "日照", "白银", "普洱", "中山", "阿里", "黄山", "文山", "朝阳", "四平", "中卫",
    ]

    /// County kind suffixes, longest first.
    private static let countySuffixes = ["自治县", "自治旗", "特区", "林区", "县", "市", "区", "旗"]

    /// Peoples named before 自治县 that `ethnicNames` leaves out (民和回族土族自治县, 务川仡佬族苗族自治县).
    private static let moreEthnicNames = [
        "仡佬族", "仫佬族", "毛南族", "撒拉族", "东乡族", "保安族", "裕固族", "纳西族", "拉祜族", "布朗族", "达斡尔族",
        "鄂温克族", "鄂伦春族", "锡伯族", "普米族", "独龙族", "土族", "瑶族", "畲族", "水族", "黎族", "满族", "佤族", "怒族", "各族",
    ]

    /// County short forms that are ordinary words or school names more often than the county (东方红, 城中小学).
    private static let genericCountyShortForms: Set<String> = ["东方", "城中", "城关", "平安", "和平", "新华", "中原", "开发"]

    /// Each county's short form, kept only when no other place (of any rank) has it as a name or short form.
    private static func countyShortForms(_ places: [Place]) -> [String: Int] {
        var taken = Set<String>()
        for place in places where place.rank != .county {
            taken.insert(place.name)
            if let short = place.shortName { taken.insert(short) }
        }
        var seen: [String: Int] = [:]
        var shared = Set<String>()
        let peoples = ethnicNames + moreEthnicNames
        for (index, place) in places.enumerated() where place.rank == .county {
            guard let suffix = countySuffixes.first(where: { endsWith(place.name.utf8, $0) }) else { continue }
            let short = String(Substring(suffix.hasPrefix("自治") ? withoutPeoples(place.name.utf8.dropLast(suffix.utf8.count), peoples)
                                                                    : place.name.utf8.dropLast(suffix.utf8.count)))
            guard short.unicodeScalars.count >= 2, !genericCountyShortForms.contains(short), !taken.contains(short) else { continue }
            if seen.updateValue(index, forKey: short) != nil { shared.insert(short) }
        }
        for form in shared { seen[form] = nil }
        return seen
    }

    /// 广西壮族自治区 → 广西, 楚雄彝族自治州 → 楚雄, 杭州市 → 杭州; counties get none because
    /// their short forms (秀山, 东方, 城关) collide with ordinary words.
    private static func shortForm(of name: String, rank: Rank) -> String? {
        guard rank != .county, let suffix = kindSuffixes.first(where: { endsWith(name.utf8, $0) }) else { return nil }
        let stem = name.utf8.dropLast(suffix.utf8.count)
        let short = String(Substring(suffix.hasPrefix("自治") ? withoutPeoples(stem, ethnicNames) : stem))
        return short.unicodeScalars.count >= 2 && !genericShortForms.contains(short) ? short : nil
    }

    /// `stem` without the peoples' names it ends in (楚雄彝族 → 楚雄, 民和回族土族 → 民和), each taken
    /// only while two characters stay before it.
    private static func withoutPeoples(_ stem: Substring.UTF8View, _ peoples: [String]) -> Substring.UTF8View {
        var stem = stem
        while let people = peoples.first(where: { endsWith(stem, $0) && scalarCount(stem.dropLast($0.utf8.count)) >= 2 }) {
            stem = stem.dropLast(people.utf8.count)
        }
        return stem
    }

    /// Suffixes compared as UTF-8 bytes, which for whole names is comparing scalars (a name's first
    /// byte never continues a character); String's `hasSuffix` compares Characters, a tenth of the load.
    private static func endsWith<Bytes: BidirectionalCollection<UInt8>>(_ text: Bytes, _ suffix: String) -> Bool {
        text.reversed().starts(with: suffix.utf8.reversed())
    }

    private static func scalarCount(_ bytes: Substring.UTF8View) -> Int {
        bytes.reduce(0) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
    }
}
