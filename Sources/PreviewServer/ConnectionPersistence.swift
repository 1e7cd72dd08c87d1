import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1

/// HTTP/1 persistence (RFC 9112 §9.3): an HTTP/1.0 request without `Connection: keep-alive`, or any request with
/// `Connection: close`, is the last on its connection, and the server closes it after the response.
/// Hummingbird's HTTP types carry no version, and Hummingbird ends a connection only after a request whose
/// `Connection` is exactly `close`; so this sits before the conversion to those types, where the version is
/// still known, and marks such a request `Connection: close` (and its response, so the client knows too).
final class ConnectionPersistenceHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    /// What the response to the request being answered says about the connection, if anything.
    private var responseConnection: String?

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .head(var head) = unwrapInboundIn(data) else {
            context.fireChannelRead(data)
            return
        }
        if !head.isKeepAlive {
            head.headers.replaceOrAdd(name: "connection", value: "close")
            responseConnection = "close"
        } else {
            // An HTTP/1.0 client keeps the connection only when the response says it may.
            responseConnection = head.version == .http1_0 ? "keep-alive" : nil
        }
        context.fireChannelRead(wrapInboundOut(.head(head)))
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard let value = responseConnection, case .head(var head) = unwrapOutboundIn(data) else {
            context.write(data, promise: promise)
            return
        }
        head.headers.replaceOrAdd(name: "connection", value: value)
        context.write(wrapOutboundOut(.head(head)), promise: promise)
    }
}

/// Hummingbird's HTTP/1 channel with `ConnectionPersistenceHandler` put in right after the request decoder.
struct PersistentHTTP1Channel: ServerChildChannel, HTTPChannelHandler {
    typealias Value = HTTP1Channel.Value

    let base: HTTP1Channel
    var responder: HTTPChannelHandler.Responder { base.responder }

    init(responder: @escaping HTTPChannelHandler.Responder) {
        base = HTTP1Channel(responder: responder)
    }

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        base.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let decoder = try channel.pipeline.syncOperations.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)
            try channel.pipeline.syncOperations.addHandler(ConnectionPersistenceHandler(), position: .after(decoder))
            return value
        }
    }

    func handle(value: Value, logger: Logger) async {
        await base.handle(value: value, logger: logger)
    }
}

extension HTTPServerBuilder {
    /// HTTP/1 that closes connections the client does not mean to keep.
    static let persistentHTTP1 = HTTPServerBuilder { responder in PersistentHTTP1Channel(responder: responder) }
}
