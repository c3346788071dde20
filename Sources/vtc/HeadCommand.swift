import ArgumentParser
import VTCStore

struct HeadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "head",
        abstract: "Print the log's head (its last line's seq and SHA-256) in a short form to keep elsewhere.",
        discussion: """
        Copy the line into minutes, a mail or a printout kept outside the data folder. Later, \
        `vtc verify --witness FILE` checks that the log still holds every head in FILE: a log cut short or \
        rewritten, even with every hash recomputed, no longer does. The AMG week report ends with the head.

        Example:
          vtc head
        """)

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let session = try Session.open(global)
        Output.line(session.workspace.head?.short ?? "none")
    }
}
