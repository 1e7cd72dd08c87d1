import Foundation

/// Every key's postings, appended report by report in number order as the index's LEB128 varints
/// (`(number − previous) << 4 | bits`), held as compactly as the files they become: key bytes in
/// one buffer, one record per key in a flat open-addressing table, and postings in chained slices
/// of a paged arena (after Lucene's byte block pool), so a key's list grows without copies and
/// without an object per key or posting. Once the arena outgrows a budget, its lists are moved to
/// a `PostingSpill` file (`spill(over:in:)`) and it starts afresh; a list is then its spilled
/// chunks followed by what the arena holds, and its varints run on across them unchanged, since a
/// key's last number is kept. A value, so that its tables need no run-time exclusivity checks;
/// its arena is freed by `free()`, once the lists are written.
struct PostingLists: @unchecked Sendable {
    struct Key {
        var keyStart: UInt32
        var hash: UInt32
        var df: UInt32 = 0
        var last: Int32 = -1
        /// Bytes in the arena, after `spilledCount` in the spill.
        var byteCount: UInt32 = 0
        var spilledCount: UInt32 = 0
        /// First and last of its spilled chunks (`chunks`), -1 for none.
        var firstChunk: Int32 = -1
        var lastChunk: Int32 = -1
        /// First slice, the next byte's address, and where the current slice's link field begins.
        var head: UInt32
        var tail: UInt32
        var sliceEnd: UInt32
        var keyLength: UInt8
        var level: UInt8 = 0

        /// The length of its whole list.
        var totalCount: Int { Int(spilledCount) + Int(byteCount) }
    }

    /// A part of a key's list in the spill file, and the key's next part (-1: none).
    private struct Chunk {
        var offset: Int
        var count: UInt32
        var next: Int32 = -1
    }

    private(set) var keys: [Key] = []
    private(set) var keyBytes: [UInt8] = []
    private var slots = [Int32](repeating: 0, count: 1 << 10)
    private var arena = SliceArena()
    private var chunks: [Chunk] = []
    private var spillFile: PostingSpill?

    var count: Int { keys.count }

    /// Adds the posting (`number`, `bits`) to every key of `terms`; numbers come in ascending order.
    mutating func append(_ terms: ReportTerms, number: Int, where include: (UInt32) -> Bool = { _ in true }) {
        terms.bytes.withUnsafeBufferPointer { bytes in
            for t in 0..<terms.count where include(terms.hashes[t]) {
                let key = UnsafeBufferPointer(rebasing: bytes[Int(terms.starts[t])..<Int(terms.starts[t]) + Int(terms.lengths[t])])
                append(key: key, hash: terms.hashes[t], number: number, bits: terms.bits[t])
            }
        }
    }

    mutating func append(key: UnsafeBufferPointer<UInt8>, hash: UInt32, number: Int, bits: UInt8) {
        let id = find(key, hash: hash)
        var record = keys[id]
        var v = UInt64(number - Int(record.last)) << 4 | UInt64(bits)
        repeat {
            let byte = UInt8(v & 0x7F) | (v >= 0x80 ? 0x80 : 0)
            v >>= 7
            arena.append(byte, to: &record)
        } while v != 0
        record.df += 1
        record.last = Int32(number)
        keys[id] = record
    }

    /// The key's id, added with an empty list when new.
    private mutating func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Int {
        let mask = slots.count - 1
        var slot = SearchKey.slot(hash, mask: mask)
        while true {
            let id = Int(slots[slot]) - 1
            if id < 0 { break }
            if keys[id].hash == hash, Int(keys[id].keyLength) == key.count,
               keyBytes.withUnsafeBufferPointer({ memcmp($0.baseAddress! + Int(keys[id].keyStart), key.baseAddress!, key.count) == 0 }) {
                return id
            }
            slot = (slot + 1) & mask
        }
        let head = arena.slice(level: 0)
        keys.append(Key(keyStart: UInt32(keyBytes.count), hash: hash, head: head, tail: head,
                        sliceEnd: head + UInt32(SliceArena.sizes[0] - 4), keyLength: UInt8(key.count)))
        keyBytes.append(contentsOf: key)
        slots[slot] = Int32(keys.count)
        if keys.count * 2 > slots.count { grow() }
        return keys.count - 1
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for id in keys.indices {
            var slot = SearchKey.slot(keys[id].hash, mask: mask)
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id + 1)
        }
    }

    func key(_ id: Int) -> ArraySlice<UInt8> {
        keyBytes[Int(keys[id].keyStart)..<Int(keys[id].keyStart) + Int(keys[id].keyLength)]
    }

    /// The key's postings as they go into the index, appended to `out`.
    func postings(_ id: Int, into out: inout [UInt8]) throws {
        var chunk = keys[id].firstChunk
        while chunk >= 0 {
            try spillFile!.read(at: chunks[Int(chunk)].offset, count: Int(chunks[Int(chunk)].count), into: &out)
            chunk = chunks[Int(chunk)].next
        }
        arena.read(keys[id], into: &out)
    }

    /// When the arena holds `budget` bytes or more, moves every list in it to the end of the spill
    /// file (made in `folder` on first use), a mebibyte at a time, and empties it.
    mutating func spill(over budget: Int, in folder: URL) throws {
        guard arena.reserved >= budget else { return }
        if spillFile == nil { spillFile = try PostingSpill(in: folder) }
        let file = spillFile!
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20)
        for id in keys.indices where keys[id].byteCount > 0 {
            if buffer.count >= 1 << 20 {
                try file.append(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
            let chunk = Int32(chunks.count)
            chunks.append(Chunk(offset: file.size + buffer.count, count: keys[id].byteCount))
            if keys[id].lastChunk >= 0 { chunks[Int(keys[id].lastChunk)].next = chunk } else { keys[id].firstChunk = chunk }
            keys[id].lastChunk = chunk
            keys[id].spilledCount += keys[id].byteCount
            arena.read(keys[id], into: &buffer)
        }
        try file.append(buffer)
        arena.free()
        for id in keys.indices {
            let head = arena.slice(level: 0)
            (keys[id].head, keys[id].tail, keys[id].level, keys[id].byteCount) = (head, head, 0, 0)
            keys[id].sliceEnd = head + UInt32(SliceArena.sizes[0] - 4)
        }
    }

    mutating func free() {
        arena.free()
        spillFile = nil
    }
}

/// Slices of growing size in pages of a mebibyte; the last four bytes of a full slice hold the
/// address (page << 20 | offset) of the next. Sizes double from 8 to 4 KiB, so a key found once
/// costs 8 bytes and a long list wastes at most a few percent. Pages are mapped from the kernel,
/// not taken from malloc, so that pages freed after a spill are given back at once.
struct SliceArena {
    static let sizes = [8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096]
    private static let pageBits = 20
    private static let pageSize = 1 << pageBits
    private var pages: [UnsafeMutablePointer<UInt8>] = []
    private var used = pageSize

    /// Bytes of memory its pages take.
    var reserved: Int { pages.count * Self.pageSize }

    mutating func slice(level: Int) -> UInt32 {
        let size = Self.sizes[level]
        if used + size > Self.pageSize {
            guard let page = mmap(nil, Self.pageSize, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
                  page != MAP_FAILED else { fatalError("search: out of memory for posting lists") }
            pages.append(page.assumingMemoryBound(to: UInt8.self))
            used = 0
        }
        defer { used += size }
        return UInt32((pages.count - 1) << Self.pageBits | used)
    }

    @inline(__always)
    private func pointer(_ address: UInt32) -> UnsafeMutablePointer<UInt8> {
        pages[Int(address >> UInt32(Self.pageBits))] + Int(address & UInt32(Self.pageSize - 1))
    }

    @inline(__always)
    mutating func append(_ byte: UInt8, to key: inout PostingLists.Key) {
        if key.tail == key.sliceEnd {
            let level = min(Int(key.level) + 1, Self.sizes.count - 1)
            let next = slice(level: level)
            withUnsafeBytes(of: next.littleEndian) { UnsafeMutableRawPointer(pointer(key.sliceEnd)).copyMemory(from: $0.baseAddress!, byteCount: 4) }
            key.level = UInt8(level)
            key.tail = next
            key.sliceEnd = next + UInt32(Self.sizes[level] - 4)
        }
        pointer(key.tail).pointee = byte
        key.tail += 1
        key.byteCount += 1
    }

    func read(_ key: PostingLists.Key, into out: inout [UInt8]) {
        var address = key.head
        var end = key.head + UInt32(Self.sizes[0] - 4)
        var level = 0
        var left = Int(key.byteCount)
        while left > 0 {
            let n = min(left, Int(end - address))
            out.append(contentsOf: UnsafeBufferPointer(start: pointer(address), count: n))
            left -= n
            guard left > 0 else { break }
            var next: UInt32 = 0
            withUnsafeMutableBytes(of: &next) { $0.copyMemory(from: UnsafeRawBufferPointer(start: pointer(end), count: 4)) }
            level = min(level + 1, Self.sizes.count - 1)
            address = UInt32(littleEndian: next)
            end = address + UInt32(Self.sizes[level] - 4)
        }
    }

    mutating func free() {
        for page in pages { munmap(page, Self.pageSize) }
        pages = []
        used = Self.pageSize
    }
}
