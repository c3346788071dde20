import VTCModel

/// Where a log's lines are kept: a file in a data folder (`EventLog`) or a
/// table in a database (`PostgresLog` in VTCPostgres). Both hold the same
/// bytes, line for line (docs/log-format.md); the workspace reads, appends
/// and refreshes through this and nothing else. Not thread-safe, except
/// `events(at:places:)`: use one instance from one task.
public protocol LogStore: AnyObject {
    /// Names the store in messages: a file's path, a database's address without secrets.
    var location: String { get }
    /// The `seq` and hash of the last line read.
    var head: Checkpoint? { get }
    /// The first bad line found; when set, nothing more is read and every append is refused.
    var damage: LogProblem? { get }
    /// Lines whose chain holds but whose event today's rules refuse: skipped, in line order.
    var setAside: [LogProblem] { get }
    /// True when appends can succeed: no damage found and the store takes writes.
    var isWritable: Bool { get }

    /// Messages the caller must show once (a torn last line that was repaired). Clears them.
    func takeNotices() -> [String]

    /// The events not yet returned: on the first call every event of the log,
    /// then those appended since (by any process), continuing the hash chain
    /// from the last line seen. Stops at a bad line and sets `damage`.
    func readNew() throws(LogError) -> [LoggedEvent]

    /// Appends events as one batch, chained after the store's last line, but
    /// only while that line is still line `expected`: the last one the
    /// caller's state was made from. When another process appended since,
    /// nothing is written and nil is returned, so that the caller reads the
    /// new lines and tries its events again on the state they make (a writer
    /// never writes what that state would refuse). With `expected` nil, the
    /// events go after whatever line is last. All of them are durable when
    /// this returns, or none is acknowledged (an error is thrown).
    func append(contentsOf events: [Event], after expected: Int64?) throws(LogError) -> [LoggedEvent]?

    /// The log's bytes from its first line, exactly as a file holds them
    /// (each line followed by its LF), read afresh and handed over in chunks
    /// of whole lines; nothing is checked. For verifying, copying and exporting.
    func readAll(_ chunk: (UnsafeRawBufferPointer) -> Void) throws(LogError)

    /// The events at these positions (from 1: the n-th event read), given
    /// where each event's line is (`places[n - 1]`, the `offset` of its
    /// `LoggedEvent`); nil when one cannot be read or is not the line
    /// expected. May be called from any thread.
    func events(at positions: [Int], places: [Int64]) -> [Event]?
}

/// A store whose reading can start after the line a checkpoint names
/// rather than at its first line (a database; the folder's log resumes in `EventLog.open`).
public protocol ResumableLogStore: LogStore {
    /// The last line read, with its place; nil before any event was read.
    var position: LogPosition? { get }
    /// Before the first read: when the store's log has the checkpoint's log id
    /// and holds exactly the line at `position.seq`, reading goes on after it
    /// and true is returned; otherwise nothing changes.
    func resume(after position: LogPosition) throws(LogError) -> Bool
}

extension LogStore {
    /// Appends events as one batch after whatever line is last, whoever wrote it.
    @discardableResult
    public func append(contentsOf events: [Event]) throws(LogError) -> [LoggedEvent] {
        // Without an expected line nothing can have overtaken the append: it is never nil.
        try append(contentsOf: events, after: nil)!
    }

    /// Appends one event durably.
    @discardableResult
    public func append(_ event: Event) throws(LogError) -> LoggedEvent {
        try append(contentsOf: [event])[0]
    }

    /// Every event of the log, read and checked afresh from the start.
    public func readEverything() throws(LogError) -> [LoggedEvent] {
        var reader = ChainedLines()
        var events: [LoggedEvent] = []
        try readAll { chunk in reader.feed(chunk) { events.append($0) } }
        return events
    }
}
