import Foundation

/// The skeletons of one build's templates, by template and context shape, shared by the threads
/// that render pages. Output never depends on it: a page renders to the same bytes from a skeleton
/// as from swift-mustache, so where skeletons do not pay (a template whose pages each have a shape
/// of their own), the template stops using them after a trial.
final class SkeletonCache: @unchecked Sendable {
    private struct Entry {
        var skeletons: [[UInt8]: TemplateSkeleton?] = [:]
        var hits = 0, misses = 0
        /// Half the template's pages or more have shapes seen before (judged after a trial, as the
        /// first pages of a build bring most of the new shapes).
        var pays: Bool { misses < Self.trial || hits >= misses }
        static let trial = 256
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]

    /// Whether skeletons can stand in for a template's rendering: it calls no transform
    /// (`{{name(value)}}`, which could read a value's content) and holds no sentinel character.
    static func fits(_ template: String) -> Bool {
        let bytes = Array(template.utf8)
        if bytes.firstRange(of: TemplateSkeleton.open) != nil || bytes.firstRange(of: TemplateSkeleton.close) != nil { return false }
        var inTag = false
        for i in bytes.indices {
            if !inTag, bytes[i] == UInt8(ascii: "{"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "{") { inTag = true }
            else if inTag, bytes[i] == UInt8(ascii: "}") { inTag = false }
            else if inTag, bytes[i] == UInt8(ascii: "(") { return false }
        }
        return true
    }

    /// The page from its shape's skeleton, or nil when it must be rendered directly (by the caller).
    /// `direct` renders a context with swift-mustache; it is called for a shape not seen before.
    func render(_ name: String, _ context: [String: Any], direct: ([String: Any]) -> String) -> [UInt8]? {
        lock.lock()
        let pays = entries[name, default: Entry()].pays
        lock.unlock()
        guard pays, let shape = ContextShape(context) else { return nil }

        lock.lock()
        let known = entries[name]?.skeletons[shape.key]
        if known != nil { entries[name]!.hits += 1 } else { entries[name, default: Entry()].misses += 1 }
        lock.unlock()

        let skeleton: TemplateSkeleton?
        if let known {
            skeleton = known
        } else {
            var endsLine: [Bool] = []
            let sentinels = ContextShape.sentinels(for: context) { index, ends in
                endsLine.append(ends)
                return TemplateSkeleton.sentinel(index, endsLine: ends)
            }
            skeleton = TemplateSkeleton(rendered: Array(direct(sentinels).utf8), values: shape.values.count, endsLine: { endsLine[$0] })
            lock.lock()
            entries[name]!.skeletons[shape.key] = .some(skeleton)
            lock.unlock()
        }
        return skeleton?.fill(shape.values, escape: HTML.escape)
    }
}
