/// A template rendered once for a `ContextShape`, with a sentinel in place of each value: the
/// markup between values, and where each value goes, escaped or as it is. Filling it in gives the
/// bytes swift-mustache renders for any context of that shape, at the cost of a copy.
///
/// Rendering through swift-mustache costs about 300 µs for a report page (a dynamic cast per key
/// and value), a quarter of a 10,000-report build; a filled skeleton costs a few microseconds.
struct TemplateSkeleton: Sendable {
    enum Piece: Sendable {
        case markup([UInt8])
        case value(Int, escaped: Bool)
    }

    let pieces: [Piece]

    /// U+FDD0 and U+FDD1 are noncharacters, never in interchange text; a template holding one is
    /// rendered without skeletons. The `&` inside tells an escaped value (`&amp;`) from a raw one.
    private static let openText = String(Unicode.Scalar(0xFDD0)!), closeText = String(Unicode.Scalar(0xFDD1)!)
    static let open = Array(openText.utf8), close = Array(closeText.utf8)

    static func sentinel(_ index: Int, endsLine: Bool) -> String {
        openText + "&\(index)" + closeText + (endsLine ? "\n" : "")
    }

    /// Reads the rendering of a sentinel context; nil when a sentinel is not where the template
    /// put it whole (a value used in a way the shape does not capture), so the page is rendered directly.
    init?(rendered: [UInt8], values: Int, endsLine: (Int) -> Bool) {
        var pieces: [Piece] = []
        var markup: [UInt8] = []
        var i = 0
        let n = rendered.count
        while i < n {
            guard rendered[i] == Self.open[0], Self.matches(Self.open, in: rendered, at: i) else {
                markup.append(rendered[i])
                i += 1
                continue
            }
            var j = i + Self.open.count
            let escaped: Bool
            if Self.matches(Self.escapedAmpersand, in: rendered, at: j) {
                escaped = true
                j += Self.escapedAmpersand.count
            } else if j < n, rendered[j] == UInt8(ascii: "&") {
                escaped = false
                j += 1
            } else {
                return nil
            }
            var index = 0, digits = 0
            while j < n, rendered[j] >= 0x30, rendered[j] <= 0x39 {
                index = index * 10 + Int(rendered[j] - 0x30)
                j += 1
                digits += 1
            }
            guard digits > 0, index < values, Self.matches(Self.close, in: rendered, at: j) else { return nil }
            j += Self.close.count
            if endsLine(index) {
                guard j < n, rendered[j] == 0x0A else { return nil }
                j += 1
            }
            if !markup.isEmpty {
                pieces.append(.markup(markup))
                markup = []
            }
            pieces.append(.value(index, escaped: escaped))
            i = j
        }
        if !markup.isEmpty { pieces.append(.markup(markup)) }
        self.pieces = pieces
    }

    /// The page for `values` (a context of this skeleton's shape).
    func fill(_ values: [String], escape: (String) -> String) -> [UInt8] {
        var out: [UInt8] = []
        var size = 0
        for piece in pieces {
            if case .markup(let bytes) = piece { size += bytes.count }
        }
        for value in values { size += value.utf8.count }
        out.reserveCapacity(size + size / 16)
        for piece in pieces {
            switch piece {
            case .markup(let bytes): out.append(contentsOf: bytes)
            case .value(let index, let escaped): out.append(contentsOf: (escaped ? escape(values[index]) : values[index]).utf8)
            }
        }
        return out
    }

    private static let escapedAmpersand: [UInt8] = Array("&amp;".utf8)

    private static func matches(_ needle: [UInt8], in bytes: [UInt8], at i: Int) -> Bool {
        guard i + needle.count <= bytes.count else { return false }
        for k in 0..<needle.count where bytes[i + k] != needle[k] { return false }
        return true
    }
}
