import Dispatch
import Foundation
import PostgresNIO

/// Runs async work to completion for synchronous callers: the log's stores
/// are synchronous (the workspace, the command line). Blocks the calling
/// thread, so it must never be called from a task on Swift's own pool.
///
/// `seconds`: give up waiting after that long (the work is cancelled and its
/// result, if it ever comes, dropped), so that a database that stops
/// answering in mid-exchange cannot hold a server's queue for ever.
func blocking<T: Sendable>(seconds: Double? = nil, _ work: @escaping @Sendable () async throws -> T) throws -> T {
    let outcome = Outcome<T>()
    let done = DispatchSemaphore(value: 0)
    let task = Task.detached {
        let result: Result<T, any Error>
        do { result = .success(try await work()) } catch { result = .failure(error) }
        outcome.set(result)
        done.signal()
    }
    if let seconds {
        guard done.wait(timeout: .now() + seconds) == .success else {
            task.cancel()
            throw LinkFailure(description: "no answer within \(Int(seconds)) s")
        }
    } else {
        done.wait()
    }
    return try outcome.get()
}

/// Starts `work` on `eventLoop` (a connection's) and waits on the calling
/// thread for the future it returns: one hop to the event loop, where
/// starting a query and listening for its answer need no further hop, and
/// one wake-up back, where a task would go through Swift's task pool on
/// the way out and back (the append, once per batch of the server). Never
/// call it from an event loop's thread. `seconds` as for `blocking`: the
/// answer, if it ever comes, is dropped.
func waiting<T: Sendable>(seconds: Double, on eventLoop: any EventLoop,
                          _ work: @escaping @Sendable () -> EventLoopFuture<T>) throws -> T {
    let outcome = Outcome<T>()
    let done = DispatchSemaphore(value: 0)
    eventLoop.execute {
        work().whenComplete { result in
            outcome.set(result)
            done.signal()
        }
    }
    guard done.wait(timeout: .now() + seconds) == .success else {
        throw LinkFailure(description: "no answer within \(Int(seconds)) s")
    }
    return try outcome.get()
}

/// Written by the task once, read by the waiting thread after the semaphore; a task that was given up on
/// may still write it when nobody reads it any more.
private final class Outcome<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<T, any Error>?

    func set(_ result: Result<T, any Error>) { lock.withLock { self.result = result } }
    func get() throws -> T { try lock.withLock { result }!.get() }
}

/// Hands something that is not `Sendable` to work run by `blocking`, whose caller waits meanwhile:
/// only one thread touches it at a time.
final class Lent<T>: @unchecked Sendable {
    var value: T
    init(_ value: T) { self.value = value }
}
