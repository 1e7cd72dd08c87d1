import ReportModel

/// One file of the built site.
public struct OutputFile: Sendable {
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}

/// What every page's layout needs, and the links a page makes relative to itself.
struct PageContext {
    var config: SiteConfig
    var paths: SitePaths
    var searchEnabled = false

    /// The layout's keys for a page at `path`; `extra` holds the page's own.
    func context(path: String, title: String, description: String? = nil, _ extra: [String: Any] = [:]) -> [String: Any] {
        var c: [String: Any] = [
            "lang": config.language,
            "siteTitle": config.title,
            "pageTitle": title,
            "root": SitePaths.root(from: path),
            "canonical": config.baseURL + path,
            "searchEnabled": searchEnabled,
            "dataSQLite": config.exportSQLite,
        ]
        if let d = description ?? (config.description.isEmpty ? nil : config.description) { c["description"] = d }
        c.merge(extra) { _, new in new }
        return c
    }

    /// `target` as seen from the page at `from`.
    func link(_ target: String, from: String) -> String {
        SitePaths.root(from: from) + target
    }
}

extension DocType {
    /// The name pages show for the type.
    var displayName: String {
        switch self {
        case .summary: "工作总结"
        case .plan: "工作计划与要点"
        case .summaryPlan: "总结与计划"
        case .specialSummary: "专项工作总结"
        case .speech: "讲话"
        case .other: "其他"
        }
    }

    /// ASCII slug for the type's page.
    var slug: String {
        switch self {
        case .summaryPlan: "summary-plan"
        default: rawValue
        }
    }
}
