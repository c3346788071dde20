import Dispatch
import Logging
import NIOCore
import Synchronization
import VTCProtocol
import VTCStore

/// One client connection, whose user the socket named: the first message
/// must be a hello of this protocol version; every request goes to the
/// core; a message that breaks the protocol is answered with
/// `protocol_error` and the connection is closed; a client that stops
/// taking replies is disconnected after `ProtocolLimits.stalledClientSeconds`.
final class ConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = Frame

    private let user: String
    private let core: ServerCore
    private let limits: ConnectionLimits
    private let logger: Logger
    private var greeted = false
    private var helloTimer: Scheduled<Void>?
    private var stallTimer: Scheduled<Void>?
    /// Where this connection's replies that need work are made and written, in the order the core
    /// answered: a view's snapshot is written here, not on the core's queue that writes wait for.
    /// A ready reply is sent at once, unless work waits here, behind which it must go.
    private let replies = DispatchQueue(label: "vtc.server.replies")
    private let waiting = Waiting()

    private final class Waiting: Sendable {
        let count = Mutex(0)
    }

    init(user: String, core: ServerCore, limits: ConnectionLimits, logger: Logger) {
        self.user = user
        self.core = core
        self.limits = limits
        self.logger = logger
    }

    func handlerAdded(context: ChannelHandlerContext) {
        let channel = context.channel
        helloTimer = context.eventLoop.scheduleTask(in: .seconds(ProtocolLimits.helloSeconds)) { channel.close(promise: nil) }
    }

    func channelInactive(context: ChannelHandlerContext) {
        helloTimer?.cancel()
        stallTimer?.cancel()
        core.unsubscribe(ObjectIdentifier(self))
        limits.release(user)
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let request: Request
        do { request = try Request(unwrapInboundIn(data)) } catch {
            return refuse(context, error.reason)
        }
        if case .hello(let version) = request {
            guard !greeted else { return refuse(context, "hello twice") }
            guard version == ProtocolLimits.version else {
                return refuse(context, "protocol version \(version) is not served; this server speaks version \(ProtocolLimits.version)")
            }
            greeted = true
            helloTimer?.cancel()
        } else if !greeted {
            return refuse(context, "the first message must be hello")
        }
        let (channel, logger, user, replies, waiting, answering) = (context.channel, logger, user, replies, waiting, core.answering)
        @Sendable func send(_ reply: Reply) {
            let frame = reply.frame
            let prefix = frame.prefix
            var buffer = channel.allocator.buffer(capacity: prefix.count + frame.tail.count)
            buffer.writeBytes(prefix)
            buffer.writeBytes(frame.tail)
            let written = channel.writeAndFlush(buffer)
            if case .failure(.notInRoster) = reply {
                logger.notice("refused \(user): not in the roster")
                written.whenComplete { _ in channel.close(promise: nil) }
            }
        }
        core.handle(request, user: user, subscriber: ObjectIdentifier(self)) { answer in
            // Called on the core's queue, one answer after the other: work is only queued here, so none
            // can be added between the look at `waiting` and the send.
            if case .ready(let reply) = answer, waiting.count.withLock({ $0 == 0 }) { return send(reply) }
            answering.enter()
            waiting.count.withLock { $0 += 1 }
            replies.async {
                switch answer {
                case .ready(let reply): send(reply)
                case .work(let make): send(make())
                }
                waiting.count.withLock { $0 -= 1 }
                answering.leave()
            }
        }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        // Read no more requests from a client that does not take its replies.
        context.channel.setOption(ChannelOptions.autoRead, value: context.channel.isWritable).whenFailure { _ in }
        if context.channel.isWritable {
            stallTimer?.cancel()
            stallTimer = nil
        } else if stallTimer == nil {
            let (channel, logger, user) = (context.channel, logger, user)
            stallTimer = context.eventLoop.scheduleTask(in: .seconds(ProtocolLimits.stalledClientSeconds)) {
                logger.notice("closed a connection of \(user): it took no replies for \(ProtocolLimits.stalledClientSeconds) s")
                channel.close(promise: nil)
            }
        }
        context.fireChannelWritabilityChanged()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        refuse(context, (error as? ProtocolError)?.reason ?? "\(error)")
    }

    /// Says why and closes: the client broke the protocol.
    private func refuse(_ context: ChannelHandlerContext, _ reason: String) {
        logger.notice("closed a connection of \(user): \(reason)")
        let bytes = Reply.protocolError(reason).frame.encoded()
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(channel.allocator.buffer(bytes: bytes))).whenComplete { _ in
            channel.close(promise: nil)
        }
    }
}

extension ConnectionHandler {
    typealias OutboundOut = ByteBuffer
}
