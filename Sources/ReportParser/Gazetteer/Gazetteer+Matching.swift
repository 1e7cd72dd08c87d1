extension Gazetteer {
    /// Every place-name mention in the text: at each scalar boundary the longest name wins
    /// (a full name over a short one of equal length) and the scan resumes after it, so mentions
    /// never overlap. A homonym (通州区) yields one mention per place, all with the same span.
    public func mentions(in text: String, includeShortNames: Bool) -> [Mention] {
        let places = allPlaces
        return spans(in: text, includeShortNames: includeShortNames).map {
            Mention(place: places[$0.place], utf8Offset: $0.utf8Offset, utf8Length: $0.utf8Length, isShortName: $0.isShortName)
        }
    }

    /// A mention with its place as an index into `allPlaces`: the parser's scans judge a body's
    /// hundreds of names by their spans, and copy a place (four strings) only where they keep one.
    struct Span {
        let place: Int
        /// Byte offset in the text's UTF-8.
        let utf8Offset: Int
        let utf8Length: Int
        let isShortName: Bool
    }

    /// `mentions`, as spans.
    func spans(in text: String, includeShortNames: Bool) -> [Span] {
        if let found = text.utf8.withContiguousStorageIfAvailable({ nameIndex.scan($0, includeShortNames: includeShortNames) }) {
            return found
        }
        return Array(text.utf8).withUnsafeBufferPointer { nameIndex.scan($0, includeShortNames: includeShortNames) }
    }

    /// `mentions` in valid UTF-8, as spans.
    func spans(in bytes: UnsafeBufferPointer<UInt8>, includeShortNames: Bool) -> [Span] {
        nameIndex.scan(bytes, includeShortNames: includeShortNames)
    }

    /// Names keyed by their first two Unicode scalars, so the scan settles most positions with a
    /// bitset test on the first scalar and at most one hash probe; no per-Character work.
    /// A class: every scan captures it, and a struct of tables retained each one.
    final class NameIndex: Sendable {
        /// A name, as spans of the shared tables: plain values, so the scan copies no array per candidate.
        private struct Entry: Sendable {
            /// The name's UTF-8 in `names`.
            let bytes: Range<Int>
            let isShortName: Bool
            /// Its places in `placeIndices`.
            let places: Range<Int>
        }

        private struct Slot: Sendable {
            var key: UInt64 = 0
            var entries: Range<Int> = 0..<0
        }

        /// Grouped by key; longest first within a key, full names before short ones of equal length.
        private let entries: [Entry]
        /// Every name's UTF-8, end to end.
        private let names: [UInt8]
        /// Indices into `Gazetteer.allPlaces`, each name's together.
        private let placeIndices: [Int]
        /// Open addressing, linear probing; key 0 marks an empty slot (no scalar is 0 in a name).
        private let slots: [Slot]
        private let hashShift: UInt64
        /// Bit per scalar value that starts some name, then a zero word that larger scalars read.
        private let leadScalars: [UInt64]
        /// Bit per 16-bit hash of a key in `slots`: a common lead scalar (大, 东, 新) is mostly followed
        /// by a scalar that starts no name, and this small table, unlike `slots`, stays in cache.
        private let pairBits: [UInt64]

        init(places: [Place]) {
            var placesByName: [Key: [Int]] = [:]
            for (index, place) in places.enumerated() {
                placesByName[Key(name: place.name, isShortName: false), default: []].append(index)
                if let short = place.shortName {
                    placesByName[Key(name: short, isShortName: true), default: []].append(index)
                }
            }
            let keyed = placesByName.map { name, places in (key: Self.key(of: name.name), name: name, places: places) }.sorted { a, b in
                if a.key != b.key { return a.key < b.key }
                if a.name.name.utf8.count != b.name.name.utf8.count { return a.name.name.utf8.count > b.name.name.utf8.count }
                return !a.name.isShortName && b.name.isShortName
            }
            var names: [UInt8] = [], placeIndices: [Int] = []
            entries = keyed.map { keyed in
                let bytes = names.count..<(names.count + keyed.name.name.utf8.count)
                names += keyed.name.name.utf8
                let places = placeIndices.count..<(placeIndices.count + keyed.places.count)
                placeIndices += keyed.places
                return Entry(bytes: bytes, isShortName: keyed.name.isShortName, places: places)
            }
            self.names = names
            self.placeIndices = placeIndices

            var capacity = 16
            while capacity < keyed.count * 2 { capacity *= 2 }
            let hashShift = UInt64(64 - capacity.trailingZeroBitCount)
            var slots = [Slot](repeating: Slot(), count: capacity)
            var leadScalars: [UInt64] = []
            var pairBits = [UInt64](repeating: 0, count: 1 << 10)
            var start = 0
            while start < keyed.count {
                let key = keyed[start].key
                var end = start + 1
                while end < keyed.count && keyed[end].key == key { end += 1 }
                var slot = Self.hash(key, shift: hashShift)
                while slots[slot].key != 0 { slot = (slot + 1) & (capacity - 1) }
                slots[slot] = Slot(key: key, entries: start..<end)
                let pair = Self.hash(key, shift: 48)
                pairBits[pair >> 6] |= 1 << UInt64(pair & 63)

                let lead = Int(key >> 21)
                if lead >> 6 >= leadScalars.count { leadScalars += Array(repeating: 0, count: (lead >> 6) - leadScalars.count + 1) }
                leadScalars[lead >> 6] |= 1 << UInt64(lead & 63)
                start = end
            }
            self.slots = slots
            self.hashShift = hashShift
            self.leadScalars = leadScalars + [0]
            self.pairBits = pairBits
        }

        /// Each non-overlapping match, left to right; a homonym's places share a span.
        func scan(_ bytes: UnsafeBufferPointer<UInt8>, includeShortNames: Bool) -> [Span] {
            // The two bit tables are read at every scalar: through buffers, their indices in range by construction.
            leadScalars.withUnsafeBufferPointer { leadScalars in
                pairBits.withUnsafeBufferPointer { pairBits in
                    scan(bytes, includeShortNames: includeShortNames, leadScalars: leadScalars, pairBits: pairBits)
                }
            }
        }

        private func scan(_ bytes: UnsafeBufferPointer<UInt8>, includeShortNames: Bool,
                          leadScalars: UnsafeBufferPointer<UInt64>, pairBits: UnsafeBufferPointer<UInt64>) -> [Span] {
            var found: [Span] = []
            let count = bytes.count
            let lastLeadWord = leadScalars.count - 1  // zero: scalars past the table land there
            var offset = 0
            scanning: while offset < count {
                if bytes[offset] < 0x80 {
                    offset += 1
                    continue
                }
                var (first, firstLength) = Self.decode(bytes, at: offset)
                // Along a run of non-ASCII scalars, each is decoded once: the second of one pair is
                // the first of the next.
                while true {
                    let second = offset + firstLength
                    guard second < count else { return found }
                    let (next, nextLength) = Self.decode(bytes, at: second)
                    let key = UInt64(first) << 21 | UInt64(next)
                    let pair = Self.hash(key, shift: 48)
                    // The lead and pair tests in one branch: taken apart, the lead test (true for a third
                    // of Han text) was a coin the branch predictor kept losing.
                    let leadWord = leadScalars[Swift.min(Int(first >> 6), lastLeadWord)] >> UInt64(first & 63)
                    let pairWord = pairBits[pair >> 6] >> UInt64(pair & 63)
                    if leadWord & pairWord & 1 != 0, let candidates = lookup(key) {
                        for e in candidates where includeShortNames || !entries[e].isShortName {
                            let entry = entries[e]
                            if matches(entry.bytes, in: bytes, at: offset) {
                                for place in entry.places {
                                    found.append(Span(place: placeIndices[place], utf8Offset: offset, utf8Length: entry.bytes.count,
                                                      isShortName: entry.isShortName))
                                }
                                offset += entry.bytes.count
                                continue scanning
                            }
                        }
                    }
                    offset = second
                    if next < 0x80 { continue scanning }
                    (first, firstLength) = (next, nextLength)
                }
            }
            return found
        }

        /// Always inlined: the scan probes at every pair that passes its bit tests, and the compiler left it a call.
        @inline(__always) private func lookup(_ key: UInt64) -> Range<Int>? {
            var slot = Self.hash(key, shift: hashShift)
            while true {
                let probe = slots[slot]
                if probe.key == key { return probe.entries }
                if probe.key == 0 { return nil }
                slot = (slot + 1) & (slots.count - 1)
            }
        }

        private func matches(_ name: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
            guard offset + name.count <= bytes.count else { return false }
            for index in name where bytes[offset + index - name.lowerBound] != names[index] { return false }
            return true
        }

        private struct Key: Hashable {
            let name: String
            let isShortName: Bool
        }

        private static func key(of name: String) -> UInt64 {
            var scalars = name.unicodeScalars.makeIterator()
            return UInt64(scalars.next()!.value) << 21 | UInt64(scalars.next()!.value)
        }

        /// Fibonacci hashing: the top bits of the product index a power-of-two table.
        private static func hash(_ key: UInt64, shift: UInt64) -> Int {
            Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        }

        /// Decodes the scalar starting at `offset`; the bytes are a String's, so valid UTF-8.
        /// Always inlined: the scan calls it for every scalar, and the compiler left it a call.
        @inline(__always) private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (scalar: UInt32, length: Int) {
            let lead = UInt32(bytes[offset])
            switch lead {
            case ..<0x80:
                return (lead, 1)
            case ..<0xE0:
                return ((lead & 0x1F) << 6 | UInt32(bytes[offset + 1] & 0x3F), 2)
            case ..<0xF0:
                return ((lead & 0x0F) << 12 | UInt32(bytes[offset + 1] & 0x3F) << 6 | UInt32(bytes[offset + 2] & 0x3F), 3)
            default:
                return ((lead & 0x07) << 18 | UInt32(bytes[offset + 1] & 0x3F) << 12
                    | UInt32(bytes[offset + 2] & 0x3F) << 6 | UInt32(bytes[offset + 3] & 0x3F), 4)
            }
        }
    }
}
