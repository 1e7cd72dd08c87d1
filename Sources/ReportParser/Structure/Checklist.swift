import ReportModel

/// A run of numbered items that are whole sentences with nothing under them (`1、召开全市教育工作会议，
/// 部署全年任务。` … `12、…。`) is a list, not that many headings: its items go back into the text.
enum Checklist {
    /// Fewer items than this are read as headings whatever they hold.
    static let minItems = 3

    /// Unfolds the lists among `sections`' leading children (and the roots' into `preamble`),
    /// keeping the body's order: a section's paragraphs read before its children. The items'
    /// figures, their headings' among them, go into `figures` with their text.
    static func unfold(_ sections: inout [Section], into paragraphs: inout [String], figures: inout [Figure]) {
        var k = 0
        while k < sections.count, isItem(sections[k]) { k += 1 }
        if k >= minItems {
            // The last item takes the text after the list as its own paragraphs: it goes back too.
            if k < sections.count, isItem(sections[k], last: true) { k += 1 }
            for i in 0..<k {
                paragraphs.append(sections[i].fullHeading)
                paragraphs += sections[i].paragraphs
                figures += FigureReader.figures(in: sections[i].fullHeading) + sections[i].figures
            }
            sections.removeSubrange(0..<k)
        }
        for i in sections.indices where !sections[i].children.isEmpty {
            var children = sections[i].children
            sections[i].children = []  // held once while it is edited
            var figures = sections[i].figures
            sections[i].figures = []
            unfold(&children, into: &sections[i].paragraphs, figures: &figures)
            sections[i].children = children
            sections[i].figures = figures
        }
    }

    /// An item: `1.` `(1)` `①` numbering, a heading that ends its sentence, no text or items of its own.
    private static func isItem(_ section: Section, last: Bool = false) -> Bool {
        guard section.level >= HeadingMarker.Kind.arabic.rawValue, last || section.paragraphs.isEmpty, section.children.isEmpty,
              let last = section.heading.unicodeScalars.last else { return false }
        return last.isTerminal
    }
}
