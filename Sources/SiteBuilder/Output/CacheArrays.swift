import Foundation

/// Arrays saved one after another, each as its count (a u64) and its elements' bytes in this
/// machine's order, so that reading a cache file back is a few copies, not a parse of a line per
/// report (`SearchState`, `NearDuplicateState`).
struct CacheArrays {
    private(set) var bytes: [UInt8] = []

    mutating func append<T: FixedWidthInteger>(_ values: [T]) {
        withUnsafeBytes(of: UInt64(values.count)) { bytes += $0 }
        values.withUnsafeBytes { bytes += $0 }
    }

    mutating func append<T>(_ lists: NumberedLists<T>) {
        append(lists.ends)
        append(lists.elements)
    }

    /// Reads the arrays `CacheArrays` wrote, one after another, checking each fits the bytes left.
    struct Reader {
        let data: Data
        var offset = 0

        var atEnd: Bool { offset == data.count }

        mutating func array<T: FixedWidthInteger>(of _: T.Type) -> [T]? {
            guard data.count - offset >= 8 else { return nil }
            let count = data.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: UInt64.self) }
            offset += 8
            guard count <= UInt64(data.count - offset) / UInt64(MemoryLayout<T>.stride) else { return nil }
            let size = Int(count) * MemoryLayout<T>.stride
            let values = [T](unsafeUninitializedCapacity: Int(count)) { buffer, initialized in
                data.withUnsafeBytes { bytes in
                    UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + size]))
                }
                initialized = Int(count)
            }
            offset += size
            return values
        }

        mutating func lists<T>(of _: T.Type) -> NumberedLists<T>? {
            guard let ends = array(of: UInt32.self), let elements = array(of: T.self) else { return nil }
            return NumberedLists(elements: elements, ends: ends)
        }
    }
}
