import Foundation
import ReportModel

@testable import SiteBuilder

/// A small archive made by hand for the data export's tests: awkward text, a section tree three
/// levels deep, figures, an exact duplicate and a near-duplicate pair.
enum ExportFixture {
    static let topics = [TopicDefinition(name: "学前教育", slug: "preschool", keywords: ["学前", "幼儿园"]),
                         TopicDefinition(name: "校园安全", slug: "safety", keywords: ["安全"])]

    /// Text a writer must escape: quotes, a backslash, controls, JavaScript's line separators, a
    /// comma and line breaks for CSV, a leading `=` a spreadsheet would run.
    static let awkward = "=\"引号\"\\反斜杠\t制表\n换行\r\u{1}\u{1F}\u{2028}\u{2029},逗号😀"

    static func content() -> ArchiveContent {
        let tree = ListedReport(
            slug: "zhe-jiang-a-1", id: "a-01", sourceFile: "浙江/a.docx", position: 1, title: awkward, listedTitle: nil,
            issuer: "余姚市教育局", region: Region(province: "浙江省", prefecture: "宁波市", county: "余姚市", level: "市", code: "330281"),
            year: 2023, docType: .summaryPlan, complete: false, signedDate: "2023-12-26", publishedDate: nil, topics: [1, 0],
            sections: [
                .init(anchor: "s1", depth: 0, number: "一、", heading: "学前教育", topics: [0],
                      figures: [.init(phrase: "新建幼儿园", written: "12所", value: 12, unit: "所")]),
                .init(anchor: "s1-1", depth: 1, number: "（一）", heading: "普惠", topics: []),
                .init(anchor: "s1-1-1", depth: 2, number: "1.", heading: awkward, topics: [0, 1],
                      figures: [.init(phrase: "受助学生", written: "686、598人", value: nil, unit: "人")]),
                .init(anchor: "s1-2", depth: 1, number: "（二）", heading: "", topics: []),
                .init(anchor: "s2", depth: 0, number: "二、", heading: "安全", topics: [1],
                      figures: [.init(phrase: "投入资金", written: "3.2亿元", value: 320_000_000, unit: "元"),
                                .init(phrase: "普惠率", written: "91.17%", value: 91.17, unit: "%")]),
            ],
            figures: [.init(phrase: "教育投入", written: "5.6亿元", value: 560_000_000, unit: "元")])
        var copy = ListedReport(
            slug: "zhe-jiang-a-2", id: "a-02", sourceFile: "浙江/a.docx", position: 2, title: "余姚市教育局2023年工作总结", listedTitle: "（转载）",
            issuer: nil, region: Region(), year: 2023, docType: .summary, complete: true, signedDate: nil, publishedDate: "2024-01-05",
            topics: [], sections: [])
        copy.duplicateOf = "a-01"
        copy.department = "财务科"
        copy.period = "2023年"
        let other = ListedReport(
            slug: "b-1", id: "b-01", sourceFile: "b.txt", position: 1, title: nil, listedTitle: nil, issuer: nil, region: Region(level: "县"),
            year: nil, docType: .other, complete: true, signedDate: nil, publishedDate: nil, topics: [], sections: [])
        var content = ArchiveContent(reports: [other, copy, tree], sourceCount: 2, classifier: TopicClassifier(topics: topics), gazetteer: .shared)
        let index = Dictionary(uniqueKeysWithValues: content.reports.enumerated().map { ($1.slug, $0) })
        let (a, b) = (index["zhe-jiang-a-1"]!, index["b-1"]!)
        content.nearDuplicates = [NearDuplicatePair(a: Swift.min(a, b), b: Swift.max(a, b), similarity: 0.875)]
        return content
    }

    static let config: SiteConfig = {
        var config = try! SiteConfig.parse("[site]\ntitle = \"档案\"\nbase_url = \"https://example.org/reports/\"\n", file: "archive.toml")
        config.topics = topics
        return config
    }()

    /// Writes with `write` into a file in a temporary folder and returns its bytes.
    static func bytes(_ write: (ByteSink) throws -> Void) throws -> [UInt8] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ra-export-\(UUID().uuidString)").path
        defer { unlink(path) }
        try write(ByteSink(path: path))
        return [UInt8](FileManager.default.contents(atPath: path) ?? Data())
    }
}
