/// The numbers of the protocol between `vtc` and `vtc serve` (docs/protocol.md).
public enum ProtocolLimits {
    /// Sent in the client's hello; the server refuses any other.
    public static let version = 2
    /// The most incidents one view of `ids` may name: many screenfuls.
    public static let maximumViewIDs = 1_000
    /// The most ids one list window may ask for: many screenfuls, a small part of a region's selection.
    public static let maximumListWindow = 10_000
    /// The most entries a client may ask for in one page: of the follow-up queue, or of each of a week report's lists.
    public static let maximumPage = 1_000
    /// The largest frame a client may send: a request is a few kilobytes at most.
    public static let maximumRequestBytes = 1 << 20
    /// The largest frame the server sends: a coordinator's view of a region.
    public static let maximumReplyBytes = 1 << 31 - 1
    /// Connections one user may hold open at once (a UI, a few commands, a script).
    public static let connectionsPerUser = 32
    /// Connections in all.
    public static let connections = 1_000
    /// A client that has not taken a reply for this long is disconnected,
    /// so that it holds no memory of the server's.
    public static let stalledClientSeconds: Int64 = 30
    /// A client that has said nothing for this long after connecting is disconnected.
    public static let helloSeconds: Int64 = 10
}
