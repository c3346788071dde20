import Foundation
import Glibc
import Testing
import VTCCodec
import VTCModel

/// A `vtc serve` of a test's own: a folder (0755) that holds the data folder
/// (0750, roster 0640, owned by the server's user), the socket and the
/// server's log; the server runs as `owner` (or the test's own user).
/// With `store` (a `postgresql://` URI) the log is in that database and the
/// data folder holds only the roster.
final class TestServer {
    let root: String
    let owner: TestUser?
    let store: String?
    private(set) var pid: pid_t?
    private var logs = 0

    var data: String { root + "/data" }
    /// In a folder of the server's user, as systemd's `RuntimeDirectory=vtc` makes /run/vtc.
    var socket: String { root + "/run/vtc.sock" }
    var logPath: String { data + "/events.jsonl" }
    var log: String { String(decoding: FileManager.default.contents(atPath: logPath) ?? Data(), as: UTF8.self) }
    /// What the server wrote on stderr, every run of it.
    var serverLog: String {
        (0..<logs).map { String(decoding: FileManager.default.contents(atPath: root + "/server-\($0).log") ?? Data(), as: UTF8.self) }
            .joined()
    }

    /// `users`: login → roles (role → units); `units`: the roster's units.
    /// `shortNames`: unit → the short name the roster gives it.
    init(units: [String], users: [(String, [Role: [String]])], owner: TestUser? = nil, shortNames: [String: String] = [:],
         store: String? = nil) throws {
        root = FileManager.default.temporaryDirectory.path + "/vtc-server-" + UUID().uuidString
        self.owner = owner
        self.store = store
        mkdir(root, 0o755)
        chmod(root, 0o755)
        mkdir(data, 0o750)
        chmod(data, 0o750)
        mkdir(root + "/run", 0o755)
        chmod(root + "/run", 0o755)
        if let owner { chown(root + "/run", owner.uid, owner.gid) }
        let roster = JSONValue.object([
            ("units", .array(units.map { RosterFile.unitEntry(name: $0, short: shortNames[$0]) })),
            ("users", .array(users.map { user, roles in
                .object([("user", .string(user)),
                         ("roles", .object(Role.allCases.compactMap { role in
                             roles[role].map { (role.rawValue, .array($0.map(JSONValue.string))) }
                         }))])
            })),
        ])
        try writeDataFile("roster.json", JSONWriter.encode(roster))
    }

    deinit {
        if let pid { kill(pid, SIGKILL); Spawn.wait(pid) }
        try? FileManager.default.removeItem(atPath: root)
    }

    /// Writes a file into the data folder as the server's user would have it: 0640, owned by the owner.
    func writeDataFile(_ name: String, _ bytes: [UInt8]) throws {
        let path = data + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o640)
        if let owner {
            chown(path, owner.uid, owner.gid)
            chown(data, owner.uid, owner.gid)
        }
    }

    /// Starts the server and waits until it takes connections.
    func start() throws {
        precondition(pid == nil)
        let log = root + "/server-\(logs).log"
        logs += 1
        pid = Spawn.start([Spawn.vtc, "serve", "--data", data, "--socket", socket] + (store.map { ["--store", $0] } ?? []),
                          as: owner, stdout: "/dev/null", stderr: log)
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if TestServer.accepts(socket) { return }
            var status: Int32 = 0
            if waitpid(pid!, &status, WNOHANG) == pid {
                pid = nil
                throw TestUserError(description: "vtc serve stopped: \(serverLog)")
            }
            usleep(20_000)
        }
        throw TestUserError(description: "vtc serve did not listen within 60 s: \(serverLog)")
    }

    /// SIGTERM, and the exit status.
    @discardableResult
    func stop() -> Int32 {
        guard let pid else { return -1 }
        kill(pid, SIGTERM)
        self.pid = nil
        return Spawn.wait(pid)
    }

    /// SIGKILL: the server has no chance to finish anything.
    func killHard() {
        guard let pid else { return }
        kill(pid, SIGKILL)
        Spawn.wait(pid)
        self.pid = nil
    }

    func signal(_ number: Int32) {
        if let pid { kill(pid, number) }
    }

    /// `vtc` against this server.
    func vtc(_ arguments: [String], as user: TestUser? = nil, stdin: String? = nil) -> Spawn.Output {
        Spawn.vtc(arguments, server: socket, as: user, stdin: stdin)
    }

    /// Events of the log as JSON objects, read as root.
    var events: [[String: Any]] {
        log.split(separator: "\n").dropFirst().compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    static func accepts(_ path: String) -> Bool {
        let fd = Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return connect(fd, to: path)
    }

    static func connect(_ fd: Int32, to path: String) -> Bool {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8)) }
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        } == 0
    }
}

/// A raw connection for speaking (and breaking) the protocol by hand.
final class RawClient {
    let fd: Int32

    init?(_ path: String) {
        fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0, TestServer.connect(fd, to: path) else { return nil }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(fd) }

    func send(_ bytes: [UInt8]) {
        _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Everything until the server closes the connection or `seconds` pass without a byte.
    func readUntilClosed() -> [UInt8] {
        var all: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { return all }
            all += chunk[0..<n]
        }
    }

    /// One reply frame's JSON header, or nil if the connection closed first.
    func readFrame() -> [String: Any]? {
        guard let lengthBytes = read(exactly: 4) else { return nil }
        let length = lengthBytes.reduce(0) { $0 << 8 | Int($1) }
        guard let body = read(exactly: length), body.count >= 4 else { return nil }
        let jsonLength = body[0..<4].reduce(0) { $0 << 8 | Int($1) }
        return try? JSONSerialization.jsonObject(with: Data(body[4..<(4 + jsonLength)])) as? [String: Any]
    }

    private func read(exactly count: Int) -> [UInt8]? {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: min(max(count, 1), 1 << 20))
        while bytes.count < count {
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, min($0.count, count - bytes.count), 0) }
            if n <= 0 { return nil }
            bytes += chunk[0..<n]
        }
        return bytes
    }

    /// A frame as the protocol has it: the length, the header's length, the JSON header.
    static func frame(_ json: String) -> [UInt8] {
        let header = Array(json.utf8)
        return be32(4 + header.count) + be32(header.count) + header
    }

    static func be32(_ n: Int) -> [UInt8] { [UInt8(n >> 24 & 0xFF), UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)] }
}
