import ArgumentParser
import VTCClient

/// The options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .customLong("data"), help: ArgumentHelp(
        "The data folder (default: $VTC_DATA, else $XDG_DATA_HOME/vtc, else ~/.local/share/vtc).", valueName: "DIR"))
    var dataFolder: String?

    @Option(name: .customLong("server"), help: ArgumentHelp(
        "Talk to the vtc server on this socket (default: $VTC_SERVER, else \(ServerAddress.defaultSocket) when it exists and no data folder is named).",
        valueName: "PATH"))
    var server: String?

    @Option(name: .customLong("store"), help: ArgumentHelp(
        "Keep the log in PostgreSQL (postgresql://…, a libpq URI; a password only from PGPASSFILE or PGPASSWORD). "
            + "The data folder still holds roster.json, policy.json and drafts.", valueName: "URI"))
    var store: String?

    @Option(name: .customLong("lang"), help: ArgumentHelp(
        "The language of the output: da or en (default: from LC_ALL, LC_MESSAGES or LANG).", valueName: "da|en"))
    var language: String?
}

/// The time reports are made at, so that they can be reproduced.
struct AsOfOption: ParsableArguments {
    @Option(name: .customLong("as-of"), help: ArgumentHelp(
        "Report as at this time (ISO 8601; without an offset it is Copenhagen time). Default: now.",
        valueName: "DATETIME"))
    var asOf: String?
}
