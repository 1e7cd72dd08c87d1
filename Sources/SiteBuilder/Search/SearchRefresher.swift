import Foundation

/// Runs `BuildSession.refreshSearch()` in the background for the preview server, once edits have
/// paused for `quiet` seconds, one run at a time; edits during a run ask for one more run after
/// it, not one each. Typing and saving does not re-index on every save, and indexing never
/// delays a page's reload. (Pagefind cannot update an index in place: each run is a whole one.)
public final class SearchRefresher: @unchecked Sendable {
    public enum Outcome: Sendable {
        case updated(milliseconds: Int)
        case failed(String)
    }

    private let session: BuildSession
    private let report: @Sendable (Outcome) -> Void
    private let lock = NSLock()
    private let quiet: Double
    /// A thread is waiting for quiet or indexing.
    private var running = false
    /// Pagefind is reading the site: a request now needs a run after this one.
    private var indexing = false
    private var pending = false
    private var lastRequest = ContinuousClock.now

    public init(session: BuildSession, quiet: Double = 2, report: @escaping @Sendable (Outcome) -> Void) {
        self.session = session
        self.quiet = quiet
        self.report = report
    }

    /// Asks for the index to be made again from the site now in place.
    public func request() {
        let start = lock.withLock { () -> Bool in
            lastRequest = .now
            if running {
                if indexing { pending = true }
                return false
            }
            running = true
            return true
        }
        guard start else { return }
        Thread.detachNewThread { [self] in
            repeat {
                while true {
                    let wait = lock.withLock { () -> Duration in
                        let wait = lastRequest + .seconds(quiet) - .now
                        if wait <= .zero { indexing = true }
                        return wait
                    }
                    if wait <= .zero { break }
                    Thread.sleep(forTimeInterval: Double(wait.components.seconds) + Double(wait.components.attoseconds) * 1e-18)
                }
                let began = ContinuousClock.now
                do {
                    if try session.refreshSearch() {
                        report(.updated(milliseconds: Int((ContinuousClock.now - began) / .milliseconds(1))))
                    } else {
                        lock.withLock { pending = true }  // the site changed under it
                    }
                } catch {
                    report(.failed("\(error)"))
                }
            } while lock.withLock({ () -> Bool in
                indexing = false
                if pending {
                    pending = false
                    return true
                }
                running = false
                return false
            })
        }
    }
}
