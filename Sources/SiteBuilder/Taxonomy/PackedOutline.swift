import ReportModel

/// A report's sections and key figures as the lists keep them, packed into one byte array: at
/// 10,000 reports (170,000 sections, 145,000 figures) a build's peak memory fell from 136 to
/// 104 MB once they were no longer arrays of strings. Unpacked on demand (a topic page, a compare
/// page, the data export), a few microseconds a report.
///
/// Layout: the report's own figures, then its sections, each a count followed by its items; a
/// string is its UTF-8 length then its bytes, a number a LEB128 varint, a value a flag byte and
/// the Double's bit pattern.
struct PackedOutline: Sendable, Equatable {
    /// Kept as they are in the build's `ListingStore`.
    private(set) var bytes: [UInt8]

    static let empty = PackedOutline(packed: [0, 0])

    /// Bytes already in this layout: an outline read back from the build's `ListingStore`.
    init(packed bytes: [UInt8]) { self.bytes = bytes }

    var contentHash: UInt64 { ContentHash.of(bytes) }

    init(sections: [ListedReport.SectionSummary], figures: [Figure]) {
        if sections.isEmpty && figures.isEmpty {
            self = .empty
            return
        }
        var writer = Writer()
        writer.figures(figures)
        writer.number(sections.count)
        for s in sections {
            writer.string(s.anchor)
            writer.number(s.depth)
            writer.string(s.number)
            writer.string(s.heading)
            writer.number(s.topics.count)
            for t in s.topics { writer.number(t) }
            writer.figures(s.figures)
        }
        // Copied to an array of its own size: appending leaves up to half the capacity unused.
        bytes = Array(writer.out[...])
    }

    var figures: [Figure] {
        var reader = Reader(bytes: bytes)
        return reader.figures()
    }

    var sections: [ListedReport.SectionSummary] { sections { _ in true } }

    /// The sections whose topics pass `keep`, unpacked; the others are stepped over without
    /// building their strings (a topic page wants a few sections of each report, not all).
    func sections(where keep: (_ topics: [Int]) -> Bool) -> [ListedReport.SectionSummary] {
        var reader = Reader(bytes: bytes)
        reader.skipFigures()
        var out: [ListedReport.SectionSummary] = []
        var topics: [Int] = []
        for _ in 0..<reader.number() {
            let anchor = reader.span(), depth = reader.number(), number = reader.span(), heading = reader.span()
            topics.removeAll(keepingCapacity: true)
            for _ in 0..<reader.number() { topics.append(reader.number()) }
            guard keep(topics) else {
                reader.skipFigures()
                continue
            }
            out.append(.init(anchor: reader.string(anchor), depth: depth, number: reader.string(number), heading: reader.string(heading),
                             topics: topics, figures: reader.figures()))
        }
        return out
    }

    /// How many sections and key figures (its own and its sections') it holds, counted without
    /// unpacking a string: all the CSV export gives of them.
    var counts: (sections: Int, figures: Int) {
        var reader = Reader(bytes: bytes)
        var figures = reader.skipFigures()
        let sections = reader.number()
        for _ in 0..<sections {
            _ = (reader.span(), reader.number(), reader.span(), reader.span())  // anchor, depth, number, heading
            for _ in 0..<reader.number() { _ = reader.number() }
            figures += reader.skipFigures()
        }
        return (sections, figures)
    }

    private struct Writer {
        var out: [UInt8] = []

        mutating func number(_ n: Int) { Varint.append(n, to: &out) }

        mutating func string(_ s: String) {
            number(s.utf8.count)
            out += s.utf8
        }

        mutating func figures(_ figures: [Figure]) {
            number(figures.count)
            for f in figures {
                string(f.phrase)
                string(f.written)
                string(f.unit)
                if let value = f.value {
                    out.append(1)
                    withUnsafeBytes(of: value.bitPattern.littleEndian) { out += $0 }
                } else {
                    out.append(0)
                }
            }
        }
    }

    /// Reads what `Writer` wrote; the bytes never come from outside this type.
    private struct Reader {
        let bytes: [UInt8]
        var at = 0

        mutating func number() -> Int {
            var v: UInt = 0, shift: UInt = 0
            while true {
                let byte = bytes[at]
                at += 1
                v |= UInt(byte & 0x7F) << shift
                if byte < 0x80 { return Int(bitPattern: v) }
                shift += 7
            }
        }

        /// Where the next string's bytes lie, stepping over them.
        mutating func span() -> Range<Int> {
            let count = number()
            defer { at += count }
            return at..<(at + count)
        }

        func string(_ span: Range<Int>) -> String { String(decoding: bytes[span], as: UTF8.self) }

        mutating func string() -> String { string(span()) }

        /// Steps over a list of figures; returns how many it held.
        @discardableResult
        mutating func skipFigures() -> Int {
            let count = number()
            for _ in 0..<count {
                for _ in 0..<3 { _ = span() }
                at += bytes[at] == 1 ? 9 : 1
            }
            return count
        }

        mutating func figures() -> [Figure] {
            (0..<number()).map { _ in
                let phrase = string(), written = string(), unit = string()
                var value: Double?
                at += 1
                if bytes[at - 1] == 1 {
                    var bits: UInt64 = 0
                    for i in 0..<8 { bits |= UInt64(bytes[at + i]) << (8 * UInt64(i)) }
                    at += 8
                    value = Double(bitPattern: bits)
                }
                return Figure(phrase: phrase, written: written, value: value, unit: unit)
            }
        }
    }
}
