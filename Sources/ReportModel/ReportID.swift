/// A report's one id, the same in `archive parse`, the site's URLs and front matter, and every
/// data export: its source's slug and its position in the source, from 1 (`000-155cf9d07f7bc588-1`).
/// The page's slug is the id because the URL is the name people share and paste back.
public enum ReportID {
    public static func make(source slug: String, position: Int) -> String { "\(slug)-\(position)" }

    /// The slug of a source at `name`, its path in the content folder, before a clash with another
    /// source's gains it `-2`: its folders and name, a text file's extension dropped and any other
    /// kept (`余姚市-2023.docx` → `…-2023-docx`), so that a Word file and its text beside it each
    /// keep their own slug whichever was added first.
    public static func sourceSlug(_ name: String) -> String {
        let dot = name.lastIndex(of: ".") ?? name.endIndex
        let stem = Slug.make(String(name[..<dot]))
        guard dot < name.endIndex, SourceFormat(fileName: name) != .text else { return stem }
        return stem + "-" + name[name.index(after: dot)...].lowercased()
    }

    /// The id's source slug and position, when `id` has the form of an id.
    public static func split(_ id: String) -> (source: Substring, position: Int)? {
        guard let dash = id.lastIndex(of: "-"), let position = Int(id[id.index(after: dash)...]), position > 0 else { return nil }
        return (id[..<dash], position)
    }
}
