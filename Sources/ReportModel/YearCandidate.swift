/// A year the text supports, and where it was read.
public struct YearCandidate: Codable, Sendable, Equatable {
    public enum Origin: String, Codable, Sendable, Comparable {
        // Declared in order of trust: a signed date outranks a title, a title outranks the body.
        case signedDate = "signed_date"
        case title
        case listedTitle = "listed_title"
        case heading
        case body
        case published

        var rank: Int {
            switch self {
            case .signedDate: 0
            case .title: 1
            case .listedTitle: 2
            case .heading: 3
            case .body: 4
            case .published: 5
            }
        }

        public static func < (lhs: Origin, rhs: Origin) -> Bool { lhs.rank < rhs.rank }
    }

    public var value: Int
    public var from: Origin

    public init(value: Int, from: Origin) {
        self.value = value
        self.from = from
    }
}
