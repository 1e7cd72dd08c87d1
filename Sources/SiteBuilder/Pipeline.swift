import Foundation
import ReportModel
import ReportParser

/// The whole build, one named step after another:
/// config → templates → sources (parse, render and write each report) → index → index pages → data → search → swap in.
/// The steps are in `Steps/`; `BuildSession` runs them and keeps what a rebuild can reuse.
public enum Pipeline {
    public struct Options: Sendable {
        public var configPath: String
        /// Overrides `[site].base_url` (for a production build).
        public var baseURL: String?
        /// Overrides `[search].enabled` (the benchmark builds without search).
        public var search: Bool?
        /// Skip the build when the cache says nothing changed. The preview server turns this off:
        /// its fast path needs the pages' inputs in memory, which only a build provides.
        public var skipWhenUpToDate = true
        /// The session builds again (the preview server): only then does a build keep in memory what
        /// the next one starts from. A one-shot build skips that (35,832 records at 100,000 reports).
        public var buildsAgain = true
        /// Replace an existing output folder that no build made (never a project folder, `/` or home).
        public var force = false
        /// Told, before the wait, that another build holds the project's lock.
        public var waiting: (@Sendable (String) -> Void)?

        public init(configPath: String, baseURL: String? = nil) {
            self.configPath = configPath
            self.baseURL = baseURL
        }
    }

    public struct Summary: Sendable {
        public var sources = 0
        public var reports = 0
        public var pages = 0
        public var files = 0
        /// Sources that could not be read, each message naming the file.
        public var errors: [String] = []
        public var warnings: [String] = []
        public var steps: [(name: String, seconds: Double)] = []
        /// The build's time, every step's (search indexing, step "search", included).
        public var seconds: Double { steps.reduce(0) { $0 + $1.seconds } }
        public var output = ""
        /// Sources parsed and their pages rendered anew (the rest were unchanged since the last build).
        public var sourcesParsed = 0
        /// Report pages rendered anew.
        public var reportPagesRendered = 0
        /// List pages unchanged since the last build, linked rather than rendered.
        public var listPagesReused = 0
        /// The search index was updated from the site in place, not made anew from every report.
        public var searchIndexUpdated = false
        /// Files whose bytes changed and were written; the others were linked from the previous site.
        public var filesWritten = 0
        /// Unchanged files linked from the site in place into the new one: few when the build started
        /// from the site before last (the spare), which already held them.
        public var filesLinked = 0
        /// Nothing the build reads has changed since the last build: nothing was done.
        public var upToDate = false
    }

    /// Builds the site once. Throws only when no site can be built (bad config or templates); a
    /// source that fails is reported in `errors` and the others still make the site.
    public static func build(_ options: Options, progress: (@Sendable (String, Int, Int) -> Void)? = nil) throws -> Summary {
        try BuildSession(options).build(progress: progress)
    }
}
