import Foundation

/// The distinct search keys of one report, each with its posting bits (README, "Search index format"):
/// bit 3 when the title or a top-level heading (a chapter) holds the key, bit 2 when any heading
/// does, bits 0–1 how often the report holds it.
struct ReportTerms: Sendable {
    /// The keys' bytes, one after another.
    var bytes: [UInt8] = []
    /// Per key: where its bytes start in `bytes`, their length, its FNV-1a hash and its bits.
    var starts: [UInt32] = []
    var lengths: [UInt8] = []
    var hashes: [UInt32] = []
    var bits: [UInt8] = []

    var count: Int { starts.count }

    func key(_ i: Int) -> [UInt8] { Array(bytes[Int(starts[i])..<Int(starts[i]) + Int(lengths[i])]) }

    /// Occurrences in the whole report as the two tf bits: once, 2–3, 4–7, 8 or more.
    static func frequencyBits(_ count: UInt32) -> UInt8 {
        switch count {
        case 0...1: 0
        case 2...3: 1
        case 4...7: 2
        default: 3
        }
    }
}

/// Splits text into search keys by the rules the browser applies to a query, scalar by scalar:
/// fullwidth ASCII folded (U+FF01–FF5E, U+3000 a space), A–Z lowercased; a run of n ≥ 2 Han
/// scalars gives its n − 1 bigrams, a run of `[a-z0-9]` of 2 or more gives one word cut to 32
/// bytes; everything else separates. A report's Markdown page is read without its front matter;
/// a line starting with `#` (title, heading) sets the heading bit of its keys, `#` and `##` (the
/// title, a chapter) the chapter bit too. Markdown's own
/// marks are no text: a backslash escape separates, and a character reference the escaper wrote
/// (`&#xFEFF;`; every `&` of the text that looks like one is escaped) is skipped whole.
/// One counter per worker, reused report after report; a value, so that its tables need no
/// run-time exclusivity checks in the scan's inner loop.
struct SearchTerms {
    static let maxWordBytes = 32

    private var slots = [Int32](repeating: 0, count: 4096)
    private var terms = ReportTerms()
    private var counts: [UInt32] = []
    private var headings: [UInt8] = []
    private var word = [UInt8](repeating: 0, count: maxWordBytes)

    /// The keys of a report's Markdown page (front matter and all).
    mutating func terms(ofMarkdown bytes: [UInt8]) -> ReportTerms {
        bytes.withUnsafeBufferPointer { scan($0, from: Self.bodyStart($0)) }
    }

    /// The keys of plain text, every line body text: what a query is split into.
    mutating func terms(ofText text: String) -> ReportTerms {
        Array(text.utf8).withUnsafeBufferPointer { scan($0, from: 0, markdown: false) }
    }

    /// Where the body starts: after the `---` line that closes front matter opened on the first line.
    static func bodyStart(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        guard b.count >= 4, b[0] == 0x2D, b[1] == 0x2D, b[2] == 0x2D, b[3] == 0x0A else { return 0 }
        var i = 4
        while i < b.count {
            var end = i
            while end < b.count, b[end] != 0x0A { end += 1 }
            if end - i == 3, b[i] == 0x2D, b[i + 1] == 0x2D, b[i + 2] == 0x2D { return min(end + 1, b.count) }
            i = end + 1
        }
        return 0
    }

    /// The bits a line sets on its keys: 12 for the title (`# `) and a chapter (`## `), 4 for a lower
    /// heading, 0 for body text.
    static func headingBits(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> UInt8 {
        let hash = UInt8(ascii: "#")
        guard b[i] == hash else { return 0 }
        return i + 2 < b.count && b[i + 1] == hash && b[i + 2] == hash ? 4 : 12
    }

    static func isHan(_ s: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(s) || (0x3400...0x4DBF).contains(s) || (0xF900...0xFAFF).contains(s)
            || (0x20000...0x2FFFF).contains(s)
    }

    private mutating func scan(_ b: UnsafeBufferPointer<UInt8>, from start: Int, markdown: Bool = true) -> ReportTerms {
        var i = start
        var heading: UInt8 = 0
        var atLineStart = true
        var previousHan = -1  // byte offset of the Han scalar before this one, -1 when there is none
        var wordLength = 0   // scalars of the current word; its first 32 bytes are in `word`
        func endWord() {
            if wordLength >= 2 {
                let key = word
                key.withUnsafeBufferPointer { add(UnsafeBufferPointer(rebasing: $0[0..<min(wordLength, Self.maxWordBytes)]), heading) }
            }
            wordLength = 0
        }
        while i < b.count {
            let lead = b[i]
            if atLineStart {
                heading = markdown ? Self.headingBits(b, at: i) : 0
                atLineStart = false
            }
            var scalar = UInt32(lead)
            var width = 1
            if lead >= 0x80 {
                width = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                guard i + width <= b.count else { break }
                scalar = UInt32(lead) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
                for k in 1..<width { scalar = scalar << 6 | UInt32(b[i + k] & 0x3F) }
            } else if markdown {
                if lead == UInt8(ascii: "\\") {
                    // An escape: the backslash and the punctuation it escapes are both marks.
                    endWord()
                    previousHan = -1
                    i += (i + 1 < b.count && Self.isASCIIPunctuation(b[i + 1])) ? 2 : 1
                    continue
                }
                if lead == UInt8(ascii: "&"), let end = Self.referenceEnd(b, at: i) {
                    endWord()
                    previousHan = -1
                    i = end
                    continue
                }
            }
            if lead == 0x0A { atLineStart = true }
            if Self.isHan(scalar) {
                endWord()
                if previousHan >= 0 { add(UnsafeBufferPointer(rebasing: b[previousHan..<i + width]), heading) }
                previousHan = i
                i += width
                continue
            }
            previousHan = -1
            // Fullwidth ASCII folds to ASCII; then A–Z to a–z.
            if (0xFF01...0xFF5E).contains(scalar) { scalar -= 0xFEE0 }
            if (0x41...0x5A).contains(scalar) { scalar += 0x20 }
            if (0x61...0x7A).contains(scalar) || (0x30...0x39).contains(scalar) {
                if wordLength < Self.maxWordBytes { word[wordLength] = UInt8(scalar) }
                wordLength += 1
            } else {
                endWord()
            }
            i += width
        }
        endWord()
        return finish()
    }

    private static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte)
    }

    /// The end of a character reference at `i` (`&`, an optional `#` or `#x`, up to 32 letters or
    /// digits, `;`), the shape `MarkdownEscaper` escapes in text; nil when none starts there.
    private static func referenceEnd(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        var j = i + 1
        if j < b.count, b[j] == UInt8(ascii: "#") {
            j += 1
            if j < b.count, b[j] | 0x20 == UInt8(ascii: "x") { j += 1 }
        }
        let nameStart = j
        while j < b.count, j - nameStart <= 32, b[j] &- 0x30 < 10 || (b[j] | 0x20) &- 0x61 < 26 { j += 1 }
        return j > nameStart && j < b.count && b[j] == UInt8(ascii: ";") ? j + 1 : nil
    }

    /// Counts one occurrence of `key`.
    private mutating func add(_ key: UnsafeBufferPointer<UInt8>, _ heading: UInt8) {
        let hash = SearchKey.hash(key)
        let mask = slots.count - 1
        var slot = SearchKey.slot(hash, mask: mask)
        while true {
            let entry = Int(slots[slot]) - 1
            if entry < 0 { break }
            if terms.hashes[entry] == hash, Int(terms.lengths[entry]) == key.count,
               terms.bytes.withUnsafeBufferPointer({ memcmp($0.baseAddress! + Int(terms.starts[entry]), key.baseAddress!, key.count) == 0 }) {
                counts[entry] += 1
                headings[entry] |= heading
                return
            }
            slot = (slot + 1) & mask
        }
        slots[slot] = Int32(terms.count + 1)
        terms.starts.append(UInt32(terms.bytes.count))
        terms.bytes.append(contentsOf: key)
        terms.lengths.append(UInt8(key.count))
        terms.hashes.append(hash)
        counts.append(1)
        headings.append(heading)
        if terms.count * 2 > slots.count { grow() }
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for entry in 0..<terms.count {
            var slot = SearchKey.slot(terms.hashes[entry], mask: mask)
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(entry + 1)
        }
    }

    /// The report's keys with their bits; the counter is empty again after.
    private mutating func finish() -> ReportTerms {
        var out = terms
        out.bits = (0..<terms.count).map { ReportTerms.frequencyBits(counts[$0]) | headings[$0] }
        for entry in 0..<terms.count {
            let mask = slots.count - 1
            var slot = SearchKey.slot(terms.hashes[entry], mask: mask)
            while Int(slots[slot]) != entry + 1 { slot = (slot + 1) & mask }
            slots[slot] = 0
        }
        terms = ReportTerms()
        terms.bytes.reserveCapacity(out.bytes.count)
        counts.removeAll(keepingCapacity: true)
        headings.removeAll(keepingCapacity: true)
        return out
    }
}
