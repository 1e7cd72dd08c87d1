import Foundation
import ReportModel

/// The slug `archive build` gives a source, for commands that take files by path (`archive parse`),
/// so that the report ids they print are the site's (`ReportID`): a file inside the configured
/// content folder gets the slug the folder's scan gives it, clashes settled as the build settles
/// them; any other file the slug of its name, as if it stood at the top of the content folder.
public struct SourceSlugs {
    private var folder: String?
    private var slugs: [String: String] = [:]

    /// - Parameters:
    ///   - config: the site configuration, or nil when there is none. A content folder that
    ///     cannot be listed holds no file given.
    ///   - configPath: where `config` was read from: the slugs the last build saved beside it are read, not made again.
    public init(config: SiteConfig?, configPath: String? = nil) {
        let cache = configPath.map { SlugCache(folder: BuildSession.cacheFolder(forConfig: $0), tool: BuildSession.toolStamp) }
        guard let config, let scan = try? ContentFolder.scan(config.contentDirectory, followSymlinks: config.followSymlinks, slugs: cache) else { return }
        folder = OutputGuard.canonical(config.contentDirectory)
        for source in scan.sources { slugs[source.name] = source.slug }
    }

    public func slug(forFile path: String) -> String {
        // The folder resolved, not the file: a source may be a link to a file elsewhere.
        let parent = (path as NSString).deletingLastPathComponent
        let real = OutputGuard.canonical(parent.isEmpty ? "." : parent) + "/" + (path as NSString).lastPathComponent
        if let folder, OutputGuard.contains(folder, real), let slug = slugs[String(real.dropFirst(folder.count + 1))] {
            return slug
        }
        return ReportID.sourceSlug((path as NSString).lastPathComponent)
    }
}
