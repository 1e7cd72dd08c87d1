extension DocumentProperties {
    /// The name of the OLE stream that holds a .doc's properties.
    static let summaryStream = "\u{5}SummaryInformation"

    /// A .doc's title (property 2) and author (property 4) from its `SummaryInformation`
    /// property set ([MS-OLEPS]), strings decoded in the set's code page (property 1; a Chinese
    /// Word writes 936, GBK). Whatever cannot be read is left out.
    init(summaryInformation b: [UInt8]) {
        self.init()
        guard b.count >= 48, CompoundFile.uint16(b, 0) == 0xFFFE else { return }
        let set = Int(CompoundFile.uint32(b, 44))
        guard set + 8 <= b.count else { return }
        var codePage = 1252
        var raw: [UInt32: (bytes: ArraySlice<UInt8>, wide: Bool)] = [:]
        for i in 0..<Swift.min(Int(CompoundFile.uint32(b, set + 4)), 256) {
            let entry = set + 8 + 8 * i
            let id = CompoundFile.uint32(b, entry)
            let value = set + Int(CompoundFile.uint32(b, entry + 4))
            guard entry + 8 <= b.count, value + 8 <= b.count else { break }
            let type = CompoundFile.uint32(b, value)
            let length = Int(CompoundFile.uint32(b, value + 4))
            switch (id, type) {
            case (1, 2):
                codePage = Int(CompoundFile.uint16(b, value + 4))
            case (2, 0x1E), (4, 0x1E):
                raw[id] = (b[(value + 8)..<Swift.min(b.count, value + 8 + length)], false)
            case (2, 0x1F), (4, 0x1F):
                raw[id] = (b[(value + 8)..<Swift.min(b.count, value + 8 + 2 * length)], true)
            default:
                continue
            }
        }
        func decoded(_ id: UInt32) -> String? {
            guard let (bytes, wide) = raw[id], !bytes.isEmpty else { return nil }
            let encoding = wide || codePage == 1200 ? "UTF-16LE" : codePage == 65001 ? "UTF-8" : "CP\(codePage)"
            let text = Iconv.decode(Array(bytes), from: encoding)
            return text.map { String(String.UnicodeScalarView($0.unicodeScalars.prefix { $0 != "\0" })) }
        }
        title = decoded(2)
        author = decoded(4)
    }
}
