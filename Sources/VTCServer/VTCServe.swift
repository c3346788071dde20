import Dispatch
import Glibc
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle
import UnixSignals
import VTCProtocol
import VTCStore

/// `vtc serve`: the one process that opens the data folder (and, with
/// `served`, the log in a store that other servers share). Users reach it
/// through a Unix socket; the kernel says who they are (`SO_PEERCRED`).
/// SIGHUP re-reads the roster and policy; SIGTERM finishes the writes in
/// flight and ends the process with status 0.
public enum VTCServe {
    /// Why the server did not start, in one line.
    public enum StartFailure: Error {
        case folder(String)
        case workspace(WorkspaceError)
    }

    /// Runs until SIGTERM or SIGINT; throws when the server cannot start.
    /// `served`: the log is there, not in the folder, which holds only the roster and policy.
    public static func run(folder: DataFolder, served: ServedLog? = nil, socketPath: String) throws(StartFailure) {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .info
            return handler
        }
        let logger = Logger(label: "vtc-serve")
        if let problem = DataFolderCheck.problem(in: folder) { throw .folder(problem) }
        guard let serviceUser = UserName.of(uid: geteuid()) else { throw .workspace(.unknownUser(uid: geteuid())) }
        let core: ServerCore
        if let served, access(folder.eventsPath, F_OK) == 0 {
            logger.warning("\(folder.eventsPath) is not read: the log is in \(served.location)")
        }
        do { core = try ServerCore(folder: folder, served: served, serviceUser: serviceUser, logger: logger) } catch {
            throw .workspace(error)
        }
        if let problem = SocketPath.prepare(socketPath) { throw .folder(problem) }
        let server = SocketServer(core: core, socketPath: socketPath, served: served?.location ?? folder.path, logger: logger)
        let outcome = BlockingOutcome()
        Task {
            do {
                let group = ServiceGroup(services: [server], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
                try await group.run()
                outcome.finish(nil)
            } catch {
                outcome.finish("\(error)")
            }
        }
        if let failure = outcome.wait() { throw .folder(failure) }
    }
}

/// The listening socket as a service of the service group.
struct SocketServer: Service {
    let core: ServerCore
    let socketPath: String
    /// Where the log is, for the log line that says the server is up.
    let served: String
    let logger: Logger

    func run() async throws {
        let limits = ConnectionLimits()
        let (core, logger) = (core, logger)
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 512)
            .childChannelOption(.writeBufferWaterMark, value: .init(low: 64 * 1024, high: 1024 * 1024))
            .childChannelInitializer { channel in
                guard let options = channel as? SocketOptionProvider else { return channel.close() }
                let credentials: EventLoopFuture<PeerCredentials> = options.unsafeGetSocketOption(
                    level: SocketOptionLevel(SOL_SOCKET), name: SocketOptionName(SO_PEERCRED))
                return credentials.flatMapThrowing { credentials in
                    // Who the client is comes from the kernel, never from what it sends.
                    guard let user = UserName.of(uid: credentials.uid) else {
                        logger.warning("refused uid \(credentials.uid): no name in the password database")
                        throw ChannelError.ioOnClosedChannel
                    }
                    guard limits.admit(user) else {
                        logger.warning("refused a connection of \(user): too many connections")
                        throw ChannelError.ioOnClosedChannel
                    }
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(FrameDecoder()))
                    try channel.pipeline.syncOperations.addHandler(
                        ConnectionHandler(user: user, core: core, limits: limits, logger: logger))
                }
            }
        let channel = try await bootstrap.bind(unixDomainSocketPath: socketPath).get()
        // Anyone may connect; the roster decides what they get.
        chmod(socketPath, 0o666)
        logger.info("serving \(served) on \(socketPath): \(core.incidentCount) incidents, \(core.eventCount) events")
        let hangups = await UnixSignalsSequence(trapping: .sighup)
        for await _ in hangups.cancelOnGracefulShutdown() {
            logger.info("SIGHUP: reading roster.json and policy.json again")
            core.reload()
        }
        // Graceful shutdown: take no more connections, finish and answer the writes received.
        try? await channel.close()
        core.drain()
        unlink(socketPath)
        logger.info("stopped; every write received was written")
    }
}

/// Lets the synchronous command wait for the async service group.
final class BlockingOutcome: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var failure: String?

    func finish(_ failure: String?) {
        self.failure = failure
        done.signal()
    }

    func wait() -> String? {
        done.wait()
        return failure
    }
}

/// `struct ucred` of <sys/socket.h>, which Glibc's module does not export: what `SO_PEERCRED` fills in.
struct PeerCredentials: Sendable {
    var pid: pid_t = 0
    var uid: uid_t = 0
    var gid: gid_t = 0
}
