import ArgumentParser
import VTCStore
import VTCPostgres

/// `vtc store`: moving a log between stores.
struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Move a log between a data folder and PostgreSQL.",
        subcommands: [StoreCopyCommand.self])
}

struct StoreCopyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy a log, line for line, from a data folder or PostgreSQL into an empty one.",
        discussion: """
        Every line of the source is checked first as vtc verify checks it; a log with any problem is not \
        copied. The target must hold no log (a folder without events.jsonl, or a database whose vtc_log \
        table is empty; its schema is created when missing). The copy is read back and compared byte for \
        byte. roster.json and policy.json are not copied: they stay in the data folder.

        Examples:
          vtc store copy --from /srv/vtc --to 'postgresql:///vtc?host=/run/postgresql'
          vtc store copy --from 'postgresql:///vtc?host=/run/postgresql' --to /srv/vtc-copy
        """)

    @Option(help: ArgumentHelp("The log to copy: a data folder or a postgresql:// URI.", valueName: "DIR|URI"))
    var from: String
    @Option(help: ArgumentHelp("Where to copy it: a data folder or a postgresql:// URI.", valueName: "DIR|URI"))
    var to: String

    func run() throws {
        do {
            let bytes = try StoreOption.bytes(of: from)
            let report = LogVerifier.verify(bytes: bytes)
            guard report.lines > 0 else { throw CLIFailure(.notFound, worded: "\(from) holds no log: nothing to copy") }
            guard report.isIntact else {
                for problem in report.problems { Output.line(problem.description) }
                throw CLIFailure(.problemsFound, worded: "\(from) was not copied: \(report.summary)")
            }
            if PostgresAddress.isURI(to) {
                _ = try StoreOption.open(to).copyIn(bytes)
            } else {
                try EventLog.create(in: DataFolder(path: to), copying: bytes)
            }
            guard try StoreOption.bytes(of: to) == bytes else {
                throw CLIFailure(.ioError, worded: "\(to) does not read back as the bytes copied into it; run vtc verify on it")
            }
            Output.line("copied \(report.lines) lines, \(report.events) events; head \(report.head.map(\.description) ?? "none")")
        } catch let error as LogError {
            throw CLIFailure(error)
        }
    }
}
