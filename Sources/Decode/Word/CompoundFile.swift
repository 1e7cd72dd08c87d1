/// An OLE compound file ([MS-CFB]): the container of .doc, .xls and .ppt files, and of a .docx
/// saved with a password (its encrypted package beside an `EncryptionInfo` stream). Read far
/// enough to tell these apart and to read small streams: the header, the sector allocation
/// table (FAT), the directory, and the mini stream that holds streams under 4 KB.
struct CompoundFile {
    static let signature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    static func hasSignature(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: signature)
    }

    struct Entry {
        var name: String
        /// 1 a storage, 2 a stream, 5 the root (whose sectors hold the mini stream).
        var type: UInt8
        var start: UInt32
        var size: Int

        var isStream: Bool { type == 2 }
    }

    /// The directory's entries: storages and streams, by name (the tree is not needed here).
    private(set) var entries: [Entry] = []

    private let bytes: [UInt8]
    private let sectorSize: Int
    private var fat: [UInt32] = []
    private var miniFAT: [UInt32] = []
    private var miniStream: [UInt8] = []
    private let miniCutoff: Int

    private static let endOfChain: UInt32 = 0xFFFF_FFFE
    private static let miniSectorSize = 64

    /// Nil when the header or the directory cannot be read (a damaged or truncated file).
    init?(_ bytes: [UInt8]) {
        guard bytes.count >= 512, Self.hasSignature(bytes) else { return nil }
        self.bytes = bytes
        let shift = Int(Self.uint16(bytes, 0x1E))
        guard shift == 9 || shift == 12 else { return nil }
        sectorSize = 1 << shift
        miniCutoff = Int(Self.uint32(bytes, 0x38))

        // The FAT's sectors: 109 listed in the header, the rest in a chain of DIFAT sectors.
        var fatSectors = (0..<109).map { Self.uint32(bytes, 0x4C + 4 * $0) }
        var difat = Self.uint32(bytes, 0x44)
        var difatCount = 0
        while difat < Self.endOfChain, difatCount < 1 << 16, let sector = sector(difat) {
            let perSector = sectorSize / 4 - 1
            fatSectors += (0..<perSector).map { Self.uint32(bytes, sector + 4 * $0) }
            difat = Self.uint32(bytes, sector + 4 * perSector)
            difatCount += 1
        }
        for index in fatSectors where index < Self.endOfChain - 3 {
            guard let sector = sector(index) else { return nil }
            fat += (0..<(sectorSize / 4)).map { Self.uint32(bytes, sector + 4 * $0) }
        }

        guard let directory = chain(from: Self.uint32(bytes, 0x30)) else { return nil }
        for offset in stride(from: 0, to: directory.count - 127, by: 128) {
            let nameLength = Int(Self.uint16(directory, offset + 0x40))
            let type = directory[offset + 0x42]
            guard type != 0, nameLength >= 2, nameLength <= 64 else { continue }
            let units = (0..<(nameLength / 2 - 1)).map { Self.uint16(directory, offset + 2 * $0) }
            entries.append(Entry(name: String(decoding: units, as: UTF16.self), type: type,
                                 start: Self.uint32(directory, offset + 0x74),
                                 size: Int(Self.uint32(directory, offset + 0x78))))
        }
        guard let root = entries.first(where: { $0.type == 5 }) else { return nil }
        miniStream = chain(from: root.start).map { Array($0.prefix(root.size)) } ?? []
        miniFAT = chain(from: Self.uint32(bytes, 0x3C)).map { data in
            stride(from: 0, to: data.count - 3, by: 4).map { Self.uint32(data, $0) }
        } ?? []
    }

    /// Whether the file has a stream named `name` (case ignored, as OLE does).
    func hasStream(_ name: String) -> Bool {
        entries.contains { $0.isStream && $0.name.lowercased() == name.lowercased() }
    }

    /// The first `limit` bytes of the stream `name` (case ignored, as OLE does), nil when there is
    /// no such stream or its sectors cannot be read.
    func stream(_ name: String, limit: Int = .max) -> [UInt8]? {
        guard let entry = entries.first(where: { $0.isStream && $0.name.lowercased() == name.lowercased() }) else { return nil }
        let wanted = Swift.min(entry.size, limit)
        if entry.size < miniCutoff {
            var out: [UInt8] = []
            var index = entry.start
            var steps = 0
            while index < Self.endOfChain, out.count < wanted, steps < miniFAT.count {
                let start = Int(index) * Self.miniSectorSize
                guard start + Self.miniSectorSize <= miniStream.count, Int(index) < miniFAT.count else { return nil }
                out += miniStream[start..<(start + Self.miniSectorSize)]
                index = miniFAT[Int(index)]
                steps += 1
            }
            return out.count >= wanted ? Array(out.prefix(wanted)) : nil
        }
        guard let data = chain(from: entry.start, upTo: wanted), data.count >= wanted else { return nil }
        return Array(data.prefix(wanted))
    }

    /// The bytes of the sector chain starting at `start`, at most `limit` (a cycle ends it).
    private func chain(from start: UInt32, upTo limit: Int = .max) -> [UInt8]? {
        var out: [UInt8] = []
        var index = start
        var steps = 0
        while index < Self.endOfChain, out.count < limit {
            guard steps <= fat.count, let sector = sector(index), Int(index) < fat.count else { return nil }
            out += bytes[sector..<(sector + sectorSize)]
            index = fat[Int(index)]
            steps += 1
        }
        return out
    }

    /// The offset of sector `index`, nil when it lies beyond the file.
    private func sector(_ index: UInt32) -> Int? {
        let offset = (Int(index) + 1) * sectorSize
        return offset + sectorSize <= bytes.count ? offset : nil
    }

    static func uint16(_ b: [UInt8], _ at: Int) -> UInt16 {
        at + 2 <= b.count ? UInt16(b[at]) | UInt16(b[at + 1]) << 8 : 0
    }

    static func uint32(_ b: [UInt8], _ at: Int) -> UInt32 {
        at + 4 <= b.count ? UInt32(uint16(b, at)) | UInt32(uint16(b, at + 2)) << 16 : 0
    }
}
