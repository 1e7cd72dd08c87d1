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
    func put(_ path: String, keys: [UInt64], write: (ByteSink, ExportPlan) throws -> [Range<Int>]) {
        let saved = cache.appendingPathComponent("export-" + (path as NSString).lastPathComponent + ".rows")
        let before = saved.appendingPathExtension("before")
        var plan = ExportPlan.renderAll(keys.count)
        var source: Int32 = -1
        defer { if source >= 0 { close(source) } }
        var inPlace: (url: URL, rows: ExportRows, file: ExportRows.File)?
        for url in [saved, before] where inPlace == nil {
            if let (rows, file) = ExportRows.load(from: url), file.inputs == inputs, site.hasPrevious(path, hash: file.hash) {
                inPlace = (url, rows, file)
            }
        }
        if let (url, rows, file) = inPlace {
            // An undo of this edit returns to the file in place: its rows are kept beside the new ones.
            if url == saved { rename(saved.path, before.path) }
            source = open(siteInPlace + "/" + path, O_RDONLY | O_CLOEXEC)
            var st = stat()
            if source >= 0, fstat(source, &st) == 0, Int(st.st_size) == file.size {
                plan = ExportPlan(keys: keys, previous: rows, source: source)
            }
        }
        var made = ExportRows(keys: keys, ranges: [], parts: []), size = 0
        let hash = site.putMadeWithHash(path) { temporary in
            let sink = try ByteSink(path: temporary)
            made.ranges = try write(sink, plan)
            size = sink.position
            made.parts = try ExportHash.parts(of: temporary, size: size, rows: made.ranges, plan: plan)
            return ExportHash.file(made.parts)
        }
        // Rows not saved leave the last ones, which name another file's hash: the next build then writes the file whole.
        if let hash { try? made.save(of: .init(inputs: inputs, hash: hash, size: size), to: saved) }
    }
}
