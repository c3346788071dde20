#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// A signal that asks the program to end: it should save its draft, restore
/// the terminal and exit.
public enum TerminalSignal: Int32, Sendable {
    case hangup = 1
    case interrupt = 2
    case terminate = 15
}

/// SIGHUP, SIGINT and SIGTERM set a flag instead of killing the process; the
/// event loop checks the flag between keys (the read returns at least every
/// poll interval). In raw mode Ctrl-C arrives as a key, not as SIGINT; SIGINT
/// is caught for `kill -INT` and for the moments before raw mode.
public enum TerminalSignals {
    /// The one process-wide slot a signal handler may write: a lock-free
    /// atomic, which is safe to store from a handler.
    private static let pending = Atomic<Int32>(0)

    /// Installs the handlers. Call before starting ncurses, so that ncurses
    /// leaves these signals to us.
    public static func install() {
        pending.store(0, ordering: .sequentiallyConsistent)
        for signal in [TerminalSignal.hangup, .interrupt, .terminate] {
            var action = sigaction()
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = { number in
                TerminalSignals.pending.store(number, ordering: .sequentiallyConsistent)
            }
            #else
            action.__sigaction_u.__sa_handler = { number in
                TerminalSignals.pending.store(number, ordering: .sequentiallyConsistent)
            }
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signal.rawValue, &action, nil)
        }
    }

    /// The signal that arrived since the last call, if any.
    public static func takePending() -> TerminalSignal? {
        TerminalSignal(rawValue: pending.exchange(0, ordering: .sequentiallyConsistent))
    }
}
