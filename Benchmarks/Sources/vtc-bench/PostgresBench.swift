import Foundation
import PostgresNIO
import VTCModel
import VTCStore
import VTCPostgres

/// `vtc-bench postgres URI [COUNT] [EVENTS]`, against an empty database the URI names (a cluster of your
/// own: see docs/benchmarks.md): durable append latency of `PostgresLog.append` beside a bare single-row
/// INSERT + COMMIT (synchronous_commit = on) on the same database, 1 writer and 8 writer threads with a
/// connection each; then start-up: reading and checking a region log of EVENTS events from the table
/// (after `copyIn`) beside reading the same log from a file.
enum PostgresBench {
    static func run(uri: String, count: Int, events: Int) throws {
        let address = try PostgresAddress(uri, osUser: try OperatingSystemUser.name())
        var bare: [UInt64] = []
        var appended: [UInt64] = []
        let log = try PostgresLog.open(address)
        for round in 0..<10 {
            bare += try bareCommits(address, count: count / 10)
            for i in 0..<(count / 10) {
                let event = sampleEvent(round * count + i)
                let start = nanoseconds()
                try log.append(event)
                appended.append(nanoseconds() - start)
            }
        }
        report("bare INSERT+COMMIT, 1 writer", bare)
        report("PostgresLog.append, 1 writer", appended)
        print(String(format: "ratio p50 append/bare: %.2f", percentile(appended.sorted(), 0.5) / percentile(bare.sorted(), 0.5)))

        let concurrentBare = try concurrently(8) { _ in try bareCommits(address, count: count / 8) }
        report("bare INSERT+COMMIT, 8 writers", concurrentBare)
        let concurrentAppends = try concurrently(8) { writer in
            let own = try PostgresLog.open(address)
            var samples: [UInt64] = []
            for i in 0..<(count / 8) {
                let event = sampleEvent(1_000_000 + writer * count + i)
                let start = nanoseconds()
                try own.append(event)
                samples.append(nanoseconds() - start)
            }
            return samples
        }
        report("PostgresLog.append, 8 writers", concurrentAppends)
        print(String(format: "ratio p50 append (8 writers) / bare (1 writer): %.2f",
                     percentile(concurrentAppends.sorted(), 0.5) / percentile(bare.sorted(), 0.5)))
        print("log after the run: \(try LogVerifier.verify(store: log).summary)")

        // Start-up: a fresh table holding the region log, read and checked as a server would at start.
        try dropTables(address)
        let path = try RegionLog.file(events: events)
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        var started = nanoseconds()
        _ = try PostgresLog.open(address).copyIn(bytes)
        print(String(format: "copyIn %d bytes: %.2f s", bytes.count, Double(nanoseconds() - started) / 1e9))
        for _ in 0..<3 {
            started = nanoseconds()
            let fromFile = try EventLog.open(fileAt: path).readNew().count
            let fileSeconds = Double(nanoseconds() - started) / 1e9
            started = nanoseconds()
            let fromTable = try PostgresLog.open(address).readNew().count
            let tableSeconds = Double(nanoseconds() - started) / 1e9
            print(String(format: "start-up read of %d events: file %.2f s, PostgreSQL %.2f s (%d events), ratio %.2f",
                         fromFile, fileSeconds, tableSeconds, fromTable, tableSeconds / fileSeconds))
        }
        try dropTables(address)
    }

    /// Single-row INSERT + COMMIT on a connection of its own, into a table of the benchmark's.
    static func bareCommits(_ address: PostgresAddress, count: Int) throws -> [UInt64] {
        try wait {
            let connection = try await connect(address)
            let logger = Logger(label: "bench")
            try await connection.query("CREATE TABLE IF NOT EXISTS bench_bare (seq bigserial PRIMARY KEY, line bytea NOT NULL)", logger: logger)
            let line = ByteBuffer(bytes: LogFormat.eventLine(seq: 2, prev: LogFormat.zeroHash, event: sampleEvent(0)))
            var samples: [UInt64] = []
            for _ in 0..<count {
                let start = nanoseconds()
                try await connection.query("BEGIN", logger: logger)
                try await connection.query("INSERT INTO bench_bare (line) VALUES (\(line))", logger: logger)
                try await connection.query("COMMIT", logger: logger)
                samples.append(nanoseconds() - start)
            }
            try await connection.close()
            return samples
        }
    }

    static func dropTables(_ address: PostgresAddress) throws {
        try wait {
            let connection = try await connect(address)
            let logger = Logger(label: "bench")
            for statement in ["DROP TABLE IF EXISTS vtc_log, vtc_schema, bench_bare", "DROP FUNCTION IF EXISTS vtc_log_refuse_change()"] {
                try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
            }
            try await connection.close()
        }
    }

    static func connect(_ address: PostgresAddress) async throws -> PostgresConnection {
        let host = address.hosts[0]
        let configuration = PostgresConnection.Configuration(unixSocketPath: host.socketPath, username: address.user,
                                                             password: address.password(for: host), database: address.database)
        return try await PostgresConnection.connect(configuration: configuration, id: 1, logger: Logger(label: "bench"))
    }

    static func concurrently(_ writers: Int, _ body: @escaping @Sendable (Int) throws -> [UInt64]) throws -> [UInt64] {
        let results = Samples()
        DispatchQueue.concurrentPerform(iterations: writers) { writer in
            results.add(Result { try body(writer) })
        }
        return try results.all()
    }

    static func wait<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
        let box = Samples.Box<T>()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do { box.value = .success(try await work()) } catch { box.value = .failure(error) }
            done.signal()
        }
        done.wait()
        return try box.value!.get()
    }
}

private final class Samples: @unchecked Sendable {
    final class Box<T>: @unchecked Sendable { var value: Result<T, any Error>? }
    private let lock = NSLock()
    private var results: [Result<[UInt64], any Error>] = []
    func add(_ result: Result<[UInt64], any Error>) { lock.withLock { results.append(result) } }
    func all() throws -> [UInt64] { try lock.withLock { results }.flatMap { try $0.get() } }
}
