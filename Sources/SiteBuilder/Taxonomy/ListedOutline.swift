extension ListedReport {
    /// Where a listing's sections and figures are: held (a listing made directly, in tests or
    /// `archive compare`, and every empty outline), or in the build's `ListingStore`, which the
    /// sources step moves them to so that a large archive's outlines are not all in memory.
    enum Outline: Sendable, Equatable {
        case held(PackedOutline)
        case stored(Stored)

        /// Where a stored outline lies, and what is needed of it without reading it: its hash
        /// (`ExportKeys`) and counts (`ReportsCSV`).
        struct Stored: Sendable, Equatable {
            var span: Range<Int>
            var hash: UInt64
            var sections: Int32
            var figures: Int32

            init(span: Range<Int>, hash: UInt64, sections: Int32, figures: Int32) {
                (self.span, self.hash, self.sections, self.figures) = (span, hash, sections, figures)
            }

            init(_ outline: PackedOutline, at span: Range<Int>) {
                let counts = outline.counts
                self.init(span: span, hash: outline.contentHash, sections: Int32(counts.sections), figures: Int32(counts.figures))
            }
        }

        /// The outline held; a stored one is read through the build's store (`ListingStore.outline(of:)`)
        /// and never reaches here.
        var held: PackedOutline {
            guard case .held(let outline) = self else { preconditionFailure("a stored outline is read through its ListingStore") }
            return outline
        }

        var isStored: Bool {
            if case .stored = self { return true }
            return false
        }

        var hash: UInt64 {
            switch self {
            case .held(let outline): outline.contentHash
            case .stored(let stored): stored.hash
            }
        }

        var counts: (sections: Int, figures: Int) {
            switch self {
            case .held(let outline): outline.counts
            case .stored(let stored): (Int(stored.sections), Int(stored.figures))
            }
        }
    }

    /// The bytes it keeps in the build's store: what a store that extends the last one must still
    /// cover (`ListingStore.init(extending:)`).
    var storedBytes: Int {
        guard case .stored(let stored) = outline else { return passages?.count ?? 0 }
        return stored.span.count + (passages?.count ?? 0)
    }

    /// Its outline: the one it holds, or read from `store`, where the build put it.
    func outline(in store: ListingStore?) -> PackedOutline {
        guard outline.isStored, let store else { return outline.held }
        return store.outline(of: self)
    }
}
