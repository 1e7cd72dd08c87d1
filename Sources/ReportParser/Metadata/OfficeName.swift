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
    /// The prefix is a real name, not a bare level or a hidden one.
    var hasName: Bool { !isAnonymised && prefix.unicodeScalars.contains { !Self.isLevel($0) } }

    static let officeWords: [Scalars] = [
        "教育和体育局", "教育体育局", "教育科技局", "教育和科学技术局", "教育和科技局", "教育委员会", "教育局", "教体局", "教育厅", "文教局", "教委",
    ].map { Scalars($0) }

    /// 省 市 州 区 县 旗 盟: spelled out, as a set's hashing cost more than the rest of the tests.
    static func isLevel(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "省", "市", "州", "区", "县", "旗", "盟": true
        default: false
        }
    }

    /// The first office named in `text`.
    static func find(in text: Scalars) -> OfficeName? {
        for start in text.indices where text[start] == "教" || text[start] == "文" {
            for word in officeWords where text.hasPrefix(word, at: start) {
                return read(text, officeAt: start, word: word)
            }
        }
        return nil
    }

    /// Every office named in `text` whose prefix shows a level (for the level of an untitled report).
    static func all(in text: Scalars) -> [OfficeName] {
        var found: [OfficeName] = []
        let words = officeWords
        var start = 0
        while let at = nextOfficeStart(in: text, from: start) {
            if let word = words.first(where: { text.hasPrefix($0, at: at) }) {
                found.append(read(text, officeAt: at, word: word))
                start = at + word.count
            } else {
                start = at + 1
            }
        }
        return found
    }

    /// The next 教 or 文 at or after `start`: every office word begins with one. (This runs over
    /// the opening 4,000 characters of every report.)
    private static func nextOfficeStart(in text: Scalars, from start: Int) -> Int? {
        text.withUnsafeBufferPointer { buffer in
            var i = start
            while i < buffer.count {
                if buffer[i] == "教" || buffer[i] == "文" { return i }
                i += 1
            }
            return nil
        }
    }

    private static func read(_ text: Scalars, officeAt start: Int, word: Scalars) -> OfficeName {
        // Walk back over the name: Han characters and anonymisers, stopping at years and punctuation.
        var p = start
        while p > 0 {
            let s = text[p - 1]
            guard (s.isHan && s != "年" && s != "度" && s != "的" && s != "和" && s != "与") || s.isAnonymiser else { break }
            if s.isBlank { break }
            p -= 1
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
                          isAnonymised: prefix.contains { $0.isAnonymiser })
    }
}
