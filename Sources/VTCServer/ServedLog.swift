import VTCStore

/// A log kept outside the data folder (a database) that other servers may
/// append to too. The server opens it through `open` (at start-up and on
/// SIGHUP) and learns of others' appends through `watch`; VTCServer knows no
/// database: the `vtc` command wires these to VTCPostgres.
public struct ServedLog: Sendable {
    /// Names the store in the server's log lines, without secrets.
    public var location: String
    /// Opens the store afresh; the workspace reads every event of it.
    public var open: @Sendable () throws(LogError) -> any LogStore
    /// Starts calling `look` soon after any process appended (with the last
    /// `seq` it wrote), after each reconnection and when the watching
    /// connection is lost (with nil); returns what stops it.
    public var watch: @Sendable (_ look: @escaping @Sendable (_ lastSeq: Int64?) -> Void) -> @Sendable () -> Void

    public init(location: String, open: @escaping @Sendable () throws(LogError) -> any LogStore,
                watch: @escaping @Sendable (_ look: @escaping @Sendable (_ lastSeq: Int64?) -> Void) -> @Sendable () -> Void) {
        self.location = location
        self.open = open
        self.watch = watch
    }
}
