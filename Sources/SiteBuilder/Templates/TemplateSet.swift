import Foundation
import Mustache

/// The Mustache templates in `templates/`, compiled once per build.
public struct TemplateSet: Sendable {
    /// A template that cannot be used, named with its file and line.
    public struct Error: Swift.Error, CustomStringConvertible {
        public var file: String
        public var line: Int?
        public var message: String
        public var description: String { "\(file)\(line.map { ":\($0)" } ?? ""): \(message)" }
    }

    /// Templates every site needs; the rest (partials) are whatever these include.
    public static let required = ["layout", "home", "report", "list", "index", "404", "search", "compare", "duplicates"]

    let library: MustacheLibrary
    /// Nil when a template uses what a skeleton cannot stand in for (transforms, the sentinels).
    private let skeletons: SkeletonCache?
    public let directory: String
    /// Changes whenever any template or static file changes: every page must be rendered again.
    public let fingerprint: UInt64

    public init(directory given: String) throws(Error) {
        _ = Self.fastEscaping
        // A symlinked templates folder is common (shared themes); the enumerator would not enter it.
        let directory = URL(fileURLWithPath: given).resolvingSymlinksInPath().path
        self.directory = directory
        var library = MustacheLibrary()
        var hashes: [UInt64] = []
        var skeletonsFit = true
        let fm = FileManager.default
        guard let files = fm.enumerator(atPath: directory)?.compactMap({ $0 as? String }).filter({ $0.hasSuffix(".mustache") }).sorted() else {
            throw Error(file: directory, message: "the templates folder does not exist")
        }
        for file in files {
            let path = (directory as NSString).appendingPathComponent(file)
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw Error(file: path, message: "cannot be read as UTF-8 text")
            }
            hashes.append(ContentHash.of(Array(file.utf8)))
            hashes.append(ContentHash.of(Array(text.utf8)))
            skeletonsFit = skeletonsFit && SkeletonCache.fits(text)
            do {
                library.register(try MustacheTemplate(string: Self.escapingPragma + text), named: String(file.dropLast(".mustache".count)))
            } catch let error as MustacheTemplate.ParserError {
                throw Error(file: path, line: error.context.lineNumber - 1, message: "\(error.error) near \"\(error.context.line.trimmingCharacters(in: .whitespaces))\"")
            } catch {
                throw Error(file: path, message: "\(error)")
            }
        }
        for name in Self.required where library.getTemplate(named: name) == nil {
            throw Error(file: (directory as NSString).appendingPathComponent("\(name).mustache"), message: "missing: every site needs this template")
        }
        self.library = library
        skeletons = skeletonsFit ? SkeletonCache() : nil
        let statics = (fm.enumerator(atPath: (directory as NSString).appendingPathComponent("static"))?.compactMap { $0 as? String } ?? []).sorted()
        for file in statics {
            hashes.append(ContentHash.of(Array(file.utf8)))
            if let data = fm.contents(atPath: (directory as NSString).appendingPathComponent("static/\(file)")) { hashes.append(ContentHash.of([UInt8](data))) }
        }
        fingerprint = ContentHash.combine(hashes)
    }

    /// swift-mustache escapes `{{value}}` Character by Character through a dictionary, a tenth of a
    /// large build's time. The same five entities, escaped over UTF-8 bytes (`HTML.escape`), take the
    /// place of its `HTML` content type, and every template is read as starting with this pragma
    /// (on a line of its own, which renders as nothing), so a user's templates get it too.
    static let escapingPragma = "{{% CONTENT_TYPE: HTML }}\n"

    private struct ByteHTML: MustacheContentType {
        func escapeText(_ text: String) -> String { HTML.escape(text) }
    }

    private static let fastEscaping: Void = MustacheContentTypes.register(ByteHTML(), named: "HTML")

    public func render(_ name: String, _ context: [String: Any]) -> String {
        String(decoding: renderBytes(name, context), as: UTF8.self)
    }

    /// The page's bytes: from the skeleton of the context's shape when there is one, else from swift-mustache.
    public func renderBytes(_ name: String, _ context: [String: Any]) -> [UInt8] {
        if let skeletons, let bytes = skeletons.render(name, context, direct: { library.render($0, withTemplate: name) ?? "" }) {
            return bytes
        }
        return Array((library.render(context, withTemplate: name) ?? "").utf8)
    }

    /// A file copied as it is (the stylesheet), or nil when the site has none.
    public func staticFiles() -> [(path: String, data: Data)] {
        let root = (directory as NSString).appendingPathComponent("static")
        guard let files = FileManager.default.enumerator(atPath: root)?.compactMap({ $0 as? String }).sorted() else { return [] }
        return files.compactMap { file in
            var isDir: ObjCBool = false
            let path = (root as NSString).appendingPathComponent(file)
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue,
                  let data = FileManager.default.contents(atPath: path) else { return nil }
            return (file, data)
        }
    }
}
