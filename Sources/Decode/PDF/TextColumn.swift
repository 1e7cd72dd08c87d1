/// The column a PDF's body text is set in, and the rule that re-joins the lines its paragraphs were
/// wrapped into: a line that fills the column runs on into the next when that one starts at the
/// column's left edge, in type of the same size. A paragraph's first line is indented (Chinese
/// reports indent two characters), and its last line stops short, so either ends the paragraph.
///
/// Decided by position rather than by counting characters: a full line holding Latin digits holds
/// more characters than one without, since digits are half as wide.
struct TextColumn: Equatable {
    var left: Double
    var right: Double

    /// A line is full when it ends within this many characters of the right edge: justified text
    /// ends on it exactly, ragged text a character or a number short.
    static let fullSlack = 1.5
    /// A line starting this many characters right of the left edge is indented.
    static let indent = 0.5
    /// A full line starts at the left edge or at a first-line indent (two characters); one that
    /// starts further right is centred or set right (a title, a signature), and ends nothing.
    static let maxStart = 2.5
    /// Ragged text breaks before a run of Latin letters or digits that would not fit, so a full
    /// line may stop short of the edge by that run: this much of a character for each of its letters.
    static let latinWidth = 0.6
    /// The right edge must be shared by this many lines, and a tenth of them, to be the column's.
    static let minLinesAtRightEdge = 2

    /// The column most lines share: the left edge most lines start at, the furthest right edge
    /// that enough lines end at; nil when too few lines share one.
    init?(_ lines: [PDFLayout.Line]) {
        guard let left = Self.mostCommon(lines.map(\.left)) else { return nil }
        let heights = lines.map(\.height).sorted()
        let em = Self.characterWidth(lineHeight: heights[heights.count / 2])
        let needed = max(Self.minLinesAtRightEdge, lines.count / 10)
        // From the right, the first edge that enough lines end at, give or take half a character.
        let rights = lines.map(\.right).sorted(by: >)
        var edge: Double?
        for i in rights.indices {
            var j = i
            while j < rights.count, rights[j] >= rights[i] - em / 2 { j += 1 }
            if j - i >= needed {
                edge = rights[i]
                break
            }
        }
        guard let edge else { return nil }
        self.left = left
        self.right = edge
    }

    init(left: Double, right: Double) {
        self.left = left
        self.right = right
    }

    /// Whether `line` runs on into `next`: the same paragraph, wrapped.
    func runsOn(_ line: PDFLayout.Line, into next: PDFLayout.Line) -> Bool {
        let em = Self.characterWidth(lineHeight: line.height)
        let latinRun = next.text.unicodeScalars.prefix { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == ".") }.count
        let slack = Self.fullSlack + Double(latinRun) * Self.latinWidth
        let full = line.right >= right - slack * em && line.left <= left + Self.maxStart * em
        let sameType = abs(next.height - line.height) <= line.height / 5
        return full && sameType && next.left <= left + Self.indent * em
    }

    /// A Chinese character's width in a line this high: the line box holds the font's ascent and
    /// descent, some 1.25 times its size.
    static func characterWidth(lineHeight: Double) -> Double { lineHeight * 0.8 }

    /// The value most of `values` round to, in whole points.
    private static func mostCommon(_ values: [Double]) -> Double? {
        var counts: [Int: Int] = [:]
        for v in values { counts[Int(v.rounded()), default: 0] += 1 }
        return counts.max { ($0.value, -$0.key) < ($1.value, -$1.key) }.map { Double($0.key) }
    }
}
