/// A date as pages write it in their metas, to `yyyy-mm-dd`: `2024-01-05 09:30`,
/// `2024-01-05T09:30:00+08:00`, `2024/1/5`, `2024.1.5`, `2024年1月5日`, `20240105`. What follows
/// the day (a time) is ignored; a date that is no day of the calendar is none.
enum HTMLPublishedDate {
    static func normalised(_ value: String) -> String? {
        let scalars = Array(value.unicodeScalars.drop(while: HTMLText.isBlank))
        var i = 0
        /// The number of up to `length` ASCII digits at `i`, and how many there were.
        func digits(upTo length: Int) -> (value: Int, count: Int) {
            var n = 0, count = 0
            while i < scalars.count, count < length, let d = digit(scalars[i]) {
                n = n * 10 + d
                count += 1
                i += 1
            }
            return (n, count)
        }
        let year: Int, month: Int, day: Int
        let head = digits(upTo: 8)
        switch head.count {
        case 8:
            (year, month, day) = (head.value / 10000, head.value / 100 % 100, head.value % 100)
        case 4:
            guard i < scalars.count, separators.contains(scalars[i]) else { return nil }
            let separator = scalars[i]
            i += 1
            let m = digits(upTo: 2)
            guard m.count > 0, i < scalars.count, scalars[i] == (separator == "年" ? "月" : separator) else { return nil }
            i += 1
            let d = digits(upTo: 2)
            guard d.count > 0 else { return nil }
            (year, month, day) = (head.value, m.value, d.value)
        default:
            return nil
        }
        guard (1900...2100).contains(year), (1...12).contains(month), (1...daysIn(month, of: year)).contains(day) else { return nil }
        return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    /// Between year and month; the same (or `月` after `年`) stands between month and day.
    private static let separators: [Unicode.Scalar] = ["-", "/", ".", "年"]

    private static func digit(_ s: Unicode.Scalar) -> Int? {
        ("0"..."9").contains(s) ? Int(s.value - 0x30) : nil
    }

    private static func daysIn(_ month: Int, of year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
