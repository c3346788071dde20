/// The exit codes of `vtc`, documented in README.md and docs/cli.md.
enum ExitStatus: Int32, CaseIterable {
    case ok = 0
    /// `vtc verify` found problems in the log.
    case problemsFound = 1
    /// A usage error or invalid input; nothing was written.
    case invalidInput = 2
    /// An id, or a prefix of one, names no incident or action, or more than one.
    case notFound = 3
    /// The roster does not let the acting user see or do this.
    case refused = 4
    /// The log is damaged and open read-only, so nothing can be written.
    case logDamaged = 5
    /// Reading or writing a file failed.
    case ioError = 6
}

/// Why a command stopped: one line for stderr and the exit code that goes with it.
struct CLIFailure: Error {
    var status: ExitStatus
    var message: String

    init(_ status: ExitStatus, _ message: String) {
        self.status = status
        self.message = message
    }

    static func invalid(_ message: String) -> CLIFailure { CLIFailure(.invalidInput, message) }
}
