/// The word lists of `Resources/metadata-words.txt`: the words that name a report's kind and its
/// office. Data, not code: a new kind of title or office is a line there.
enum MetadataWords {
    enum Kind: String, CaseIterable, Sendable {
        case summary, plan, reviewAndPlan = "review-and-plan", speech, meeting, generic, office, government
    }

    static let standard = WordLists<Kind>.bundled("metadata-words")
}
