import Synchronization
import VTCProtocol

/// How many connections each user holds, so that one user cannot take them all.
final class ConnectionLimits: Sendable {
    private let counts = Mutex<[String: Int]>([:])

    /// Counts a connection in; false when the user or the server has as many as allowed.
    func admit(_ user: String) -> Bool {
        counts.withLock { counts in
            let total = counts.values.reduce(0, +)
            guard total < ProtocolLimits.connections, counts[user, default: 0] < ProtocolLimits.connectionsPerUser else { return false }
            counts[user, default: 0] += 1
            return true
        }
    }

    func release(_ user: String) {
        counts.withLock { counts in
            counts[user, default: 1] -= 1
            if counts[user] == 0 { counts[user] = nil }
        }
    }
}
