import Glibc

/// The folder that holds the event log, the drafts and the optional roster
/// and policy files.
public struct DataFolder: Hashable, Sendable {
    public let path: String

    public init(path: String) {
        var trimmed = path
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        self.path = trimmed
    }

    public var eventsPath: String { path + "/" + LogFormat.fileName }
    public var draftsPath: String { path + "/drafts" }
    public var rosterPath: String { path + "/roster.json" }
    public var policyPath: String { path + "/policy.json" }
    public var checkpointPath: String { path + "/state.checkpoint" }
    /// The checkpoint of a log kept in another store (a database): apart from the folder's own, whose line
    /// starts are byte offsets in `events.jsonl` where this one's are the store's places.
    public var storeCheckpointPath: String { path + "/store.checkpoint" }

    /// The folder to use: `--data DIR`, else `$VTC_DATA`, else
    /// `$XDG_DATA_HOME/vtc`, else `~/.local/share/vtc`. Empty values count as unset.
    public static func resolve(option: String?, environment: [String: String]) throws(LogError) -> DataFolder {
        func value(_ s: String?) -> String? { s.flatMap { $0.isEmpty ? nil : $0 } }
        if let option = value(option) { return DataFolder(path: option) }
        if let vtc = value(environment["VTC_DATA"]) { return DataFolder(path: vtc) }
        // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
        if let xdg = value(environment["XDG_DATA_HOME"]), xdg.hasPrefix("/") { return DataFolder(path: xdg + "/vtc") }
        if let home = value(environment["HOME"]) { return DataFolder(path: home + "/.local/share/vtc") }
        throw .noDataFolder("give --data DIR, or set VTC_DATA, XDG_DATA_HOME or HOME")
    }

    /// Creates the folder (and its parents) with mode 0750 if missing, syncing each new entry.
    public func create(system: SystemCalls = .live) throws(LogError) {
        let failure = system.makeDirectories(path, mode: 0o750)
        if failure != 0 { throw .system(action: "create the data folder", path: path, errno: failure) }
    }
}
