/// Aligns the heading trees of two reports, row by row, for the compare page.
///
/// Top-level sections are aligned first, then the children of each aligned pair among themselves:
/// a tree's levels mean the same in both reports (chapters, then their points), and aligning within
/// a pair keeps a point from pairing with a look-alike in another chapter. Each level is an ordered
/// alignment (`OrderedAlignment`) that maximises the summed heading similarity, so a chapter moved
/// ahead of another stays unpaired rather than crossing the rows. Two headings pair when their
/// similarity reaches `threshold`, or when, renamed, their children still pair (`carriesOver`).
public struct HeadingAlignment: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        /// Index into the left outline; nil where the right heading has no counterpart.
        public var left: Int?
        /// Index into the right outline; nil where the left heading has no counterpart.
        public var right: Int?
        /// Similarity of the two headings, 0…1 (`HeadingAlignment.similarity`); nil on a one-sided row.
        public var similarity: Double?

        public init(left: Int?, right: Int?, similarity: Double?) {
            self.left = left
            self.right = right
            self.similarity = similarity
        }
    }

    /// Every heading of both outlines once, a pair on one row: a pair's children follow it, and
    /// between two pairs the headings of the left only come before those of the right only.
    public var rows: [Row]

    /// Below this Dice similarity two headings are different headings. Headings of one field share
    /// generic words (教育、发展、工作): 义务教育均衡发展 and 职业教育发展 score 0.33, while a reworded
    /// heading keeps its subject (学前教育优质普惠发展 and 学前教育普惠发展成效显著 score 0.6).
    public static let threshold = 0.4

    /// A pair of renamed headings still pairs when at least this many of their children pair, and at
    /// least half of the fewer children: 一、主要工作 and 一、工作回顾 holding the same points.
    static let carriedChildren = 2

    /// A level with more heading pairs than this (left × right) is left unaligned, its headings each
    /// on their own side: no report has a chapter of 500 points, and the table would take megabytes.
    static let largestLevel = 250_000

    /// Dice similarity over character bigrams of the two headings, ignoring numbering, years and punctuation.
    public static func similarity(_ a: String, _ b: String) -> Double {
        HeadingKey.bigrams(a).dice(HeadingKey.bigrams(b))
    }

    public init(rows: [Row]) {
        self.rows = rows
    }

    /// Aligns two outlines given in reading order (`depth` gives the tree).
    public init(_ left: [ListedReport.SectionSummary], _ right: [ListedReport.SectionSummary]) {
        let aligner = Aligner(left: Tree(left), right: Tree(right))
        let top = aligner.align(aligner.left.roots, aligner.right.roots)
        var rows: [Row] = []
        rows.reserveCapacity(left.count + right.count)
        aligner.emit(top, into: &rows)
        self.rows = rows
    }

    /// The pairs, as (left, right) indices.
    public var pairs: [(left: Int, right: Int)] {
        rows.compactMap { row in row.left.flatMap { l in row.right.map { (l, $0) } } }
    }
}

extension HeadingAlignment {
    /// An outline as a tree over its indices, with each heading's bigrams made once.
    struct Tree {
        var roots: [Int] = []
        var children: [[Int]]
        /// One past the last index of each section's subtree (the outline is in reading order).
        var subtreeEnd: [Int]
        var keys: [Bigrams]

        init(_ sections: [ListedReport.SectionSummary]) {
            children = Array(repeating: [], count: sections.count)
            subtreeEnd = Array(sections.indices).map { $0 + 1 }
            keys = sections.map { HeadingKey.bigrams($0.heading) }
            var open: [Int] = []
            for (i, s) in sections.enumerated() {
                while let last = open.last, sections[last].depth >= s.depth {
                    subtreeEnd[last] = i
                    open.removeLast()
                }
                if let parent = open.last { children[parent].append(i) } else { roots.append(i) }
                open.append(i)
            }
            for i in open { subtreeEnd[i] = sections.count }
        }
    }

    /// One level aligned: its pairs in order, each with its children's alignment.
    struct Level {
        struct Pair {
            var left: Int
            var right: Int
            var similarity: Double
            var children: Level
        }

        var lefts: [Int]
        var rights: [Int]
        var pairs: [Pair]
        /// What the pairs and their descendants add up to: the alignment's worth to its parent.
        var score: Double
    }

    struct Aligner {
        let left: Tree
        let right: Tree

        /// Each candidate pair's children are aligned once, under the one parent pair they belong to:
        /// the work is the sum over levels of left × right headings, not more.
        func align(_ lefts: [Int], _ rights: [Int]) -> Level {
            guard !lefts.isEmpty, !rights.isEmpty, lefts.count * rights.count <= HeadingAlignment.largestLevel else {
                return Level(lefts: lefts, rights: rights, pairs: [], score: 0)
            }
            var candidates: [Int: Level.Pair] = [:]
            let chosen = OrderedAlignment.pairs(lefts.count, rights.count) { i, j in
                let (l, r) = (lefts[i], rights[j])
                let similarity = left.keys[l].dice(right.keys[r])
                let children = align(left.children[l], right.children[r])
                let paired = children.pairs.count
                let carried = paired >= HeadingAlignment.carriedChildren
                    && 2 * paired >= Swift.min(left.children[l].count, right.children[r].count)
                guard similarity >= HeadingAlignment.threshold || carried else { return nil }
                candidates[i * rights.count + j] = Level.Pair(left: l, right: r, similarity: similarity, children: children)
                return similarity + children.score
            }
            let pairs = chosen.map { candidates[$0.0 * rights.count + $0.1]! }
            return Level(lefts: lefts, rights: rights, pairs: pairs, score: pairs.reduce(0) { $0 + $1.similarity + $1.children.score })
        }

        /// The level's rows: before each pair, the headings of each side that it passed over, each
        /// with its whole subtree on its own side.
        func emit(_ level: Level, into rows: inout [Row]) {
            var i = 0, j = 0
            func oneSided(upTo l: Int, _ r: Int) {
                while i < level.lefts.count, level.lefts[i] != l {
                    for k in level.lefts[i]..<left.subtreeEnd[level.lefts[i]] { rows.append(Row(left: k, right: nil, similarity: nil)) }
                    i += 1
                }
                while j < level.rights.count, level.rights[j] != r {
                    for k in level.rights[j]..<right.subtreeEnd[level.rights[j]] { rows.append(Row(left: nil, right: k, similarity: nil)) }
                    j += 1
                }
            }
            for pair in level.pairs {
                oneSided(upTo: pair.left, pair.right)
                rows.append(Row(left: pair.left, right: pair.right, similarity: pair.similarity))
                emit(pair.children, into: &rows)
                i += 1
                j += 1
            }
            oneSided(upTo: -1, -1)
        }
    }
}
