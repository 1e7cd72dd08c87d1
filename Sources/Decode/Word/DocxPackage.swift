import Foundation
import Markup
import ZIPFoundation

/// A .docx as the zip package it is: its parts by path, and the relationships that name the main
/// document and the parts it uses. Parts are read from memory, each at most `maxPartSize`
/// unpacked, so a zip bomb is refused instead of filling memory.
struct DocxPackage {
    /// Bigger than any real document part (a 500-page report's document.xml is about 20 MB).
    static let maxPartSize = 256 << 20

    private let archive: Archive
    /// The archive's files by path, listed once: `Archive` looks a path up by reading its whole
    /// central directory again.
    private let files: [String: Entry]
    private let name: String

    /// Fails when `bytes` are not a readable zip archive (damaged or truncated).
    init(_ bytes: [UInt8], name: String) throws(DecodeError) {
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw DecodeError(path: name, reason: "is not a readable Word file (a damaged zip archive)")
        }
        var files: [String: Entry] = [:]
        for entry in archive where entry.type == .file && files[entry.path] == nil {
            files[entry.path] = entry
        }
        self.files = files
        self.name = name
    }

    /// The bytes of the part at `path` (no leading `/`), nil when the package has none.
    func part(_ path: String) throws(DecodeError) -> Data? {
        guard let entry = files[path] else { return nil }
        guard entry.uncompressedSize <= UInt64(Self.maxPartSize) else {
            throw DecodeError(path: name, reason: "is not a readable Word file (\(path) unpacks to more than \(Self.maxPartSize >> 20) MB)")
        }
        var data = Data()
        data.reserveCapacity(Int(entry.uncompressedSize))
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                // The declared size may lie; the unpacked bytes are counted as they come.
                guard data.count + chunk.count <= Self.maxPartSize else { throw PartTooLarge() }
                data.append(chunk)
            }
        } catch is PartTooLarge {
            throw DecodeError(path: name, reason: "is not a readable Word file (\(path) unpacks to more than \(Self.maxPartSize >> 20) MB)")
        } catch {
            throw DecodeError(path: name, reason: "is not a readable Word file (its \(path) is damaged in the zip archive)")
        }
        return data
    }

    /// The first of `paths` the package has, and its bytes.
    func firstPart(of paths: [String]) throws(DecodeError) -> (path: String, data: Data)? {
        for path in paths {
            if let data = try part(path) { return (path, data) }
        }
        return nil
    }

    /// The XML of the part at `path`: nil when it is missing or not well-formed.
    func xml(_ path: String) throws(DecodeError) -> MarkupElement? {
        guard let data = try part(path), case .success(let root) = MarkupDocument.xml(data) else { return nil }
        return root
    }

    /// The relationships of the part at `source` (`""` for the package itself): which parts it
    /// uses, by type (`…/relationships/styles`).
    struct Relationships {
        fileprivate var items: [(type: String, target: String)] = []

        /// The targets of the relationships of `type`, as paths from the package root, in the
        /// order the relationships part lists them.
        func targets(_ type: WordML.Relationship) -> [String] {
            items.filter { $0.type.hasSuffix("/" + type.rawValue) }.map(\.target)
        }
    }

    func relationships(of source: String) throws(DecodeError) -> Relationships {
        let folder = source.split(separator: "/").dropLast().joined(separator: "/")
        let file = source.split(separator: "/").last.map(String.init) ?? ""
        let relsPath = (folder.isEmpty ? "" : folder + "/") + "_rels/" + file + ".rels"
        var out = Relationships()
        guard let rels = try xml(relsPath) else { return out }
        for case .element(let r) in rels.children where r.name == "Relationship" && r.namespace == WordML.relationships {
            guard r.attribute("TargetMode") != "External", let target = r.attribute("Target"), let type = r.attribute("Type") else { continue }
            out.items.append((type, Self.resolve(target, from: folder)))
        }
        return out
    }

    /// The main document part as `[Content_Types].xml` names it (`…wordprocessingml.document.main+xml`,
    /// or a template's or macro-enabled document's), for a package whose relationships do not.
    func mainPartByContentType() throws(DecodeError) -> String? {
        guard let types = try xml("[Content_Types].xml") else { return nil }
        for case .element(let e) in types.children where e.name == "Override" {
            guard let type = e.attribute("ContentType"), type.contains("wordprocessingml"), type.hasSuffix(".main+xml"),
                  let part = e.attribute("PartName") else { continue }
            return Self.resolve(part, from: "")
        }
        return nil
    }

    /// A relationship's target, relative to the source part's folder or absolute from the root.
    static func resolve(_ target: String, from folder: String) -> String {
        var parts = target.hasPrefix("/") ? [] : folder.split(separator: "/").map(String.init)
        for piece in target.split(separator: "/") {
            switch piece {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(String(piece))
            }
        }
        return parts.joined(separator: "/")
    }

    private struct PartTooLarge: Error {}
}
