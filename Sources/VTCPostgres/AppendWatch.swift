import PostgresNIO

/// Listens for the appends other processes commit (`LISTEN vtc_log`) on a
/// connection of its own, reconnecting with back-off when it is lost.
public final class AppendWatch: Sendable {
    private let task: Task<Void, Never>

    init(link: PostgresLink, onAppend: @escaping @Sendable () -> Void) {
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
                        onAppend()
                        for try await _ in notifications { onAppend() }
                    }
                    try? await connection.close()
                } catch {
                    try? await Task.sleep(nanoseconds: pause)
                    pause = min(pause * 2, 5_000_000_000)
                }
                // The connection was lost: the caller looks, and learns whether the database still answers.
                if listened, !Task.isCancelled { onAppend() }
            }
        }
    }

    public func stop() { task.cancel() }

    deinit { task.cancel() }
}
