/// The issuing office named in a title or signature: `余姚市教育局`, `县教育局`, `某县教育局`,
/// `xx区教育局`, `区县教育局财务科`. It tells the government level even when the name is hidden.
struct OfficeName: Equatable {
    /// The text before the office word: `余姚市`, `县`, `某县`, `xx区`, `区县`.
    var prefix: String
    /// `余姚市教育局`: prefix and office word.
    var office: String
    /// A department named after the office: `财务科`.
    var department: String?
    /// 省 市 州 区 县 旗 盟 of the issuing government, when the text shows it.
    var level: String?
    /// The prefix hides a name (xx, XX, **, ×, _____, 某).
    var isAnonymised: Bool
    /// The prefix is a place the gazetteer knows, read whole even where it holds 和, 年 or 度 (和田县, 万年县).
    var namesPlace = false
    /// Where the office's name starts in the text it was read from (scalar index).
    var start = 0
    /// The prefix is a real name, not a bare level or a hidden one.
    var hasName: Bool { !isAnonymised && prefix.unicodeScalars.contains { !Self.isLevel($0) } }

    /// Education offices, longest first where one holds another (`Resources/metadata-words.txt`).
    static let officeWords = MetadataWords.standard[.office]

    /// Governments, the issuers of 政府工作报告 and of 政府信息公开 reports: looked for only in
    /// such reports, since an education report names its government everywhere (在县人民政府的领导下).
    static let governmentWords = MetadataWords.standard[.government]

    /// 省 市 州 区 县 旗 盟: spelled out, as a set's hashing cost more than the rest of the tests.
    static func isLevel(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "省", "市", "州", "区", "县", "旗", "盟": true
        default: false
        }
    }

    /// The first office named in `text`.
    /// - Parameters:
    ///   - words: the office words looked for.
    ///   - places: when given, a place name before the office is read whole (和田县, 万年县) and marks `namesPlace`.
    ///   - outsideQuotes: skip offices inside 《…》, which name another document's issuer.
    static func find(in text: Scalars, words: [Scalars] = officeWords, places: Gazetteer? = nil, outsideQuotes: Bool = false,
                     where accept: (OfficeName) -> Bool = { _ in true }) -> OfficeName? {
        var quoted = false
        // The words' first scalars, a handful (教 文 社), as a mask (`scalarMask`): most scalars start
        // none, and are passed over without a walk through every word or a list made for each call.
        var leads: UInt64 = 0
        for w in words.indices { leads |= 1 << UInt64(words[w][0].value & 63) }
        for start in text.indices {
            if text[start] == "《" { quoted = true } else if text[start] == "》" { quoted = false }
            if outsideQuotes && quoted { continue }
            guard leads >> UInt64(text[start].value & 63) & 1 != 0 else { continue }
            for word in words where word[0] == text[start] && text.hasPrefix(word, at: start) {
                let office = read(text, officeAt: start, word: word, places: places)
                if accept(office) { return office }
                break
            }
        }
        return nil
    }

    /// The first office named in `text` that `accept` takes (for the level of an untitled report):
    /// each office word is read from where the last one ended, and none past the one taken.
    static func first(in text: Scalars, places: Gazetteer? = nil, where accept: (OfficeName) -> Bool) -> OfficeName? {
        let words = officeWords
        var start = 0
        while let at = nextOfficeStart(in: text, from: start) {
            if let word = words.first(where: { text.hasPrefix($0, at: at) }) {
                let office = read(text, officeAt: at, word: word, places: places, onlyWhereNamesStop: true)
                if accept(office) { return office }
                start = at + word.count
            } else {
                start = at + 1
            }
        }
        return nil
    }

    /// The next 教, 文 or 社 at or after `start`: every office word begins with one. (This runs over
    /// the opening 4,000 characters of every report.)
    private static func nextOfficeStart(in text: Scalars, from start: Int) -> Int? {
        text.withUnsafeBufferPointer { buffer in
            var i = start
            while i < buffer.count {
                if buffer[i] == "教" || buffer[i] == "文" || buffer[i] == "社" { return i }
                i += 1
            }
            return nil
        }
    }

    /// - Parameter onlyWhereNamesStop: ask the gazetteer only when 和, 年 or 度 stands right before the
    ///   office's name (the opening's many offices are read for their level, not their place).
    private static func read(_ text: Scalars, officeAt start: Int, word: Scalars, places: Gazetteer? = nil,
                             onlyWhereNamesStop: Bool = false) -> OfficeName {
        // A place the gazetteer knows, right before the office, is the name whatever it holds.
        var p = start
        var places = places
        if onlyWhereNamesStop {
            var q = start
            while q > 0, text[q - 1].isHan, text[q - 1] != "和", text[q - 1] != "年", text[q - 1] != "度" { q -= 1 }
            if q == 0 || !(text[q - 1] == "和" || text[q - 1] == "年" || text[q - 1] == "度") { places = nil }
        }
        let placeStart = places.flatMap { placeName(endingAt: start, in: text, places: $0) }
        if let placeStart {
            p = placeStart
        } else {
            // Walk back over the name: Han characters and anonymisers, stopping at years and punctuation.
            while p > 0 {
                let s = text[p - 1]
                guard (s.isHan && s != "年" && s != "度" && s != "的" && s != "和" && s != "与") || s.isAnonymiser else { break }
                if s.isBlank { break }
                p -= 1
            }
        }
        let prefix = text[p..<start]
        let end = start + word.count
        var department: String?
        // A department is a short name ending in 科/处/股/室 right after the office: 财务科工作总结.
        var d = end
        while d < text.count, d - end < 6, text[d].isHan {
            if d > end, text[d] == "科" || text[d] == "处" || text[d] == "股" || text[d] == "室" {
                department = text[end...d].string
                break
            }
            d += 1
        }
        let levels = prefix.count(where: isLevel)
        let level: String?
        if levels > 0, levels == prefix.count(where: { !$0.isAnonymiser }) {
            level = prefix.first(where: isLevel).map { String($0) }  // 区县教育局: the first named level
        } else if let last = prefix.last, isLevel(last) {
            level = String(last)
        } else {
            level = nil
        }
        return OfficeName(prefix: prefix.string, office: text[p..<end].string, department: department, level: level,
                          isAnonymised: prefix.contains { $0.isAnonymiser }, namesPlace: placeStart != nil, start: p)
    }

    /// Where a run of place names (`新疆和田地区和田县`) ending right at `end` starts, if one does.
    private static func placeName(endingAt end: Int, in text: Scalars, places: Gazetteer) -> Int? {
        var runStart = end
        while runStart > 0, end - runStart < maxPrefixScalars, text[runStart - 1].isHan, !text[runStart - 1].isBlank { runStart -= 1 }
        guard runStart < end else { return nil }
        let run = text[runStart..<end]
        let runString = run.string
        let mentions = places.spans(in: runString, includeShortNames: true)
        // Back from the office, name by name, each ending where the next begins.
        var edge = runString.utf8.count
        var found = false
        while let m = mentions.last(where: { $0.utf8Offset + $0.utf8Length == edge }) {
            edge = m.utf8Offset
            found = true
        }
        guard found else { return nil }
        // The byte edge back to a scalar index in `text`.
        var bytes = 0, i = runStart
        while bytes < edge {
            let v = text[i].value
            bytes += v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4
            i += 1
        }
        return i
    }

    /// Longest run of Han before an office read as its name (新疆维吾尔自治区和田地区和田县 is 15).
    private static let maxPrefixScalars = 24
}
