/// A source's bytes turned into text with uniform `\n` line ends.
public struct DecodedText: Sendable, Equatable {
    public var text: String
    /// `utf-8`, `utf-8-bom`, `utf-16le`, `utf-16be` or `gb18030`.
    public var encoding: String
}

/// Why a source could not be read as text.
public struct DecodeError: Error, Equatable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}
