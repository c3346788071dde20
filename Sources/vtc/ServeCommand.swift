import ArgumentParser
import VTCClient
import VTCServer
import VTCStore

/// `vtc serve`: the server that alone opens a shared data folder (docs/deploy.md).
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve a shared data folder to the users of this machine over a Unix socket.",
        discussion: """
        Runs in the foreground as the folder's own (system) user, logging to stderr. Clients run vtc as \
        usual: the kernel tells the server who they are, the roster what they may see and do. \
        SIGHUP re-reads roster.json and policy.json; SIGTERM finishes the writes in flight and exits 0. \
        See docs/deploy.md and docs/protocol.md.

        Example:
          vtc serve --data /var/lib/vtc --socket /run/vtc/vtc.sock
        """)

    /// `--data DIR` (required here): the folder, owned by the user running the server.
    @OptionGroup var global: GlobalOptions

    @Option(name: .customLong("socket"), help: ArgumentHelp("Where to listen.", valueName: "PATH"))
    var socket: String = ServerAddress.defaultSocket

    func run() throws {
        guard let dataFolder = global.dataFolder, !dataFolder.isEmpty else {
            throw ValidationError("give the data folder to serve with --data DIR")
        }
        do { try VTCServe.run(folder: DataFolder(path: dataFolder), socketPath: socket) } catch {
            switch error {
            case .folder(let line): throw CLIFailure(.ioError, worded: line)
            case .workspace(let error): throw CLIFailure(error)
            }
        }
    }
}
