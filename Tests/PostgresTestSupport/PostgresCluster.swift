import Foundation
import Glibc

/// A PostgreSQL cluster of the test's own: `initdb` and `pg_ctl` in a
/// temporary folder, listening only on a Unix socket in that folder (no TCP),
/// run by an unprivileged user. As root (as CI runs) that is a dedicated
/// system user, `vtcpgtest`, through `runuser`; otherwise the current user.
/// The test process connects with peer authentication as itself.
/// In a library of its own so that every test target that needs a
/// database (vtcTests, VTCServerTests) uses this one.
public final class PostgresCluster {
    /// Why the tests cannot run here, or nil.
    public static let unavailable: String? = binaries == nil ? "no PostgreSQL server binaries under /usr/lib/postgresql/*/bin (install the postgresql package)" : nil

    public static let binaries: String? = {
        let base = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: base)) ?? []).compactMap(Int.init).sorted()
        return versions.reversed().map { "\(base)/\($0)/bin" }.first { FileManager.default.isExecutableFile(atPath: $0 + "/initdb") }
    }()

    public static let serviceUser = "vtcpgtest"
    public static var runningAsRoot: Bool { geteuid() == 0 }

    public let folder: String
    public var socketFolder: String { folder }
    public var dataFolder: String { folder + "/data" }
    public let port: Int

    /// The URI of the `vtc` database over the socket, with peer authentication.
    public var uri: String { "postgresql:///vtc?host=\(socketFolder)&port=\(port)" }

    public init(port: Int = 5432, folder: String? = nil) throws {
        self.port = port
        self.folder = folder ?? "/tmp/vtcpg-" + String(UUID().uuidString.prefix(8))
        try FileManager.default.createDirectory(atPath: self.folder, withIntermediateDirectories: true)
        if Self.runningAsRoot {
            try Self.ensureServiceUser()
            try Self.shell(["chown", Self.serviceUser, self.folder])
        }
    }

    deinit {
        _ = try? admin(["pg_ctl", "-D", dataFolder, "stop", "-m", "immediate"], check: false)
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// initdb, start, a role for the current user (as root), and the `vtc` database it owns.
    public static func start(port: Int = 5432) throws -> PostgresCluster {
        let cluster = try PostgresCluster(port: port)
        try cluster.admin(["initdb", "-D", cluster.dataFolder, "--auth-local=peer", "--auth-host=reject", "-E", "UTF8",
                           "--locale=C", "-U", cluster.superuser])
        try cluster.configure()
        try cluster.startServer()
        if runningAsRoot { try cluster.sql("CREATE ROLE root SUPERUSER LOGIN", database: "postgres") }
        try cluster.sql("CREATE DATABASE vtc OWNER \(PostgresCluster.currentUser)", database: "postgres")
        return cluster
    }

    /// A synchronous hot standby of this cluster, made with `pg_basebackup`, named `standby1`, in a folder of its own.
    public func startStandby(port: Int) throws -> PostgresCluster {
        let standby = try PostgresCluster(port: port)
        try admin(["pg_basebackup", "-h", socketFolder, "-p", String(self.port), "-D", standby.dataFolder,
                   "-X", "stream", "-c", "fast"])
        try standby.configure(extra: [
            "primary_conninfo = 'host=\(socketFolder) port=\(self.port) application_name=standby1'",
            "hot_standby = on",
        ])
        _ = FileManager.default.createFile(atPath: standby.dataFolder + "/standby.signal", contents: nil)
        if Self.runningAsRoot { try Self.shell(["chown", Self.serviceUser, standby.dataFolder + "/standby.signal"]) }
        try standby.startServer()
        try sql("ALTER SYSTEM SET synchronous_standby_names = 'standby1'", database: "postgres")
        try sql("SELECT pg_reload_conf()", database: "postgres")
        // Synchronous from here on: COMMIT on the primary returns only once the standby has the transaction.
        for _ in 0..<100 {
            if try sql("SELECT sync_state FROM pg_stat_replication WHERE application_name = 'standby1'", database: "postgres") == "sync" {
                return standby
            }
            usleep(100_000)
        }
        throw Failure("the standby did not become synchronous within 10 s")
    }

    /// Stops the server at once, as a power cut would (no shutdown checkpoint).
    public func crash() throws {
        try admin(["pg_ctl", "-D", dataFolder, "stop", "-m", "immediate"])
    }

    public func promote() throws {
        try admin(["pg_ctl", "-D", dataFolder, "promote", "-w"])
    }

    public var superuser: String { Self.runningAsRoot ? Self.serviceUser : Self.currentUser }
    public static var currentUser: String { String(cString: getpwuid(geteuid())!.pointee.pw_name) }

    public func configure(extra: [String] = []) throws {
        let settings = ["listen_addresses = ''", "unix_socket_directories = '\(socketFolder)'", "port = \(port)",
                        "fsync = on", "synchronous_commit = on"] + extra
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: dataFolder + "/postgresql.conf"))
        handle.seekToEndOfFile()
        handle.write(Data(("\n" + settings.joined(separator: "\n") + "\n").utf8))
        try handle.close()
    }

    public func startServer() throws {
        try admin(["pg_ctl", "-D", dataFolder, "-l", folder + "/server.log", "-w", "start"])
    }

    /// Runs SQL as the cluster's superuser (the test's administrator, as a region's DBA would).
    @discardableResult
    public func sql(_ statement: String, database: String = "vtc") throws -> String {
        try admin(["psql", "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-h", socketFolder, "-p", String(port),
                   "-d", database, "-c", statement])
    }

    /// The log as the `vtc` database's table holds it, one line per row in `seq` order, read by the superuser.
    public func logLines() throws -> [String] {
        try sql("SELECT convert_from(line, 'UTF8') FROM vtc_log ORDER BY seq").split(separator: "\n").map(String.init)
    }

    /// Runs one of the server's programs as the cluster's owner.
    @discardableResult
    public func admin(_ arguments: [String], check: Bool = true) throws -> String {
        let program = Self.binaries! + "/" + arguments[0]
        let command = Self.runningAsRoot ? ["runuser", "-u", Self.serviceUser, "--", program] + arguments.dropFirst()
                                         : [program] + arguments.dropFirst()
        return try Self.shell(command, check: check, in: folder)
    }

    private static func ensureServiceUser() throws {
        if getpwnam(serviceUser) != nil { return }
        try shell(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", serviceUser], check: false)
        guard getpwnam(serviceUser) != nil else { throw Failure("cannot create the user \(serviceUser) to run PostgreSQL") }
    }

    /// Runs a program (found on PATH unless absolute) and waits for it with `waitpid`. Not Foundation's
    /// Process: it waits on what the server that `pg_ctl start` leaves running inherits, and never returns.
    @discardableResult
    public static func shell(_ command: [String], check: Bool = true, in directory: String? = nil) throws -> String {
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("vtcpg-out-" + UUID().uuidString).path
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let command = directory.map { ["env", "-C", $0] + command } ?? command
        let arguments = command.map { strdup($0) } + [nil]
        defer { arguments.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, command[0], &actions, nil, arguments, environ)
        guard spawned == 0 else { throw Failure("cannot run \(command[0]): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let text = String(decoding: FileManager.default.contents(atPath: outputPath) ?? Data(), as: UTF8.self)
        let exited = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        if check, exited != 0 {
            throw Failure("\(command.joined(separator: " ")) exited \(exited): \(text)")
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        public init(_ description: String) { self.description = description }
    }
}
