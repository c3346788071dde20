import Foundation

/// Checks, on a thread of its own, the lines of the log that opening from a
/// checkpoint did not read; the owner asks for the outcome when it polls.
final class SkippedLinesCheck: @unchecked Sendable {
    private let lock = NSLock()
    private var found: LogProblem?

    func start(path: String, through position: LogPosition, system: SystemCalls) {
        Thread.detachNewThread { [self] in
            // A log that cannot be read now shows that on the next refresh; this check only names damage.
            guard let report = try? LogVerifier.verify(fileAt: path, through: position, system: system),
                  let problem = report.problems.first else { return }
            lock.withLock { found = problem }
        }
    }

    /// The first damage found; nil while the check runs or when it found none.
    func problem() -> LogProblem? { lock.withLock { found } }
}
