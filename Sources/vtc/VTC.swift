import ArgumentParser
import Foundation
import VTCTexts
import TerminalKit
import VTCTerminal

/// `vtc`: without a subcommand, the terminal UI; with one, the same functions from the shell.
struct VTC: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vtc",
        abstract: "Register and follow up episodes of violence, threats and harassment (VTC) against care staff.",
        discussion: """
        Without a subcommand, vtc opens the terminal UI. Every function of the UI is also a subcommand. \
        You act as your operating-system user; the roster (roster.json in the data folder) decides what you \
        may see and do.

        Exit codes: 0 ok, 1 verify found problems, 2 usage or invalid input, 3 unknown or ambiguous id, \
        4 refused by the roster, 5 log damaged (read-only), 6 I/O error.

        Example:
          vtc demo --data /tmp/vtc-demo && vtc week --data /tmp/vtc-demo
        """,
        subcommands: [
            RegisterCommand.self, ListCommand.self, ShowCommand.self, FollowUpCommand.self, AckCommand.self,
            NoteCommand.self, AmendCommand.self, WithdrawCommand.self, AbsenceCommand.self, ActionCommand.self,
            SupervisionCommand.self, WeekCommand.self, StatsCommand.self, ExportCommand.self, VerifyCommand.self,
            DemoCommand.self, RosterCommand.self, StoreCommand.self, ServeCommand.self, HeadCommand.self,
        ])

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let language = try Session.language(global, environment: environment)
        do { try NcursesTerminal.requireTerminal() } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(TerminalApp.cannotStartStatus)
        }
        // The UI is where most registrations are made, so it may be a folder's first write.
        // Through a server the screens ask for what they show (`ScreenQueries`): the UI needs no incidents of the view.
        let workspace = try Session.openWorkspace(global, environment: environment, creatingFolder: true,
                                                  texts: Texts(language), view: .nothing)
        let status = TerminalApp.run(workspace: workspace, language: language)
        if status != 0 { throw ExitCode(status) }
    }
}
