import Foundation
import VTCModel
import VTCStore
import TerminalKit

/// The full-screen application: `vtc` without a subcommand.
public enum TerminalApp {
    /// Exit status when standard input or output is not a terminal, or curses cannot start (a usage error).
    public static let cannotStartStatus: Int32 = 2

    /// Runs the application on the terminal until the user quits or a signal
    /// ends it, and gives the terminal back as it was. Returns the exit status:
    /// 0, or 128 + the signal number after SIGHUP or SIGTERM (the draft is kept).
    public static func run(workspace: any OpenedWorkspace, language: Language) -> Int32 {
        TerminalSignals.install()
        let terminal: NcursesTerminal
        do {
            terminal = try NcursesTerminal()
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            return cannotStartStatus
        }
        let runtime = AppRuntime(workspace: workspace)
        var endedBy: TerminalSignal?
        _ = AppLoop.run(AppShell.program, initial: runtime.initialState(language: language, size: terminal.size),
                        on: terminal,
                        pollMilliseconds: workspace.refreshMilliseconds,
                        pendingSignal: {
                            let signal = TerminalSignals.takePending()
                            if signal != nil { endedBy = signal }
                            return signal
                        },
                        perform: { effect, state in runtime.perform(effect, &state) })
        terminal.restore()
        return endedBy.map { 128 + $0.rawValue } ?? 0
    }
}
