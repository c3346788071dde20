import PostgresNIO

/// Listens for the appends other processes commit (`LISTEN vtc_log`) on a
/// connection of its own, reconnecting with back-off when it is lost.
public final class AppendWatch: Sendable {
    private let task: Task<Void, Never>

    /// `onAppend` gets the last `seq` an append wrote, or nil when it is not known (after connecting, after a loss).
    init(link: PostgresLink, onAppend: @escaping @Sendable (_ lastSeq: Int64?) -> Void) {
        task = Task.detached {
            var pause: UInt64 = 100_000_000
            while !Task.isCancelled {
                var listened = false
                do {
                    let connection = try await link.connect()
                    pause = 100_000_000
                    try await connection.listen(on: LogSchema.channel) { notifications in
                        // Listening now: appends committed while no one listened are caught up with.
                        listened = true
                        onAppend(nil)
                        for try await notification in notifications { onAppend(Int64(notification.payload)) }
                    }
                    try? await connection.close()
                } catch {
                    try? await Task.sleep(nanoseconds: pause)
                    pause = min(pause * 2, 5_000_000_000)
                }
                // The connection was lost: the caller looks, and learns whether the database still answers.
                if listened, !Task.isCancelled { onAppend(nil) }
            }
        }
    }

    public func stop() { task.cancel() }

    deinit { task.cancel() }
}
