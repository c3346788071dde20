import PostgresNIO

/// The common append in one round trip: `CALL pg_temp.vtc_append(…)`, a
/// procedure each connection makes for itself before its first append (in
/// `pg_temp`, so that the schema, its version and the service role's rights
/// stay as they are). Under the append lock it checks that the table's last line is
/// still the one the lines were chained after, inserts them, notifies, and
/// commits inside the call.
///
/// Why a procedure that commits, not one statement in the protocol's
/// implicit transaction: postgres-nio completes a query at its
/// CommandComplete, and in the extended protocol an implicit transaction
/// commits only at the Sync after it, so a plain statement's reply comes
/// before its commit, and an error at commit (a lost flush, a deferred
/// constraint) would come after an append already taken as written. A
/// procedure's `COMMIT` runs inside the `CALL`: its row and its
/// CommandComplete are sent only once the commit is durable
/// (`synchronous_commit`, a synchronous standby), and an error at commit
/// is sent instead of them.
enum AppendProcedure {
    static let create: PostgresQuery = """
        CREATE OR REPLACE PROCEDURE pg_temp.vtc_append(after_seq bigint, seqs bigint[], lines bytea[], INOUT written bigint DEFAULT NULL)
        LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_advisory_xact_lock(\(unescaped: String(LogSchema.appendLock)));
            -- Read after the lock was granted (a statement's own snapshot): every append committed before is seen.
            IF coalesce((SELECT max(seq) FROM vtc_log), 0) <> after_seq THEN
                written := 0;
                RETURN;
            END IF;
            INSERT INTO vtc_log (seq, line) SELECT * FROM unnest(seqs, lines);
            PERFORM pg_notify('\(unescaped: LogSchema.channel)', seqs[cardinality(seqs)]::text);
            COMMIT;
            written := cardinality(seqs);
        END
        $$
        """

    /// Makes (or makes again) the procedure on a connection.
    static func make(on connection: PostgresConnection, logger: Logger) -> EventLoopFuture<Void> {
        let made: EventLoopFuture<PostgresQueryResult> = connection.query(create, logger: logger)
        return made.map { _ in }
    }

    /// Appends `lines` (their `seqs` following `after`) when `after` is still the table's last line: the
    /// query's one row is the number of lines written, 0 when another process appended meanwhile.
    static func call(after: Int64, seqs: [Int64], lines: [ByteBuffer]) -> PostgresQuery {
        "CALL pg_temp.vtc_append(\(after), \(seqs)::bigint[], \(lines)::bytea[], NULL)"
    }
}
