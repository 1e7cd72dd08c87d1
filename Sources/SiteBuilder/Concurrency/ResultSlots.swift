import Foundation

/// Slots filled by concurrent workers, read once all are done. Each slot has one writer, and the
/// reader comes after the workers' join, so no lock is taken: with one, 35,000 sources filling
/// their slots from both cores took turns.
final class ResultSlots<T>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<T?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.baseAddress?.deinitialize(count: slots.count)
        slots.deallocate()
    }

    func set(_ i: Int, _ value: T) { slots[i] = value }

    var values: [T] { slots.map { $0! } }

    /// Slot `i`'s value, nil when none was set; the slot is left empty.
    func take(_ i: Int) -> T? {
        defer { slots[i] = nil }
        return slots[i]
    }
}

final class Counter: @unchecked Sendable {
    private var count = 0
    private let lock = NSLock()

    func add(_ n: Int) { lock.withLock { count += n } }

    var value: Int { lock.withLock { count } }
}

/// Hands values that are only read to concurrent workers.
final class UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
