import VTCStore

/// Whether the server's store (a database) answers. While it does not,
/// every write is refused with the failure's line, the view's
/// `read_only_reason` says so (clients show it), and the server looks again
/// after a pause that doubles up to 5 s.
struct StoreOutage {
    /// The last failure to reach the store; nil while it answers.
    private(set) var failure: WorkspaceError?
    /// Seconds until the next look while it does not answer.
    private(set) var pause = StoreOutage.firstPause

    static let firstPause = 0.25
    static let longestPause = 5.0

    /// Only a failure to reach the store is an outage; damage and refusals are the log's own business.
    static func isOutage(_ error: WorkspaceError) -> Bool {
        if case .log(.store) = error { return true }
        return false
    }

    /// Records a failure; true when the outage begins with it.
    mutating func failed(_ error: WorkspaceError) -> Bool {
        defer { failure = error }
        if failure == nil {
            pause = StoreOutage.firstPause
            return true
        }
        pause = min(pause * 2, StoreOutage.longestPause)
        return false
    }

    /// The store answered; true when an outage ends with it.
    mutating func answered() -> Bool {
        defer { failure = nil }
        return failure != nil
    }

    /// What clients are told while it lasts, in one line.
    var readOnlyReason: String? {
        failure.map { "\($0.description); writes are refused until it answers again" }
    }

    /// The one line a write gets while it lasts: nothing was tried, so nothing was written.
    var refusal: WorkspaceError? {
        guard case .log(.store(_, let location, let reason))? = failure else { return failure }
        return .log(.store(action: "append to", location: location, reason: reason + "; nothing was written, try again when it answers"))
    }
}
