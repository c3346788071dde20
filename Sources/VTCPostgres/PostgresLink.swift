import Foundation
import PostgresNIO

/// The connection a store works through, made on first use and made again
/// after it broke: each host of the address is tried in turn, and with
/// `target_session_attrs=read-write` only one that accepts writes is kept
/// (after a failover, the promoted standby). Safe to share between threads.
final class PostgresLink: @unchecked Sendable {
    let address: PostgresAddress
    let logger: Logger
    private let lock = NSLock()
    private var current: PostgresConnection?
    private var nextID = 1

    init(address: PostgresAddress) {
        self.address = address
        var logger = Logger(label: "vtc.postgres")
        logger.logLevel = .critical
        self.logger = logger
    }

    /// The open connection, if there is one: taken without waiting, for work that waits on the connection's
    /// event loop itself rather than on a task.
    var openConnection: PostgresConnection? {
        guard let open = lock.withLock({ current }), !open.isClosed else { return nil }
        return open
    }

    /// The open connection, or a new one.
    func connection() async throws -> PostgresConnection {
        if let open = openConnection { return open }
        let made = try await connect()
        let previous = lock.withLock { () -> PostgresConnection? in
            defer { current = made }
            return current
        }
        try? await previous?.close()
        return made
    }

    /// Forgets a connection that failed (not a statement the server refused), so that the next use connects
    /// again. It is closed without waiting: one that stopped answering may not answer its closing either.
    func drop(after error: any Error) {
        if let psql = error as? PSQLError, psql.code == .server { return }
        let broken = lock.withLock { () -> PostgresConnection? in
            defer { current = nil }
            return current
        }
        guard let broken else { return }
        // Held until closed: a connection let go of before it is closed stops the program (postgres-nio asserts it).
        let closing: EventLoopFuture<Void> = broken.close()
        closing.whenComplete { _ in withExtendedLifetime(broken) {} }
    }

    /// Closes the connection and waits until it is closed. Never from an event loop's thread.
    func close() {
        let open = lock.withLock { () -> PostgresConnection? in
            defer { current = nil }
            return current
        }
        try? open?.close().wait()
    }

    /// A connection of its own (for listening), to the first host that will do.
    func connect() async throws -> PostgresConnection {
        var reasons: [String] = []
        for host in address.hosts {
            var configuration: PostgresConnection.Configuration
            let password = address.password(for: host)
            if host.isSocketFolder {
                configuration = .init(unixSocketPath: host.socketPath, username: address.user, password: password,
                                      database: address.database)
            } else {
                configuration = .init(host: host.name, port: host.port, username: address.user, password: password,
                                      database: address.database, tls: .disable)
            }
            configuration.options.connectTimeout = .seconds(Int64(address.connectTimeout == 0 ? 10 : address.connectTimeout))
            let id = lock.withLock { () -> Int in
                defer { nextID += 1 }
                return nextID
            }
            do {
                let connection = try await PostgresConnection.connect(configuration: configuration, id: id, logger: logger)
                if address.requiresReadWrite, try await !acceptsWrites(connection) {
                    try? await connection.close()
                    reasons.append("\(host.name): read-only (a standby)")
                    continue
                }
                return connection
            } catch {
                reasons.append("\(host.name): \(PostgresLink.reason(error))")
            }
        }
        throw LinkFailure(description: "no server to connect to (" + reasons.joined(separator: "; ") + ")")
    }

    private func acceptsWrites(_ connection: PostgresConnection) async throws -> Bool {
        for try await readOnly in try await connection.query("SHOW transaction_read_only", logger: logger).decode(String.self) {
            return readOnly == "off"
        }
        return false
    }

    /// One line saying why, from the server's own message when there is one.
    static func reason(_ error: any Error) -> String {
        if let failure = error as? LinkFailure { return failure.description }
        if let psql = error as? PSQLError {
            if let message = psql.serverInfo?[.message] { return message }
            if psql.code == .serverClosedConnection { return "the database server closed the connection" }
            // A PSQLError's own description says nothing ("Generic description to prevent accidental leakage…").
            return "\(psql.code)" + (psql.underlying.flatMap { $0 is PSQLError ? nil : ": \($0)" } ?? "")
        }
        return "\(error)"
    }
}

struct LinkFailure: Error, CustomStringConvertible {
    var description: String
}
