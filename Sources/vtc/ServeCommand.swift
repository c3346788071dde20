import ArgumentParser
import VTCClient
import VTCPostgres
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

        With --store postgresql://…, the log is kept in PostgreSQL, which several servers may share; \
        the data folder then holds roster.json and policy.json only.

        Examples:
          vtc serve --data /var/lib/vtc --socket /run/vtc/vtc.sock
          vtc serve --data /etc/vtc --store 'postgresql://vtc@db1,db2/vtc?target_session_attrs=read-write'
        """)

    /// `--data DIR` (required here): the folder, owned by the user running the server.
    @OptionGroup var global: GlobalOptions

    @Option(name: .customLong("socket"), help: ArgumentHelp("Where to listen.", valueName: "PATH"))
    var socket: String = ServerAddress.defaultSocket

    func run() throws {
        guard let dataFolder = global.dataFolder, !dataFolder.isEmpty else {
            throw ValidationError("give the data folder to serve with --data DIR")
        }
        let served = try global.store.map { uri throws(CLIFailure) in try ServeCommand.served(uri) }
        do { try VTCServe.run(folder: DataFolder(path: dataFolder), served: served, socketPath: socket) } catch {
            switch error {
            case .folder(let line): throw CLIFailure(.ioError, worded: line)
            case .workspace(let error): throw CLIFailure(error)
            }
        }
    }

    /// The log in PostgreSQL, for the server: opened afresh at start-up and on SIGHUP, and watched for others' appends.
    private static func served(_ uri: String) throws(CLIFailure) -> ServedLog {
        let address: PostgresAddress
        do { address = try StoreOption.address(uri) } catch { throw CLIFailure(error) }
        return ServedLog(location: address.description,
                         open: { () throws(LogError) -> any LogStore in try PostgresLog.open(address) },
                         watch: { look in
                             let watch = PostgresLog.watchAppends(at: address) { look($0) }
                             return { watch.stop() }
                         })
    }
}
