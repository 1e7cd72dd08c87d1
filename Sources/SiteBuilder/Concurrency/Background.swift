import Foundation

/// A value made on another thread while the caller goes on with work that does not need it;
/// `value()` waits for it, and throws what making it threw.
final class Background<T>: @unchecked Sendable {
    private let done = DispatchGroup()
    private var result: Result<T, Error>?

    init(_ make: @escaping @Sendable () throws -> T) {
        done.onThread { self.result = Result(catching: make) }
    }

    func value() throws -> T {
        done.wait()
        return try result!.get()
    }
}

extension DispatchGroup {
    /// Runs `work` on a thread of its own, as part of this group. A build's steps wait on a few
    /// such tasks at once; on the shared dispatch pool, which starts about one thread a core, a task
    /// could wait for a thread while the step waiting on it left a core idle.
    func onThread(_ work: @escaping @Sendable () -> Void) {
        enter()
        let thread = Thread { [self] in
            work()
            leave()
        }
        thread.start()
    }
}
