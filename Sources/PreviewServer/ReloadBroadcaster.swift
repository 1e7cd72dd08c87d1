import NIOConcurrencyHelpers

/// Events pushed to open pages.
public enum ReloadEvent: Sendable, Equatable {
    /// The site was rebuilt: pages reload themselves.
    case reload
    /// A build failed; the message (possibly several lines) is shown over the page, which stays the last good one.
    case buildFailed(String)
    /// A build succeeded after a failure without changing the page: the overlay goes away.
    case buildSucceeded
}

/// Fan-out of events to every connected browser (server-sent events).
///
/// Every `subscribe()` gets its own stream; `send` delivers to all of them. A subscriber that stops listening
/// (its stream cancelled, or its consuming task ended) is dropped at once. The broadcaster also remembers whether
/// the latest build failed, so that a page opened while the build is broken shows the overlay straight away.
public final class ReloadBroadcaster: Sendable {
    private struct State {
        var nextID = 0
        var subscribers: [Int: AsyncStream<ReloadEvent>.Continuation] = [:]
        var lastFailure: String?
    }

    private let state = NIOLockedValueBox(State())

    public init() {}

    deinit {
        let subscribers = state.withLockedValue { state in
            defer { state.subscribers = [:] }
            return state.subscribers
        }
        for continuation in subscribers.values { continuation.finish() }
    }

    /// Delivers `event` to every current subscriber.
    public func send(_ event: ReloadEvent) {
        state.withLockedValue { state in
            switch event {
            case .buildFailed(let message): state.lastFailure = message
            case .reload, .buildSucceeded: state.lastFailure = nil
            }
            for continuation in state.subscribers.values { continuation.yield(event) }
        }
    }

    /// A stream of every event sent from now on. It unsubscribes when the stream is cancelled or terminated.
    public func subscribe() -> AsyncStream<ReloadEvent> {
        subscribe(replayingFailure: false)
    }

    /// The number of streams currently subscribed.
    public var subscriberCount: Int {
        state.withLockedValue { $0.subscribers.count }
    }

    /// The message of the latest `buildFailed`, unless a `reload` or `buildSucceeded` came after it.
    public var lastFailure: String? {
        state.withLockedValue { $0.lastFailure }
    }

    /// Subscribes; with `replayingFailure`, a stream opened while the build is broken starts with that failure
    /// (taken under the same lock, so no event can slip in between).
    func subscribe(replayingFailure: Bool) -> AsyncStream<ReloadEvent> {
        // A page that stops reading must not make the server hold every event forever.
        let (stream, continuation) = AsyncStream.makeStream(of: ReloadEvent.self, bufferingPolicy: .bufferingNewest(64))
        let id = state.withLockedValue { state in
            let id = state.nextID
            state.nextID += 1
            state.subscribers[id] = continuation
            if replayingFailure, let failure = state.lastFailure { continuation.yield(.buildFailed(failure)) }
            return id
        }
        continuation.onTermination = { [weak self] _ in
            self?.unsubscribe(id)
        }
        return stream
    }

    private func unsubscribe(_ id: Int) {
        _ = state.withLockedValue { $0.subscribers.removeValue(forKey: id) }
    }
}
