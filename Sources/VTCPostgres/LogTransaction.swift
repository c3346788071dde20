import PostgresNIO
import VTCModel
import VTCCodec
import VTCStore

/// One append to the table: BEGIN, the append lock, the lines, a
/// notification, COMMIT. The lines are acknowledged only when COMMIT
/// returned; anything else rolls back (or, if the connection is gone, is
/// left to the server, which rolls back what it did not commit). For the
/// appends that must read the last line first (the first one, one after
/// others appended, a copy); the common one is `AppendProcedure`'s.
enum LogTransaction {
    /// Runs `lines` (which reads the last line and builds the rows to insert) under the lock and inserts
    /// its rows; returns what it returned for them once committed.
    static func run(on connection: PostgresConnection, logger: Logger,
                    _ lines: () async throws -> ([Int64], [ByteBuffer], [LoggedEvent])) async throws -> [LoggedEvent] {
        try await connection.query("BEGIN", logger: logger)
        let logged: [LoggedEvent]
        do {
            try await connection.query("SELECT pg_advisory_xact_lock(\(LogSchema.appendLock))", logger: logger)
            let (seqs, rows, made) = try await lines()
            // Rows go in slices, each one statement of two array parameters.
            var start = 0
            while start < seqs.count {
                let end = min(seqs.count, start + 10_000)
                let seqSlice = Array(seqs[start..<end])
                let rowSlice = Array(rows[start..<end])
                try await connection.query(
                    "INSERT INTO vtc_log (seq, line) SELECT * FROM unnest(\(seqSlice)::bigint[], \(rowSlice)::bytea[])",
                    logger: logger)
                start = end
            }
            if let last = seqs.last {
                try await connection.query("SELECT pg_notify(\(LogSchema.channel), \(String(last)))", logger: logger)
            }
            logged = made
        } catch {
            _ = try? await connection.query("ROLLBACK", logger: logger)
            throw error
        }
        try await connection.query("COMMIT", logger: logger)
        return logged
    }

    /// Under the append lock: the table's last line's `seq` and hash, (0, []) when it is empty.
    /// A last line whose own `seq` is not its row's is damage: nothing is chained after it.
    static func lastLine(on connection: PostgresConnection, logger: Logger,
                         location: String) async throws -> (Int64, [UInt8]) {
        let rows = try await connection.query("SELECT seq, line FROM vtc_log ORDER BY seq DESC LIMIT 1", logger: logger)
        for try await (seq, buffer) in rows.decode((Int64, ByteBuffer).self) {
            let line = Array(buffer.readableBytesView)
            guard (try? JSONParser.parse(line))?["seq"]?.int == seq else {
                throw LogError.invalidFile(path: location, reason: "its last line (seq \(seq)) does not say seq \(seq); run verify")
            }
            return (seq, LogFormat.hash(line))
        }
        return (0, [])
    }
}

/// Creates or upgrades the schema, or checks that it is the one this program knows.
enum LogSchemaCheck {
    static func ensure(on connection: PostgresConnection, creating: Bool, logger: Logger) async throws {
        var version = try await currentVersion(on: connection, logger: logger)
        if version == LogSchema.version { return }
        if version > LogSchema.version {
            throw LinkFailure(description: "its schema (version \(version)) was made by a newer vtc, which knows more than this one (version \(LogSchema.version))")
        }
        guard creating else { throw LinkFailure(description: "it holds no vtc log (no vtc_schema table)") }
        try await connection.query("BEGIN", logger: logger)
        do {
            // Two programs starting at once: the second waits, then finds the schema made.
            try await connection.query("SELECT pg_advisory_xact_lock(\(LogSchema.appendLock))", logger: logger)
            try await connection.query(PostgresQuery(unsafeSQL: LogSchema.versionTable), logger: logger)
            version = try await currentVersion(on: connection, logger: logger)
            while version < LogSchema.version {
                for statement in LogSchema.upgrades[version] {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                version += 1
                try await connection.query("INSERT INTO vtc_schema (version) VALUES (\(version))", logger: logger)
            }
        } catch {
            _ = try? await connection.query("ROLLBACK", logger: logger)
            throw error
        }
        try await connection.query("COMMIT", logger: logger)
    }

    /// 0 when there is no `vtc_schema` table.
    private static func currentVersion(on connection: PostgresConnection, logger: Logger) async throws -> Int {
        for try await exists in try await connection.query("SELECT to_regclass('vtc_schema') IS NOT NULL", logger: logger).decode(Bool.self) {
            guard exists else { return 0 }
        }
        for try await version in try await connection.query("SELECT coalesce(max(version), 0) FROM vtc_schema", logger: logger).decode(Int.self) {
            return version
        }
        return 0
    }
}
