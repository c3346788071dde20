/// The tables the log is kept in (docs/log-format.md, "The log in PostgreSQL").
/// Each version is a list of statements applied once, in order, recorded in `vtc_schema`.
enum LogSchema {
    static let version = 1

    /// The advisory lock every writer takes in its transaction before it reads
    /// the last line, so that no two transactions chain after the same line.
    static let appendLock: Int64 = 0x7674_635F_6C6F_67 // "vtc_log"

    /// The notification channel: every append notifies it with the last `seq` written, on commit.
    static let channel = "vtc_log"

    static let versionTable = """
        CREATE TABLE IF NOT EXISTS vtc_schema (
            version integer PRIMARY KEY,
            applied_at timestamptz NOT NULL DEFAULT now()
        )
        """

    /// The statements that bring the schema from version `index` to `index + 1`.
    static let upgrades: [[String]] = [
        [
            """
            CREATE TABLE vtc_log (
                seq bigint PRIMARY KEY CHECK (seq > 0),
                line bytea NOT NULL
            )
            """,
            """
            CREATE FUNCTION vtc_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'vtc_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
            END
            $$
            """,
            """
            CREATE TRIGGER vtc_log_append_only BEFORE UPDATE OR DELETE ON vtc_log
                FOR EACH ROW EXECUTE FUNCTION vtc_log_refuse_change()
            """,
            """
            CREATE TRIGGER vtc_log_no_truncate BEFORE TRUNCATE ON vtc_log
                FOR EACH STATEMENT EXECUTE FUNCTION vtc_log_refuse_change()
            """,
            "REVOKE ALL ON vtc_log, vtc_schema FROM PUBLIC",
        ],
    ]
}
