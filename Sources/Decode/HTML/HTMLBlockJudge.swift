import Markup

/// Decides, before a page is written, which of its elements are left out and why: what is never
/// text (`HTMLChrome.silent`, hidden), what says it is chrome (`HTMLChrome.rule`), a form too
/// small to wrap the page, and blocks that are mostly links: a site's menus, lists of related
/// documents, breadcrumbs, pagers.
///
/// A block is link-dense when it holds several links and at least half its visible text is link
/// text (a lone `<li><a>首页</a></li>` is not; its list is judged as a whole). One link is a
/// citation or a title, not a menu, however much of its block it fills. A block that holds a
/// paragraph (enough text that is not links, not link-dense) is never dropped whole, only its
/// link-dense parts: a page's wrapper is mostly links when its menus are longer than its report.
/// Headings are never dropped for their links.
struct HTMLBlockJudge {
    enum Verdict: Equatable {
        case keep
        /// Not shown as text: left out without a record.
        case silent
        /// Shown but not the report's: left out and recorded under this rule.
        case chrome(String)
    }

    /// Blocks with fewer visible characters are not weighed by their share of links: a few words
    /// between two links (`详见附件1和附件2`) are not a menu, but links with nothing but separators
    /// between them are.
    static let judgedText = 10
    /// A block is link-dense when link text is at least this share of its text: a menu or a list
    /// of titles is nearly all links; a paragraph that cites documents is mostly not.
    static let linkShare = 0.5
    /// A paragraph has at least this many visible characters that are not links: more than a
    /// list item's date or page count beside its title, less than any report's sentence.
    static let paragraphText = 20

    /// One verdict for each element the page's writer will visit, in document order: an element
    /// left out has one, and none for what it holds.
    static func verdicts(for root: MarkupElement) -> [Verdict] {
        var judge = HTMLBlockJudge()
        _ = judge.measure(root, sectioned: false, inLink: false)
        return judge.verdicts
    }

    private var verdicts: [Verdict] = []

    private struct Measure {
        /// Visible characters, blanks not counted, in what is kept.
        var text = 0
        var linkText = 0
        /// Links with visible text.
        var links = 0
        var holdsParagraph = false
        /// A link-dense block in it was left out.
        var droppedLinks = false

        var isLinkDense: Bool {
            guard links >= 2 else { return false }
            // Too short to weigh: a bar of links (`下载 收藏 举报`, `首页 > 专区`), separators at most between them.
            guard text >= HTMLBlockJudge.judgedText else { return text - linkText <= links }
            return Double(linkText) >= Double(text) * HTMLBlockJudge.linkShare
        }
    }

    private mutating func measure(_ element: MarkupElement, sectioned: Bool, inLink: Bool) -> Measure {
        let index = verdicts.count
        verdicts.append(.keep)
        if HTMLChrome.silent.contains(element.name) || HTMLChrome.isHidden(element) {
            verdicts[index] = .silent
            return Measure()
        }
        if let rule = HTMLChrome.rule(for: element, sectioned: sectioned) {
            verdicts[index] = .chrome(rule)
            return Measure()
        }
        let startsLink = !inLink && element.name == "a" && element.attribute("href") != nil
        let isLink = inLink || startsLink
        let childrenSectioned = sectioned || HTMLLayout.sectioning.contains(element.name)
        var measure = Measure()
        for child in element.children {
            switch child {
            case .text(let text):
                let n = Self.visibleCount(text)
                measure.text += n
                if isLink { measure.linkText += n }
            case .element(let child):
                let inner = self.measure(child, sectioned: childrenSectioned, inLink: isLink)
                measure.text += inner.text
                measure.linkText += inner.linkText
                measure.links += inner.links
                measure.holdsParagraph = measure.holdsParagraph || inner.holdsParagraph
                measure.droppedLinks = measure.droppedLinks || inner.droppedLinks
            }
        }
        if startsLink && measure.text > 0 { measure.links += 1 }
        if element.name == "form" && measure.text - measure.linkText < HTMLChrome.pageFormText {
            verdicts.removeSubrange((index + 1)...)
            verdicts[index] = .chrome("html-form")
            return Measure()
        }
        guard (HTMLLayout.blocks.contains(element.name) || HTMLLayout.cells.contains(element.name))
            && element.name != "html" && element.name != "body" && !measure.holdsParagraph else { return measure }
        if measure.isLinkDense && !HTMLLayout.headings.contains(element.name)
            || measure.droppedLinks && measure.text < Self.judgedText {
            // Mostly links; or a caption (`相关文档`) left beside the link lists dropped from it.
            verdicts.removeSubrange((index + 1)...)
            verdicts[index] = .chrome("html-links")
            return Measure(droppedLinks: true)
        }
        measure.holdsParagraph = !measure.isLinkDense && measure.text - measure.linkText >= Self.paragraphText
        return measure
    }

    private static func visibleCount(_ text: String) -> Int {
        var n = 0
        for s in HTMLText.visible(text).unicodeScalars where !HTMLText.isBlank(s) { n += 1 }
        return n
    }
}
