import VTCStore
import VTCPostgres

/// A log named on the command line: a `postgresql://` URI, or a data folder.
enum StoreOption {
    /// The PostgreSQL store a URI names (its schema created or upgraded when `creatingSchema`).
    static func open(_ uri: String, creatingSchema: Bool = true) throws(LogError) -> PostgresLog {
        try PostgresLog.open(uri: uri, creatingSchema: creatingSchema)
    }

    /// The address a URI names, for the operating-system user running the program.
    static func address(_ uri: String) throws(LogError) -> PostgresAddress {
        do { return try PostgresAddress(uri, osUser: (try? OperatingSystemUser.name()) ?? "") } catch {
            throw .store(action: "use", location: "the store", reason: error.description)
        }
    }

    /// The bytes of a log, exactly as its file holds them or would: from a URI's table or a folder's `events.jsonl`.
    static func bytes(of place: String) throws(LogError) -> [UInt8] {
        var bytes: [UInt8] = []
        if PostgresAddress.isURI(place) {
            try open(place, creatingSchema: false).readAll { bytes.append(contentsOf: $0) }
        } else {
            try EventLog.readAll(fileAt: DataFolder(path: place).eventsPath) { bytes.append(contentsOf: $0) }
        }
        return bytes
    }
}
