/// A text built the first time it is asked for. A report's joined body is needed only by the
/// fallbacks for region and level and by the duplicate check, which many reports never reach.
final class LazyText {
    private var make: (() -> String)?
    private var built: String?

    init(_ make: @escaping () -> String) {
        self.make = make
    }

    var value: String {
        if let built { return built }
        let text = make!()
        built = text
        make = nil
        return text
    }
}
