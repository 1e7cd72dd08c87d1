/// How a place name stands in a report, read from the few characters around it: the body's own
/// government speaking (`和田县教育局组织…`), a plain mention, a quoted document's issuer, or
/// another place in passing (a visit, a partner, a neighbour, a list).
enum MentionRole: Int, Comparable {
    /// Elsewhere: `赴齐齐哈尔学习`, `与墨玉县、皮山县接壤`, `广东、浙江、福建`, a document read
    /// (学习《双柏县教育局关于…》). Never evidence.
    case incidental
    /// Inside 《…》 the report issued or carries out (出台了《宿松县…》, 实施《萍乡市…》): counted towards repetition only.
    case quoted
    case plain
    /// The text's own government: followed by its office or organ, or beside 全县/我县/本县.
    case voice

    static func < (lhs: MentionRole, rhs: MentionRole) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Words just before a name (within the clause) that put it elsewhere: a visit, a partner, a neighbour.
    static let awayBefore: [Scalars] = [
        "赴", "前往", "来自", "走进", "远赴", "学习", "借鉴", "考察", "结对", "对口", "帮扶", "援建", "支援", "友好", "毗邻", "邻近",
        "东邻", "西邻", "南邻", "北邻", "东接", "西接", "南接", "北接", "东靠", "西靠",
    ].map { Scalars($0) }
    private static let awayBeforeMasks = awayBefore.map(\.scalarMask)
    /// Words right before a name that join it to someone else's action: 与, 同, 向 (与和田县结对).
    static let awayJustBefore: [Scalars] = ["与", "同", "向", "跟"].map { Scalars($0) }
    /// Words right after a name that put it elsewhere: `齐齐哈尔学习`, `墨玉县接壤`, `浙江等地`.
    static let awayAfter: [Scalars] = [
        "学习", "考察", "参观", "交流", "接壤", "交界", "毗邻", "相邻", "等地", "等县", "等省", "等市", "等兄弟", "对口", "帮扶", "援建",
    ].map { Scalars($0) }
    /// Words right after a name that make it the text's own government: its office or organ.
    static let ownAfter: [Scalars] = (OfficeName.officeWords + OfficeName.governmentWords + [
        "教育", "政府", "委", "党委", "人大", "政协",
    ].map { Scalars($0) })
    /// Verbs before a quoted document that make it someone else's, read for ideas: 学习《…》, 参照《…》.
    static let readingVerbs: [Scalars] = ["学习", "研读", "借鉴", "参照", "参考", "阅读", "研习", "对照学习"].map { Scalars($0) }

    /// Whether the text before a 《 ends with a reading verb, past earlier titles in the same run (参照《甲》、《乙》).
    private static func readsAnother(_ before: ArraySlice<Unicode.Scalar>) -> Bool {
        var j = before.endIndex
        while j > before.startIndex {
            if before[j - 1] == "、" || before[j - 1] == "和" || before[j - 1] == "及" {
                j -= 1
            } else if before[j - 1] == "》", let open = before[..<(j - 1)].lastIndex(of: "《") {
                j = open
            } else {
                break
            }
        }
        if j > before.startIndex, before[j - 1] == "了" { j -= 1 }
        let lead = Array(before[before.startIndex..<j])
        return readingVerbs.contains { lead.hasSuffix($0) }
    }
    /// Marks between two names that make them a list of places.
    static let listMarks: Set<Unicode.Scalar> = ["、", "和", "及", "与"]
    /// Scalars read before a name: enough for a long quoted title's 《 and the verb before it.
    static let reachBefore = 60
    /// … and after it.
    static let reachAfter = MetadataRanking.ownWordsReach

    /// - Parameters:
    ///   - window: the text around the name.
    ///   - level: the name's kind (县, 市, 区 …), for 全县/我县/本县.
    ///   - inList: another name stands across a 、 (或 和, 及, 与) from this one.
    static func of(_ window: ScalarWindow, level: Unicode.Scalar?, inList: Bool) -> MentionRole {
        if inList { return .incidental }
        let before = window.before, after = window.after
        if awayAfter.contains(where: { after.hasPrefix($0) }) { return .incidental }
        // 与和田县, 与x市相城区: past a hidden or bare larger place.
        var justBefore = before.endIndex
        while justBefore > 0, before[justBefore - 1].isAnonymiser || OfficeName.isLevel(before[justBefore - 1]) { justBefore -= 1 }
        // Each word ending there, compared in place: no copy of what comes before.
        if awayJustBefore.contains(where: { before.hasPrefix($0, at: justBefore - $0.count) }) { return .incidental }
        // The clause before the name: back to the last punctuation mark.
        var clauseStart = before.count
        while clauseStart > 0, before[clauseStart - 1].isHan || before[clauseStart - 1].isAnonymiser || before[clauseStart - 1].isASCIIDigitOrLetter {
            clauseStart -= 1
        }
        if clauseStart < before.count {
            let held = before[clauseStart...].scalarMask
            for w in awayBefore.indices where awayBeforeMasks[w] & ~held == 0 && before.firstIndex(of: awayBefore[w], from: clauseStart) != nil {
                return .incidental
            }
        }
        // Inside 《…》: a 《 with no 》 after it, before the name. Another's document when the report
        // says it read it (学习《双柏县教育局关于…》), else one it issued or carries out (印发《宿松县…》,
        // 实施《萍乡市…》), which counts towards repetition only.
        var i = before.count
        while i > 0 {
            i -= 1
            if before[i] == "》" || before[i].isTerminal { break }
            if before[i] == "《" { return readsAnother(before[..<i]) ? .incidental : .quoted }
        }
        if ownAfter.contains(where: { after.hasPrefix($0) }) { return .voice }
        if let level, hasOwnWords(before, level: level, fromEnd: true) || hasOwnWords(after, level: level, fromEnd: false) {
            return .voice
        }
        return .plain
    }

    /// 全县, 我县, 本县 (for `level` 县) within the ranking's reach, in the same sentence.
    private static func hasOwnWords(_ side: Scalars, level: Unicode.Scalar, fromEnd: Bool) -> Bool {
        guard side.count > 1 else { return false }
        let reach = MetadataRanking.ownWordsReach
        var i = fromEnd ? side.count - 1 : 1
        var steps = 0
        while i >= 1, i < side.count, steps < reach {
            if side[i].isTerminal || side[i] == "\n" { return false }
            if side[i] == level, side[i - 1] == "全" || side[i - 1] == "我" || side[i - 1] == "本" { return true }
            i += fromEnd ? -1 : 1
            steps += 1
        }
        return false
    }
}

extension Unicode.Scalar {
    fileprivate var isASCIIDigitOrLetter: Bool {
        (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
    }
}
