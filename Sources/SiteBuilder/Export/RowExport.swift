import Foundation

/// Puts an export file of one row a report in the staging folder, copying the rows it can from
/// the file in place: that file's rows are saved in the build cache (`ExportRows`), trusted only
/// while they describe the file the manifest names, with these inputs, and its size still holds.
/// The rows of the file before are kept too: once an edit is undone the site in place holds that
/// file again (kept from the spare, not written), and the next edit copies from it.
struct RowExport {
    let inputs: UInt64
    /// The site in place, which the build copies from and never writes.
    let siteInPlace: String
    let cache: URL
    let site: StagedSite

    /// Puts the file at `path`, whose rows have `keys`, written by `write` as the plan it is given says.
    /// When the staging folder holds its own copy of the file (`StagedSite.ownCopy`, as the spare
    /// keeps one) and its rows are known, that copy is rewritten in place from the first row that
    /// differs, instead of a new file being made beside it.
    func put(_ path: String, keys: [UInt64], write: (ByteSink, ExportPlan) throws -> [Range<Int>]) {
        let saved = cache.appendingPathComponent("export-" + (path as NSString).lastPathComponent + ".rows")
        let before = saved.appendingPathExtension("before")
        let known = [saved, before].compactMap { url in
            ExportRows.load(from: url).flatMap { $0.file.inputs == inputs ? (url: url, rows: $0.rows, file: $0.file) : nil }
        }
        var plan = ExportPlan.renderAll(keys.count)
        var source: Int32 = -1
        defer { if source >= 0 { close(source) } }
        if let (url, rows, file) = known.first(where: { site.hasPrevious(path, hash: $0.file.hash) }) {
            // An undo of this edit returns to the file in place: its rows are kept beside the new ones.
            if url == saved { rename(saved.path, before.path) }
            source = open(siteInPlace + "/" + path, O_RDONLY | O_CLOEXEC)
            var st = stat()
            if source >= 0, fstat(source, &st) == 0, Int(st.st_size) == file.size {
                plan = ExportPlan(keys: keys, previous: rows, source: source)
            }
        }
        let own = plan.previous == nil ? nil : site.ownCopy(path).flatMap { copy in
            known.first { $0.file.hash == copy.hash && $0.file.size == copy.size }?.rows
        }
        var made = ExportRows(keys: keys, ranges: [], parts: []), size = 0
        func make(_ sink: ByteSink, at target: String) throws -> UInt64 {
            made.ranges = try write(sink, plan)
            try sink.finish()
            size = sink.position
            made.parts = try ExportHash.parts(of: target, size: size, rows: made.ranges, plan: plan)
            return ExportHash.file(made.parts)
        }
        let hash: UInt64?
        if let own, let previous = plan.previous {
            hash = site.putPatched(path) { target in
                try make(ByteSink(patching: target) { own.heldBytes(of: $0..<$0 + $1, in: previous, at: $2) }, at: target)
            }
        } else {
            hash = site.putMadeWithHash(path) { try make(ByteSink(path: $0), at: $0) }
        }
        // Rows not saved leave the last ones, which name another file's hash: the next build then writes the file whole.
        if let hash { try? made.save(of: .init(inputs: inputs, hash: hash, size: size), to: saved) }
    }
}
