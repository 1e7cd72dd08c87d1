import ReportParser

/// Reads a differing span of two alike sentences as a name or a number, widened to the whole of
/// it on both sides: `余姚` → `慈溪` is the place 余姚市 → 慈溪市, `2` → `5` in 12所 is 12所 → 15所.
/// A span that is neither (a reworded phrase, a punctuation mark) is no difference of this kind.
struct DifferenceReader {
    var words: DifferenceWords = .standard

    /// A widened span longer than this is a reworded phrase, not one name or number.
    static let longestItem = 24
    /// Scalars of A's text before an item shown as its context: what a number measures, where a name stands.
    static let contextLength = 8

    /// One sentence of one text and its differing span, as scalar ranges of the text.
    struct Side {
        var text: [Unicode.Scalar]
        var sentence: Range<Int>
        var span: Range<Int>
        /// Place names in the sentence, as scalar ranges of the text; `short` for a name without its
        /// level (余姚 of 余姚市).
        var places: [(range: Range<Int>, short: Bool)]
    }

    func item(_ a: Side, _ b: Side) -> TextDifferences.Item? {
        // A difference here is a replacement: something inserted or dropped names nothing that changed.
        guard !a.span.isEmpty, !b.span.isEmpty else { return nil }
        let kind: TextDifferences.Kind
        let ra: Range<Int>, rb: Range<Int>
        if let numbers = numbers(a, b) {
            (kind, ra, rb) = (.number, numbers.a, numbers.b)
        } else if let name = nameWidening(a, b) {
            func widened(_ side: Side) -> Range<Int> {
                Swift.max(side.sentence.lowerBound, side.span.lowerBound - name.left)..<Swift.min(side.sentence.upperBound, side.span.upperBound + name.right)
            }
            (kind, ra, rb) = (.name, widened(a), widened(b))
        } else {
            return nil
        }
        let ta = String(String.UnicodeScalarView(a.text[ra])), tb = String(String.UnicodeScalarView(b.text[rb]))
        guard ta != tb, ra.count <= Self.longestItem, rb.count <= Self.longestItem else { return nil }
        var start = ra.lowerBound
        while start > a.sentence.lowerBound, ra.lowerBound - start < Self.contextLength, a.text[start - 1].isWordScalar { start -= 1 }
        return TextDifferences.Item(kind: kind, a: ta, b: tb, context: String(String.UnicodeScalarView(a.text[start..<ra.lowerBound])))
    }

    /// Two spans read as numbers when one holds or touches a digit, or is a count in Chinese numerals
    /// with its unit (十二所); each is widened to its own whole number, as its text writes it (the
    /// other text may hide the number: xx年 → 2024年).
    private func numbers(_ a: Side, _ b: Side) -> (a: Range<Int>, b: Range<Int>)? {
        func touchesDigit(_ s: Side) -> Bool {
            s.text[s.span].contains(where: \.isDigit) || (s.span.lowerBound > s.sentence.lowerBound && s.text[s.span.lowerBound - 1].isDigit)
                || (s.span.upperBound < s.sentence.upperBound && s.text[s.span.upperBound].isDigit)
        }
        let na = number(a), nb = number(b)
        let counted = [(a, na), (b, nb)].contains { side, number in number != nil && side.text[side.span].allSatisfy(\.isNumeralWord) }
        guard touchesDigit(a) || touchesDigit(b) || counted else { return nil }
        return (na ?? a.span, nb ?? b.span)
    }

    /// The span widened to the number it holds or touches (3.2, 686、598, xx for a hidden one), with
    /// 万 or 亿 and the unit that follow the number: not after a span that ends in its unit (12所 →
    /// 12个). A count in Chinese numerals (十二) needs a unit, since without one it is an ordinal or a
    /// slogan's number (第一, 三个一).
    private func number(_ s: Side) -> Range<Int>? {
        let t = s.text, lower = s.sentence.lowerBound, upper = s.sentence.upperBound
        var lo = s.span.lowerBound, hi = s.span.upperBound
        func figure(_ i: Int) -> Bool { t[i].isDigit || t[i].isHiddenDigit }
        func joins(_ i: Int) -> Bool { t[i] == "." || t[i] == "．" || t[i] == "," || t[i] == "、" }
        let written = (lo..<hi).contains(where: figure) || (lo > lower && figure(lo - 1)) || (hi < upper && figure(hi))
        if written {
            while lo > lower, figure(lo - 1) || (lo - 2 >= lower && joins(lo - 1) && figure(lo - 2)) { lo -= 1 }
            while hi < upper, figure(hi) || (hi + 1 < upper && joins(hi) && figure(hi + 1)) { hi += 1 }
        } else if t[lo..<hi].allSatisfy(\.isNumeralWord) {
            while lo > lower, t[lo - 1].isNumeralWord { lo -= 1 }
            while hi < upper, t[hi].isNumeralWord { hi += 1 }
        } else {
            return nil
        }
        guard figure(hi - 1) || t[hi - 1].isNumeralWord else { return lo..<hi }
        var measured = false
        if hi < upper, t[hi] == "万" || t[hi] == "亿" {
            hi += 1
            measured = true
        }
        var unit = FigureUnits.length(in: t, at: hi)
        if unit == 0 { unit = words.match(.date, in: t, at: hi, before: upper) ?? 0 }
        if hi + unit > upper { unit = 0 }
        guard written || measured || unit > 0 else { return nil }
        return lo..<(hi + unit)
    }

    /// A span of word characters that a known place name overlaps, widened to the name (and, for a
    /// name without its level, to a `name` word right after it: 城关 + 镇); else one that ends a name
    /// (`name` words of difference-words.txt) or stands right before such a word. A one-character
    /// change takes the character before it too: the distinctive part of a Chinese name is rarely one
    /// character (城关镇 → 城南镇 differ in 关 and 南).
    private func nameWidening(_ a: Side, _ b: Side) -> (left: Int, right: Int)? {
        guard a.text[a.span].allSatisfy(\.isWordScalar), b.text[b.span].allSatisfy(\.isWordScalar) else { return nil }
        var left = 0, right = 0, placed = false, short = false
        for side in [a, b] {
            for place in side.places where place.range.lowerBound < side.span.upperBound && place.range.upperBound > side.span.lowerBound {
                left = Swift.max(left, side.span.lowerBound - place.range.lowerBound)
                right = Swift.max(right, place.range.upperBound - side.span.upperBound)
                placed = true
                short = short || place.short
            }
        }
        if placed {
            if short {
                let level = [a, b].compactMap { words.match(.name, in: $0.text, at: $0.span.upperBound + right, before: $0.sentence.upperBound) }.min()
                right += level ?? 0
            }
            return (left, right)
        }
        let reach = [a, b].compactMap(suffixReach).min()
        guard let reach else { return nil }
        if a.span.count == 1 && b.span.count == 1, a.span.lowerBound > a.sentence.lowerBound {
            let before = a.text[a.span.lowerBound - 1]
            if before.isIdeograph {
                left = 1
            } else if before.isLatinLetter {
                var k = a.span.lowerBound - 1
                while k > a.sentence.lowerBound, a.text[k - 1].isLatinLetter { k -= 1 }
                left = a.span.lowerBound - k
            }
        }
        return (left, reach)
    }

    /// 0 when the span ends with a name word, the word's length when one starts right after it, else nil.
    private func suffixReach(_ s: Side) -> Int? {
        let hi = s.span.upperBound
        for start in s.span where words.match(.name, in: s.text, at: start, before: hi) == hi - start { return 0 }
        return words.match(.name, in: s.text, at: hi, before: s.sentence.upperBound)
    }
}
