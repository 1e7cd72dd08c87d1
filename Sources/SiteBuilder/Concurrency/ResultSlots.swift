import Foundation

/// Slots filled by concurrent workers, read once all are done.
final class ResultSlots<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ value: T) { lock.withLock { slots[i] = value } }

    var values: [T] { lock.withLock { slots.map { $0! } } }
}

final class Counter: @unchecked Sendable {
    private var count = 0
    private let lock = NSLock()

    func increment() -> Int { lock.withLock { count += 1; return count } }

    func add(_ n: Int) { lock.withLock { count += n } }

    var value: Int { lock.withLock { count } }
}

/// Hands values that are only read to concurrent workers.
final class UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
