import Foundation

/// A value made on another thread while the caller goes on with work that does not need it;
/// `value()` waits for it, and throws what making it threw.
final class Background<T>: @unchecked Sendable {
    private let done = DispatchGroup()
    private var result: Result<T, Error>?

    init(_ make: @escaping @Sendable () throws -> T) {
        DispatchQueue.global().async(group: done) { self.result = Result(catching: make) }
    }

    func value() throws -> T {
        done.wait()
        return try result!.get()
    }
}
