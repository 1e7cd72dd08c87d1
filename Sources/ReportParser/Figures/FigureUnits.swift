/// The units of `figure-words.txt` for readers outside the parser (the compare page reads changed
/// numbers with them): one list says what a number's unit is, wherever numbers are read.
public enum FigureUnits {
    /// How many scalars the unit that starts at `text[i]` takes, with an `about` word before it
    /// (15余所, 1650余人次); 0 when no unit starts there.
    public static func length(in text: [Unicode.Scalar], at i: Int) -> Int {
        let words = FigureWords.standard
        var end = i
        if let about = words.match(.about, in: text, at: end) { end += about.count }
        guard let unit = words.match(.unit, in: text, at: end) else { return 0 }
        return end + unit.count - i
    }
}
