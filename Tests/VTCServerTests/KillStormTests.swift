import Foundation
import Glibc
import Testing

/// Writers register through the server while it is killed with SIGKILL and
/// started again: every registration the server acknowledged is in the log,
/// and the log is intact.
@Suite struct KillStormTests {
    @Test func everyAcknowledgedRegistrationSurvivesSIGKILL() throws {
        let me = String(cString: getpwuid(geteuid())!.pointee.pw_name)
        let server = try TestServer(units: ["A"], users: [(me, [.staff: ["A"]])])
        try server.start()
        let writers = 4
        let stop = Date().addingTimeInterval(12)
        let acknowledged = Acknowledged()
        let group = DispatchGroup()
        let socket = server.socket
        for writer in 0..<writers {
            DispatchQueue.global().async(group: group) {
                var n = 0
                while Date() < stop {
                    n += 1
                    let out = Spawn.vtc(["register", "--unit", "A", "--kind", "threat", "--severity", "1",
                                         "--description", "skribent \(writer) nr. \(n)"], server: socket)
                    if out.status == 0 { acknowledged.add(out.line) }
                }
            }
        }
        var kills = 0
        while Date() < stop.addingTimeInterval(-2) {
            usleep(UInt32.random(in: 300_000...900_000))
            server.killHard()
            kills += 1
            try server.start()
        }
        group.wait()
        server.stop()
        let ids = acknowledged.ids
        #expect(kills >= 5)
        #expect(ids.count >= 10, "too few writes were acknowledged to say anything: \(ids.count)")
        let log = server.log
        let missing = ids.filter { !log.contains($0) }
        #expect(missing.isEmpty, "acknowledged but not in the log: \(missing)")
        let verify = Spawn.run([Spawn.vtc, "verify", "--data", server.data, "--lang", "en"])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
    }
}

/// The ids the writers were given, gathered from several threads.
final class Acknowledged: @unchecked Sendable {
    private let lock = NSLock()
    private var gathered: [String] = []

    func add(_ id: String) { lock.withLock { gathered.append(id) } }
    var ids: [String] { lock.withLock { gathered } }
}
