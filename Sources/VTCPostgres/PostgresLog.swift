import Foundation
import PostgresNIO
import VTCModel
import VTCCodec
import VTCStore

/// The log in a PostgreSQL table: one row per line, holding the line's exact
/// bytes and its `seq`, chained as in `events.jsonl` (docs/log-format.md, "The
/// log in PostgreSQL"). Several processes on several machines may append to
/// one table: each append takes an advisory lock in its transaction, chains
/// after the table's last line, and is acknowledged only once its commit is
/// seen (`COMMIT` answered, or `AppendProcedure`'s `CALL`, which commits inside).
/// Reading checks every line with the same reader as a file.
///
/// postgres-nio 1.33.2 speaks `COPY … FROM STDIN` but not `COPY … TO STDOUT`,
/// so the log is read with one streaming query whose rows are hashed and
/// decoded on every core in 8 MB chunks, as a file is.
///
/// Not thread-safe, except `events(at:places:)`: use one instance from one task.
public final class PostgresLog: ResumableLogStore {
    public let address: PostgresAddress
    public var location: String { address.description }
    public private(set) var damage: LogProblem?
    public var setAside: [LogProblem] { reader.setAside }
    public var head: Checkpoint? { reader.head }
    public var isWritable: Bool { damage == nil }

    private let link: PostgresLink
    private var reader = ChainedLines()
    /// The highest `seq` column read so far.
    private var readThrough: Int64 = 0
    /// True once the first read (every line, or those after a checkpoint) is done: later ones are short.
    private var hasRead = false
    /// Our own lines, appended right after the last line read and fed to the reader then: the next `readNew` returns
    /// them without asking the database again.
    private var appendedAhead: [LoggedEvent] = []
    /// The connection (its id) that has made `AppendProcedure`'s procedure: made on a connection's first append, so
    /// that a connection that only reads (to a standby, say) never needs to write.
    private var procedureMadeOn: PostgresConnection.ID?
    /// True once the role was refused making the procedure (`TEMPORARY` revoked from it): every append then takes
    /// `LogTransaction`'s three round trips, which need only the rights to read and insert.
    private var procedureRefused = false

    private static let chunkSize = 8 << 20
    /// How long an append, or a read of what was appended since, may go without finishing: far more than
    /// a commit takes, even one that waits for a synchronous standby. After that it fails, unacknowledged,
    /// and the connection is made again.
    static let answerSeconds = 10.0

    private init(address: PostgresAddress) {
        self.address = address
        link = PostgresLink(address: address)
    }

    deinit { link.close() }

    /// Connects and checks the schema. `creatingSchema`: creates or upgrades
    /// it when needed (the role then needs the right to create tables);
    /// otherwise a database without the log's tables is an error.
    public static func open(_ address: PostgresAddress, creatingSchema: Bool = true) throws(LogError) -> PostgresLog {
        let log = PostgresLog(address: address)
        let link = log.link
        try log.run("open") { connection in
            try await LogSchemaCheck.ensure(on: connection, creating: creatingSchema, logger: link.logger)
        }
        return log
    }

    /// Opens the store a `postgresql://` URI names, for the operating-system user running the program.
    public static func open(uri: String, creatingSchema: Bool = true) throws(LogError) -> PostgresLog {
        let address: PostgresAddress
        do { address = try PostgresAddress(uri, osUser: (try? OperatingSystemUser.name()) ?? "") } catch {
            throw .store(action: "use", location: "the store", reason: error.description)
        }
        return try open(address, creatingSchema: creatingSchema)
    }

    public func takeNotices() -> [String] { [] }

    public func readNew() throws(LogError) -> [LoggedEvent] {
        guard damage == nil else { return [] }
        if !appendedAhead.isEmpty {
            defer { appendedAhead = [] }
            return appendedAhead
        }
        let reader = Lent(self.reader)
        let events = Lent([LoggedEvent]())
        // The first read takes the whole log, as long as that takes; later ones take a few lines, or give up.
        readThrough = try stream("read", sql: "SELECT seq, line FROM vtc_log WHERE seq > \(readThrough) ORDER BY seq",
                                 after: readThrough, seconds: hasRead ? PostgresLog.answerSeconds : nil) { chunk in
            reader.value.feed(chunk) { logged in
                // The row's seq is where its line is: history is read back by it.
                var placed = logged
                placed.offset = logged.seq
                events.value.append(placed)
            }
        }
        self.reader = reader.value
        damage = reader.value.damage
        hasRead = true
        return events.value
    }

    public var position: LogPosition? { reader.position(place: readThrough) }

    public func resume(after position: LogPosition) throws(LogError) -> Bool {
        guard !hasRead, position.seq > 1 else { return false }
        let seq = position.seq
        let logger = link.logger
        let lines = try run("read") { connection -> [Int64: [UInt8]] in
            var lines: [Int64: [UInt8]] = [:]
            let rows = try await connection.query("SELECT seq, line FROM vtc_log WHERE seq = 1 OR seq = \(seq)", logger: logger)
            for try await (seq, line) in rows.decode((Int64, ByteBuffer).self) { lines[seq] = Array(line.readableBytesView) }
            return lines
        }
        guard let header = lines[1], let line = lines[seq], line.count == position.length,
              line.withUnsafeBytes({ LogFormat.digest($0) }) == position.digest else { return false }
        let resumed = ChainedLines(header: header, resumingAfter: position)
        guard resumed.damage == nil, resumed.header?.logID == position.logID else { return false }
        reader = resumed
        readThrough = seq
        return true
    }

    public func readAll(_ chunk: (UnsafeRawBufferPointer) -> Void) throws(LogError) {
        // The caller's closure is lent to the query's task only while this waits for it, and taken back before returning.
        let lent = Lent<((UnsafeRawBufferPointer) -> Void)?>(nil)
        let failure: LogError? = withoutActuallyEscaping(chunk) { chunk in
            lent.value = chunk
            defer { lent.value = nil }
            do throws(LogError) {
                _ = try stream("read", sql: "SELECT seq, line FROM vtc_log ORDER BY seq", after: 0) { lent.value?($0) }
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
    }

    public func events(at positions: [Int], places: [Int64]) -> [Event]? {
        guard positions.allSatisfy({ $0 >= 1 && $0 <= places.count }) else { return nil }
        let seqs = positions.map { places[$0 - 1] }
        let link = self.link
        guard let lines = try? blocking(seconds: PostgresLog.answerSeconds, { () async throws -> [Int64: [UInt8]] in
            let connection = try await link.connection()
            var lines: [Int64: [UInt8]] = [:]
            let rows = try await connection.query("SELECT seq, line FROM vtc_log WHERE seq = ANY(\(seqs))", logger: link.logger)
            for try await (seq, line) in rows.decode((Int64, ByteBuffer).self) { lines[seq] = Array(line.readableBytesView) }
            return lines
        }) else { return nil }
        var events: [Event] = []
        for (position, seq) in zip(positions, seqs) {
            guard let line = lines[seq], let event = line.withUnsafeBytes({ EventLog.event($0, position: position) }) else { return nil }
            events.append(event)
        }
        return events
    }

    public func append(contentsOf events: [Event], after expected: Int64?) throws(LogError) -> [LoggedEvent]? {
        guard !events.isEmpty else { return [] }
        if let damage { throw .damaged(path: location, damage) }
        if appendedAhead.isEmpty, !procedureRefused, let last = reader.position(place: readThrough),
           expected == nil || expected == last.seq {
            if let written = try appendRightAfter(last, events) { return written }
            if expected != nil { return nil }
        }
        let location = self.location
        let logger = link.logger
        let now = SystemCalls.live.now()
        return try run("append to", seconds: PostgresLog.answerSeconds) { connection -> [LoggedEvent]? in
            do {
                return try await LogTransaction.run(on: connection, logger: logger) { () async throws -> ([Int64], [ByteBuffer], [LoggedEvent]) in
                    var (lastSeq, lastHash) = try await LogTransaction.lastLine(on: connection, logger: logger, location: location)
                    if let expected, lastSeq != expected { throw Overtaken() }
                    var seqs: [Int64] = []
                    var lines: [ByteBuffer] = []
                    if lastSeq == 0 {
                        let header = LogFormat.headerLine(logID: UUID(), createdAt: now)
                        (lastSeq, lastHash) = (1, LogFormat.hash(header))
                        seqs.append(1)
                        lines.append(ByteBuffer(bytes: header))
                    }
                    let batch = try LogFormat.chainedLines(events, after: lastSeq, prev: lastHash, location: location)
                    var logged: [LoggedEvent] = []
                    for (index, line) in batch.lines.enumerated() {
                        let seq = lastSeq + 1 + Int64(index)
                        seqs.append(seq)
                        lines.append(ByteBuffer(bytes: line))
                        logged.append(LoggedEvent(seq: seq, event: events[index], offset: seq))
                    }
                    return (seqs, lines, logged)
                }
            } catch is Overtaken {
                // Rolled back: another process appended after the line the caller's state ends at.
                return nil
            }
        }
    }

    /// Thrown inside an append's transaction to roll it back when the last line is not the one expected.
    private struct Overtaken: Error {}

    /// The common case in one round trip and one transaction (`AppendProcedure`): the lines chained after
    /// `last`, the last line this store read, inserted only if it is still the table's last line (checked under
    /// the append lock, so that a writer that read the last line under the lock is never overtaken), and
    /// committed before the answer comes. Nil when another process appended meanwhile: the caller then reads
    /// its lines and tries again.
    private func appendRightAfter(_ last: LogPosition, _ events: [Event]) throws(LogError) -> [LoggedEvent]? {
        let batch = try LogFormat.chainedLines(events, after: last.seq, prev: LogFormat.hex(last.digest), location: location)
        let seqs = (1...Int64(batch.lines.count)).map { last.seq + $0 }
        let rows = batch.lines.map { ByteBuffer(bytes: $0) }
        let logger = link.logger
        let call = AppendProcedure.call(after: last.seq, seqs: seqs, lines: rows)
        let procedureMade = procedureMadeOn
        let (connection, answer) = try runWaiting("append to", seconds: PostgresLog.answerSeconds) { connection in
            connection.id == procedureMade ? connection.query(call, logger: logger)
                : AppendProcedure.make(on: connection, logger: logger).flatMap { connection.query(call, logger: logger) }
        }
        let inserted: Int64
        switch answer {
        case .success(let result):
            guard let row = result.rows.first, let count = try? row.decode(Int64.self) else {
                throw .store(action: "append to", location: location, reason: "vtc_append answered no number of lines")
            }
            inserted = count
        case .failure(let error) where connection != procedureMade && error.serverInfo?[.sqlState] == "42501":
            // Making the procedure was refused (insufficient privilege): nothing was written; the caller appends
            // through the transaction from now on.
            procedureRefused = true
            return nil
        case .failure(let error) where error.serverInfo?[.sqlState] == "23505":
            // The primary key refused a seq another append took, which the check under the lock did not see: overtaken.
            inserted = 0
        case .failure(let error):
            // Not known to have been made (its making may be what failed): made again before the next append.
            throw .store(action: "append to", location: location, reason: PostgresLink.reason(error))
        }
        procedureMadeOn = connection
        guard inserted == Int64(seqs.count) else { return nil }
        // Committed: our lines follow the last line read, so the reader takes them as the log holds them.
        var bytes: [UInt8] = []
        for line in batch.lines { bytes += line + [0x0A] }
        var logged: [LoggedEvent] = []
        bytes.withUnsafeBytes { chunk in
            reader.feed(chunk) { event in
                var placed = event
                placed.offset = event.seq
                logged.append(placed)
            }
        }
        readThrough = seqs.last!
        damage = reader.damage
        appendedAhead = logged
        return zip(seqs, events).map { LoggedEvent(seq: $0, event: $1, offset: $0) }
    }

    /// Copies a whole log (its bytes as a file holds them, every line ending
    /// in LF) into this store, which must hold no line yet: one transaction,
    /// so that a copy cut short leaves the table empty. Returns the lines copied.
    public func copyIn(_ bytes: [UInt8]) throws(LogError) -> Int {
        var lines: [ByteBuffer] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            lines.append(ByteBuffer(bytes: bytes[start..<index]))
            start = index + 1
        }
        guard start == bytes.count else {
            throw .store(action: "copy into", location: location, reason: "the log's last line has no final LF")
        }
        let count = lines.count
        let rows = lines
        let logger = link.logger
        let location = self.location
        try run("copy into") { connection in
            try await LogTransaction.run(on: connection, logger: logger) { () async throws -> ([Int64], [ByteBuffer], [LoggedEvent]) in
                let (lastSeq, _) = try await LogTransaction.lastLine(on: connection, logger: logger, location: location)
                guard lastSeq == 0 else { throw LinkFailure(description: "it is not empty (its last line is line \(lastSeq)); a copy goes only into an empty store") }
                return (count == 0 ? [] : Array(1...Int64(count)), rows, [])
            }
        }
        return count
    }

    /// Calls `onAppend`, on another thread, soon after any process committed
    /// an append (PostgreSQL's LISTEN/NOTIFY on its own connection), once
    /// more after each reconnection, since notifications sent meanwhile are
    /// lost, and when the listening connection is lost, so that the caller
    /// looks and finds out whether the database still answers. Runs until the
    /// returned watch is stopped.
    public func watchAppends(_ onAppend: @escaping @Sendable () -> Void) -> AppendWatch {
        PostgresLog.watchAppends(at: address) { _ in onAppend() }
    }

    /// As `watchAppends(_:)`, for a log at `address` that is not open here; `onAppend` gets the last `seq`
    /// the append wrote (its notification's payload), or nil after a (re)connection or a loss.
    public static func watchAppends(at address: PostgresAddress,
                                    _ onAppend: @escaping @Sendable (_ lastSeq: Int64?) -> Void) -> AppendWatch {
        AppendWatch(link: PostgresLink(address: address), onAppend: onAppend)
    }

    // MARK: - Running queries

    /// Streams `sql`'s rows (`seq`, `line`) in order as the bytes of a file, in
    /// chunks of whole lines; returns the last `seq` read (`after` if none).
    private func stream(_ action: String, sql: String, after: Int64, seconds: Double? = nil,
                        _ chunk: @escaping @Sendable (UnsafeRawBufferPointer) -> Void) throws(LogError) -> Int64 {
        let logger = link.logger
        let query = PostgresQuery(unsafeSQL: sql)
        return try run(action, seconds: seconds) { connection in
            var buffer: [UInt8] = []
            buffer.reserveCapacity(PostgresLog.chunkSize + LogFormat.maximumLineLength)
            var last = after
            let rows = try await connection.query(query, logger: logger)
            for try await (seq, line) in rows.decode((Int64, ByteBuffer).self) {
                buffer.append(contentsOf: line.readableBytesView)
                buffer.append(0x0A)
                last = seq
                if buffer.count >= PostgresLog.chunkSize {
                    buffer.withUnsafeBytes { chunk($0) }
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            if !buffer.isEmpty { buffer.withUnsafeBytes { chunk($0) } }
            return last
        }
    }

    /// Runs `body` on the connection, waiting for it; any failure becomes a `LogError` naming `action`.
    @discardableResult
    private func run<T: Sendable>(_ action: String, seconds: Double? = nil,
                                  _ body: @escaping @Sendable (PostgresConnection) async throws -> T) throws(LogError) -> T {
        let link = self.link
        return try failing(action) { try blocking(seconds: seconds) { try await body(try await link.connection()) } }
    }

    /// Starts `body` on the open connection's event loop (the connection made first when there is none) and
    /// waits on this thread for the future it returns, with no task between: for the append, which every batch
    /// of the server waits for. Returns the connection's id and the answer; a statement the database refused is
    /// an answer, any other failure is thrown.
    private func runWaiting<T: Sendable>(_ action: String, seconds: Double,
                                         _ body: @escaping @Sendable (PostgresConnection) -> EventLoopFuture<T>)
        throws(LogError) -> (PostgresConnection.ID, Result<T, PSQLError>) {
        let link = self.link
        return try failing(action) {
            let connection = try link.openConnection ?? blocking(seconds: seconds) { try await link.connection() }
            let answer = try waiting(seconds: seconds, on: connection.eventLoop) { () -> EventLoopFuture<Result<T, PSQLError>> in
                body(connection).map { .success($0) }.flatMapErrorThrowing { error in
                    guard let refused = error as? PSQLError, refused.code == .server else { throw error }
                    return .failure(refused)
                }
            }
            return (connection.id, answer)
        }
    }

    /// Any failure of `work` as a `LogError` naming `action`; a connection that failed is dropped.
    private func failing<T>(_ action: String, _ work: () throws -> T) throws(LogError) -> T {
        do {
            return try work()
        } catch let error as LogError {
            throw error
        } catch {
            link.drop(after: error)
            throw .store(action: action, location: location, reason: PostgresLink.reason(error))
        }
    }
}
