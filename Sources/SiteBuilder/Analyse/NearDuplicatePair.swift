/// Two reports that share most of their text, found across the whole archive.
public struct NearDuplicatePair: Sendable, Equatable {
    /// Indices into `ArchiveContent.reports`, `a < b`.
    public var a: Int
    public var b: Int
    /// The estimated share of text the two have in common (Jaccard similarity of their shingles), 0…1.
    public var similarity: Double

    public init(a: Int, b: Int, similarity: Double) {
        self.a = a
        self.b = b
        self.similarity = similarity
    }
}
