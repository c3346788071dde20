import Dispatch

/// Runs async work to completion for synchronous callers: the log's stores
/// are synchronous (the workspace, the command line). Blocks the calling
/// thread, so it must never be called from a task on Swift's own pool.
func blocking<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
    let outcome = Outcome<T>()
    let done = DispatchSemaphore(value: 0)
    Task.detached {
        do { outcome.result = .success(try await work()) } catch { outcome.result = .failure(error) }
        done.signal()
    }
    done.wait()
    return try outcome.result!.get()
}

/// Written by the task once, read by the waiting thread after the semaphore: never at the same time.
private final class Outcome<T>: @unchecked Sendable {
    var result: Result<T, any Error>?
}

/// Hands something that is not `Sendable` to work run by `blocking`, whose caller waits meanwhile:
/// only one thread touches it at a time.
final class Lent<T>: @unchecked Sendable {
    var value: T
    init(_ value: T) { self.value = value }
}
