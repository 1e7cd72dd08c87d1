/// JSON written a value at a time into a buffer that goes to a `ByteSink` a megabyte at a time,
/// without building a tree: at 100,000 reports JSONEncoder took seconds and held the whole
/// document. The writer keeps the commas; callers keep the nesting (each `begin…` closed by its
/// `end…`) and call `finish()` at the end. At 100,000 reports (426 MB) `ReportsJSON` takes 3.2 s of CPU.
struct JSONWriter {
    private let sink: ByteSink
    private var out: [UInt8] = []
    /// Whether the next value or key follows another in its object or array and so takes a comma:
    /// false after an opening bracket and after a key, true after a value or a closing bracket.
    private var comma = false
    private static let chunk = 1 << 20

    init(_ sink: ByteSink) {
        self.sink = sink
        out.reserveCapacity(Self.chunk + (1 << 16))
    }

    mutating func beginObject() { open(0x7B) }
    mutating func endObject() throws { try close(0x7D) }
    mutating func beginArray() { open(0x5B) }
    mutating func endArray() throws { try close(0x5D) }

    /// Starts the next member of an object; its value follows. Names are the writer's own, never escaped.
    mutating func key(_ name: StaticString) {
        separate()
        out.append(0x22)
        name.withUTF8Buffer { out.append(contentsOf: $0) }
        out.append(0x22)
        out.append(0x3A)
        comma = false
    }

    mutating func string(_ value: String?) {
        separate()
        guard let value else { return null() }
        Self.quote(value, into: &out)
    }

    mutating func int(_ value: Int?) {
        separate()
        guard let value else { return null() }
        Self.digits(value, into: &out)
    }

    /// A whole number without a fraction (`320000000`, not `320000000.0`), else the shortest form
    /// that reads back as the same double; null for a value JSON cannot hold (infinity, NaN).
    mutating func number(_ value: Double?) {
        separate()
        guard let value, value.isFinite else { return null() }
        if value == value.rounded(), abs(value) < 1e15 {
            Self.digits(Int(value), into: &out)
        } else {
            out.append(contentsOf: value.description.utf8)
        }
    }

    mutating func bool(_ value: Bool) {
        separate()
        out.append(contentsOf: (value ? "true" : "false").utf8)
    }

    mutating func field(_ name: StaticString, _ value: String?) {
        key(name)
        string(value)
    }

    mutating func field(_ name: StaticString, _ value: Int?) {
        key(name)
        int(value)
    }

    /// A line break between values, for a reader that takes the file a line at a time.
    mutating func newline() { out.append(0x0A) }

    /// Where the next byte will stand in the file.
    var position: Int { sink.position + out.count }

    /// Values copied as they stand from `count` bytes of the file `source` at `offset` (a run of an
    /// earlier file's values, with their commas between them); returns where they start.
    mutating func copy(_ count: Int, from source: Int32, at offset: Int) throws -> Int {
        separate()
        try sink.write(out)
        out.removeAll(keepingCapacity: true)
        let start = sink.position
        try sink.copy(count, from: source, at: offset)
        return start
    }

    /// Hands what is left to the sink and flushes it.
    mutating func finish() throws {
        try sink.write(out)
        out.removeAll()
        try sink.flush()
    }

    private mutating func null() { out.append(contentsOf: "null".utf8) }

    private mutating func open(_ bracket: UInt8) {
        separate()
        out.append(bracket)
        comma = false
    }

    private mutating func close(_ bracket: UInt8) throws {
        out.append(bracket)
        comma = true
        if out.count >= Self.chunk {
            try sink.write(out)
            out.removeAll(keepingCapacity: true)
        }
    }

    private mutating func separate() {
        if comma { out.append(0x2C) }
        comma = true
    }

    /// `value` in decimal, written digit by digit: `String(value)` made a string for every number.
    static func digits(_ value: Int, into out: inout [UInt8]) {
        var magnitude = value.magnitude
        if value < 0 { out.append(0x2D) }
        var reversed: (UInt64, UInt64, UInt64) = (0, 0, 0)  // up to 20 digits, least significant first
        var count = 0
        repeat {
            withUnsafeMutableBytes(of: &reversed) { $0[count] = UInt8(truncatingIfNeeded: magnitude % 10) + 0x30 }
            magnitude /= 10
            count += 1
        } while magnitude > 0
        withUnsafeBytes(of: &reversed) { digits in
            for i in stride(from: count - 1, through: 0, by: -1) { out.append(digits[i]) }
        }
    }

    /// `text` as a JSON string: quotes, backslashes and control characters escaped, and U+2028 and
    /// U+2029, which end a line in JavaScript, escaped too so the file can be pasted into a script.
    /// Text with nothing to escape, nearly all of it, is copied whole.
    static func quote(_ text: String, into out: inout [UInt8]) {
        out.append(0x22)
        if text.utf8.withContiguousStorageIfAvailable({ escape($0, into: &out) }) == nil {
            var text = text
            text.makeContiguousUTF8()
            text.utf8.withContiguousStorageIfAvailable { escape($0, into: &out) }
        }
        out.append(0x22)
    }

    private static func escape(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        guard bytes.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }) else {
            return out.append(contentsOf: bytes)
        }
        var run = 0, i = 0
        while i < bytes.count {
            let b = bytes[i]
            let escape: String
            var width = 1
            switch b {
            case 0x22: escape = "\\\""
            case 0x5C: escape = "\\\\"
            case 0x0A: escape = "\\n"
            case 0x0D: escape = "\\r"
            case 0x09: escape = "\\t"
            case 0x08: escape = "\\b"
            case 0x0C: escape = "\\f"
            case 0x00..<0x20: escape = "\\u00" + String(b >> 4, radix: 16) + String(b & 0xF, radix: 16)
            case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                escape = bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                width = 3
            default:
                i += 1
                continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
            out.append(contentsOf: escape.utf8)
            i += width
            run = i
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<bytes.count]))
    }
}
