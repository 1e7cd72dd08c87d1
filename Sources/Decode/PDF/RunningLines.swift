/// Finds a PDF's running headers, running footers and page numbers among its pages' lines: a line
/// within a page's first or last `edgeDepth` non-empty lines is running when a line of the same
/// `PageNumber` key stands at that edge on at least half the pages with text, and on two or more;
/// a line that is a page number alone (`— 3 —`, `第3页 共10页`) goes wherever it stands at an edge.
///
/// Lines are taken from the edge inwards and the first one that is neither stops the search, so
/// the body below a header is never reached; a running line is taken once a page, so a report
/// title that repeats the header it follows stays.
enum RunningLines {
    enum Kind: String, Sendable {
        case header = "pdf-running-header"
        case footer = "pdf-running-footer"
        case pageNumber = "pdf-page-number"
    }

    struct Found: Equatable, Sendable {
        var page: Int
        var line: Int
        var kind: Kind
    }

    /// A header or footer is a title, a date, a rule: a few lines, never the body.
    static let edgeDepth = 3
    /// A line must stand at the edge of at least this many pages to be running, so that a single
    /// page's first line does not count as a header of a one- or two-page document by itself.
    static let minPages = 2

    /// The lines to drop, page by page, top down; `pages` holds each page's lines, blank ones included.
    static func find(in pages: [[String]]) -> [Found] {
        let edges = pages.map(Edges.init)
        let pagesWithText = edges.count { !$0.top.isEmpty }
        let headers = running(edges.map(\.top), pagesWithText: pagesWithText)
        let footers = running(edges.map(\.bottom), pagesWithText: pagesWithText)

        var found: [Found] = []
        for (page, edge) in edges.enumerated() {
            let top = take(edge.top, running: headers, kind: .header, page: page, taken: [])
            let bottom = take(edge.bottom, running: footers, kind: .footer, page: page, taken: Set(top.map(\.line)))
            found += top + bottom.reversed()
        }
        return found
    }

    /// A page's first and last non-empty lines, from the edge inwards, with their keys.
    private struct Edges {
        var top: [(line: Int, number: PageNumber)]
        var bottom: [(line: Int, number: PageNumber)]

        init(_ lines: [String]) {
            let filled = lines.indices.filter { !lines[$0].unicodeScalars.allSatisfy(\.properties.isWhitespace) }
            top = filled.prefix(RunningLines.edgeDepth).map { ($0, PageNumber(line: lines[$0])) }
            bottom = filled.suffix(RunningLines.edgeDepth).reversed().map { ($0, PageNumber(line: lines[$0])) }
        }
    }

    /// The keys that stand at this edge on enough pages, each page counted once.
    private static func running(_ edges: [[(line: Int, number: PageNumber)]], pagesWithText: Int) -> Set<String> {
        var pagesByKey: [String: Int] = [:]
        for edge in edges {
            for key in Set(edge.map(\.number.key)) { pagesByKey[key, default: 0] += 1 }
        }
        return Set(pagesByKey.filter { $0.value >= minPages && $0.value * 2 >= pagesWithText }.keys)
    }

    /// The edge's lines to drop, from the edge inwards, up to the first that is neither running
    /// nor a page number; `taken` are lines the other edge dropped already.
    private static func take(_ edge: [(line: Int, number: PageNumber)], running: Set<String>, kind: Kind, page: Int,
                             taken: Set<Int>) -> [Found] {
        var found: [Found] = []
        var seen: Set<String> = []
        for (line, number) in edge where !taken.contains(line) {
            if isPageNumber(number, running: running, page: page) {
                found.append(Found(page: page, line: line, kind: .pageNumber))
            } else if running.contains(number.key), seen.insert(number.key).inserted {
                found.append(Found(page: page, line: line, kind: kind))
            } else {
                break
            }
        }
        return found
    }

    /// A bare number is a page number when numbers stand at this edge page after page, or when it
    /// is the page's own (a one-page document's `1`); otherwise it may be a table's cell.
    private static func isPageNumber(_ number: PageNumber, running: Set<String>, page: Int) -> Bool {
        guard number.isPageNumber else { return false }
        return !number.isBare || running.contains(number.key) || number.value == page + 1
    }
}
