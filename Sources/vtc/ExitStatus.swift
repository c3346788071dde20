import VTCTexts

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

/// Why a command stopped: what to say on stderr and the exit code that goes with it.
struct CLIFailure: Error {
    /// The text, rendered in the user's language when the failure is reported.
    enum Text {
        case commandLine(CommandLineText)
        case catalog(Message)
        /// Already worded by another module (the log's and the state's own messages).
        case worded(String)
    }

    var status: ExitStatus
    var text: Text

    init(_ status: ExitStatus, _ text: CommandLineText) {
        self.status = status
        self.text = .commandLine(text)
    }

    init(_ status: ExitStatus, message: Message) {
        self.status = status
        text = .catalog(message)
    }

    init(_ status: ExitStatus, worded: String) {
        self.status = status
        text = .worded(worded)
    }

    static func invalid(_ text: CommandLineText) -> CLIFailure { CLIFailure(.invalidInput, text) }

    func message(in texts: Texts) -> String {
        switch text {
        case .commandLine(let t): texts.commandLine(t)
        case .catalog(let m): texts.message(m)
        case .worded(let w): w
        }
    }
}
