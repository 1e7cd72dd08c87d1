import Foundation
import Hummingbird
import Logging
import NIOCore

/// The HTTP side of `archive serve`: the built site, with a live-reload channel and a script that listens to it
/// injected into every HTML page.
public struct PreviewServer: Sendable {
    /// The folder the site is built into (replaced wholesale by every rebuild).
    public let site: URL
    public let host: String
    public let port: Int
    public let broadcaster: ReloadBroadcaster
    /// How often a comment is sent down an idle live-reload stream so proxies keep it open.
    public var heartbeatInterval: Duration = .seconds(15)
    /// Requests are logged (one line each) at debug level. Defaults to `notice`, or `LOG_LEVEL` from the environment.
    public var logger: Logger

    /// The server could not listen on its address.
    public struct BindError: Error, CustomStringConvertible, Sendable {
        public let host: String
        public let port: Int
        /// What went wrong, e.g. "address already in use".
        public let reason: String
        /// What to do about it, if there is an obvious answer.
        public let hint: String?

        public var description: String {
            "cannot listen on \(host):\(port): \(reason)" + (hint.map { " (\($0))" } ?? "")
        }
    }

    public init(site: URL, host: String = "127.0.0.1", port: Int = 8080, broadcaster: ReloadBroadcaster) {
        self.site = site
        self.host = host
        self.port = port
        self.broadcaster = broadcaster
        var logger = Logger(label: "archive.serve")
        logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0.lowercased()) } ?? .notice
        self.logger = logger
    }

    /// Serves until cancelled. `onReady` gets the bound port (port 0 = any free port). A bind failure throws
    /// `PreviewServer.BindError`.
    public func run(onReady: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let responder = SiteResponder(
            files: SiteFiles(root: site.standardizedFileURL.path),
            broadcaster: broadcaster,
            heartbeatInterval: heartbeatInterval,
            logger: logger
        )
        // Hummingbird's own messages ("Server started…", and an error-level "Waiting on child channel:
        // CancellationError()" on every stop) are for debugging the server, not for someone editing reports.
        var frameworkLogger = logger
        if frameworkLogger.logLevel > .debug { frameworkLogger.logLevel = .critical }
        let port = self.port
        let app = Application(
            responder: responder,
            server: .persistentHTTP1,
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in await onReady(channel.localAddress?.port ?? port) },
            logger: frameworkLogger
        )
        do {
            try await app.run()
        } catch {
            if let bindError = BindError(error, host: host, port: port) { throw bindError }
            if error is CancellationError, Task.isCancelled { return }
            throw error
        }
    }
}

extension PreviewServer.BindError {
    /// Recognises the errors binding a listening socket produces; nil for anything else.
    init?(_ error: any Error, host: String, port: Int) {
        if let error = error as? IOError {
            switch error.errnoCode {
            case EADDRINUSE:
                let next = port == 0 || port >= 65535 ? 0 : port + 1
                self.init(host: host, port: port, reason: "address already in use",
                          hint: "another server running? try --port \(next)")
            case EACCES:
                self.init(host: host, port: port, reason: "permission denied",
                          hint: port < 1024 ? "ports below 1024 need root; try --port 8080" : nil)
            case EADDRNOTAVAIL:
                self.init(host: host, port: port, reason: "address not available",
                          hint: "is \(host) an address of this machine? try --host 127.0.0.1")
            default:
                guard error.description.contains("bind") || error.description.contains("listen") else { return nil }
                self.init(host: host, port: port, reason: String(cString: strerror(error.errnoCode)).lowercased(), hint: nil)
            }
        } else if let error = error as? SocketAddressError.UnknownHost {
            self.init(host: host, port: port, reason: "unknown host: \(error.errorDescription.lowercased())", hint: "try --host 127.0.0.1")
        } else if let error = error as? SocketAddressError {
            switch error {
            case .unknown:
                self.init(host: host, port: port, reason: "unknown host", hint: "try --host 127.0.0.1")
            default:
                self.init(host: host, port: port, reason: "invalid address (\(error))", hint: "try --host 127.0.0.1")
            }
        } else {
            return nil
        }
    }
}
