import Foundation
import Glibc
import PostgresTestSupport
import Testing

/// `vtc serve --store postgresql://…`: several servers on one database, a
/// server killed again and again, a failover to the synchronous standby and
/// a database that goes away and comes back, each with real servers and a
/// cluster of the test's own.
@Suite(.serialized, .enabled(if: PostgresCluster.unavailable == nil, "\(PostgresCluster.unavailable ?? "")"))
struct PostgresServerTests {
    let me = String(cString: getpwuid(geteuid())!.pointee.pw_name)

    private func server(on store: String) throws -> TestServer {
        let server = try TestServer(units: ["A"], users: [(me, [.staff: ["A"], .leader: ["A"]])], store: store)
        try server.start()
        return server
    }

    private func register(_ label: String, through server: TestServer) -> Spawn.Output {
        register(label, through: server.socket)
    }

    private func register(_ label: String, through socket: String) -> Spawn.Output {
        Spawn.vtc(["register", "--unit", "A", "--kind", "threat", "--severity", "1", "--description", label], server: socket)
    }

    @Test func twoServersOnOneDatabaseWriteOneChainAndEachClientSeesTheOthersWithinASecond() throws {
        let cluster = try PostgresCluster.start(port: 5442)
        let (a, b) = (try server(on: cluster.uri), try server(on: cluster.uri))
        defer { a.stop(); b.stop() }
        let onA = try #require(Subscriber(a.socket)), onB = try #require(Subscriber(b.socket))

        // A registration through one server reaches a client of the other within 1 s of its acknowledgement.
        for (writer, watcher) in [(a, onB), (b, onA)] {
            let before = try #require(watcher.eventCount)
            let written = register("Fra den ene server", through: writer)
            try #require(written.status == 0, "\(written.stderr)")
            let acknowledged = Date()
            let seen = watcher.waitForCount(atLeast: before + 1, within: 5)
            #expect(seen != nil, "the other server's client never heard of it")
            if let seen { #expect(seen.timeIntervalSince(acknowledged) < 1, "heard after \(seen.timeIntervalSince(acknowledged)) s") }
        }

        // Writers on both at once: one unbroken chain holding every acknowledged registration.
        let acknowledged = Acknowledged()
        let sockets = [a.socket, b.socket]
        DispatchQueue.concurrentPerform(iterations: 4) { writer in
            let through = sockets[writer % 2]
            for n in 0..<8 {
                let out = register("Skribent \(writer) nr. \(n)", through: through)
                if out.status == 0 { acknowledged.add(out.line) }
            }
        }
        #expect(acknowledged.ids.count == 32)
        let log = try cluster.logLines().joined(separator: "\n")
        for id in acknowledged.ids { #expect(log.contains(id), "acknowledged \(id) is not in the database") }
        let verified = Spawn.run([Spawn.vtc, "verify", "--store", cluster.uri, "--lang", "en"])
        #expect(verified.status == 0 && verified.stdout.contains("intact: 35 lines"), "\(verified.stdout)\(verified.stderr)")

        // SIGHUP re-reads the roster, policy and the log from the database; the server goes on writing and hearing.
        a.signal(SIGHUP)
        let deadline = Date().addingTimeInterval(20)
        while !a.serverLog.contains("reloaded roster.json"), Date() < deadline { usleep(50_000) }
        #expect(a.serverLog.contains("reloaded roster.json and policy.json: 1 users, 34 events"), "\(a.serverLog)")
        let before = try #require(onA.eventCount)
        #expect(register("Efter SIGHUP", through: b).status == 0)
        #expect(onA.waitForCount(atLeast: before + 1, within: 5) != nil)
        #expect(register("Gennem den genindlæste", through: a).status == 0)
    }

    @Test func killStormOfTwoServersLosesNothingAcknowledged() throws {
        let cluster = try PostgresCluster.start(port: 5443)
        let servers = [try server(on: cluster.uri), try server(on: cluster.uri)]
        let stop = Date().addingTimeInterval(14)
        let acknowledged = Acknowledged()
        let group = DispatchGroup()
        let sockets = servers.map(\.socket)
        for writer in 0..<4 {
            DispatchQueue.global().async(group: group) {
                var n = 0
                while Date() < stop {
                    n += 1
                    let out = register("skribent \(writer) nr. \(n)", through: sockets[(writer + n) % 2])
                    if out.status == 0 { acknowledged.add(out.line) }
                }
            }
        }
        var kills = 0
        while Date() < stop.addingTimeInterval(-2) {
            usleep(UInt32.random(in: 300_000...900_000))
            let victim = servers[kills % 2]
            victim.killHard()
            kills += 1
            try victim.start()
        }
        group.wait()
        servers.forEach { $0.stop() }
        let ids = acknowledged.ids
        #expect(kills >= 5)
        #expect(ids.count >= 10, "too few writes were acknowledged to say anything: \(ids.count)")
        let log = try cluster.logLines().joined(separator: "\n")
        let missing = ids.filter { !log.contains($0) }
        #expect(missing.isEmpty, "acknowledged but not in the database: \(missing)")
        let verified = Spawn.run([Spawn.vtc, "verify", "--store", cluster.uri, "--lang", "en"])
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
    }

    @Test func afterFailoverTheServerGoesOnByItselfAndEveryAcknowledgedWriteIsThere() throws {
        let primary = try PostgresCluster.start(port: 5444)
        let standby = try primary.startStandby(port: 5445)
        let both = "postgresql:///vtc?host=\(primary.socketFolder),\(standby.socketFolder)&port=5444,5445"
            + "&target_session_attrs=read-write&connect_timeout=2"
        let server = try server(on: both)
        defer { server.stop() }
        let acknowledged = Acknowledged()
        let stop = DispatchSemaphore(value: 0)
        let group = DispatchGroup()
        let socket = server.socket
        for writer in 0..<2 {
            DispatchQueue.global().async(group: group) {
                var n = 0
                while stop.wait(timeout: .now()) == .timedOut {
                    n += 1
                    let out = register("Skribent \(writer) nr. \(n)", through: socket)
                    if out.status == 0 { acknowledged.add(out.line) }
                }
            }
        }
        let writing = Date().addingTimeInterval(30)
        while acknowledged.ids.count < 5, Date() < writing { usleep(50_000) }
        #expect(acknowledged.ids.count >= 5, "no writes before the failover: \(server.serverLog)")
        try primary.crash()
        usleep(300_000)
        try standby.promote()
        // The same server process writes again once the standby takes writes: nobody restarts it.
        let promoted = acknowledged.ids.count
        let deadline = Date().addingTimeInterval(30)
        while acknowledged.ids.count < promoted + 5, Date() < deadline { usleep(100_000) }
        for _ in 0..<2 { stop.signal() }  // one for each writer
        group.wait()
        #expect(acknowledged.ids.count >= promoted + 5, "the server did not go on writing after the failover: \(server.serverLog)")
        let log = try standby.logLines().joined(separator: "\n")
        let missing = acknowledged.ids.filter { !log.contains($0) }
        #expect(missing.isEmpty, "acknowledged but not on the promoted standby: \(missing)")
        let verified = Spawn.run([Spawn.vtc, "verify", "--store", standby.uri, "--lang", "en"])
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
    }

    @Test func whileTheDatabaseIsAwayWritesAreRefusedClientsAreToldAndTheServerComesBackByItself() throws {
        let cluster = try PostgresCluster.start(port: 5446)
        let server = try server(on: cluster.uri)
        defer { server.stop() }
        #expect(register("Før", through: server).status == 0)
        let client = try #require(Subscriber(server.socket))
        #expect(client.askReadOnlyReason() == nil)

        try cluster.crash()
        // The client is told without anyone writing: its view says why writes are refused.
        #expect(client.waitForReadOnlyReason(within: 10) { $0 != nil })
        let told = client.lastReason ?? ""
        #expect(told.hasPrefix("cannot read \(cluster.uri)") && told.hasSuffix("writes are refused until it answers again"), "\(told)")
        let refused = register("Under", through: server)
        #expect(refused.status != 0)
        #expect(refused.stderr.hasPrefix("vtc: cannot append to \(cluster.uri)"), "\(refused.stderr)")
        #expect(refused.stderr.split(separator: "\n").count == 1, "\(refused.stderr)")

        try cluster.startServer()
        #expect(client.waitForReadOnlyReason(within: 15) { $0 == nil }, "the client was not told the database is back: \(server.serverLog)")
        let after = register("Efter", through: server)
        #expect(after.status == 0, "\(after.stderr)")
        let log = try cluster.logLines().joined(separator: "\n")
        #expect(log.contains(after.line) && !log.contains("\"Under\""))
    }

    /// docs/deploy.md's rights: a service role that may only read and insert (and keeps `TEMPORARY`, which every
    /// role has, for the append procedure it makes in `pg_temp`) appends through a server that runs as it, and still
    /// appends once `TEMPORARY` is revoked.
    @Test func aServerWhoseRoleMayOnlyReadAndInsertAppends() throws {
        guard TestUser.canCreate else { return }
        let cluster = try PostgresCluster.start(port: 5449)
        do {
            // The schema is made by a role that may create tables, as deploy.md says.
            let maker = try server(on: cluster.uri)
            defer { maker.stop() }
            #expect(register("Af ejeren", through: maker).status == 0)
        }
        let service = try TestUser("pgsvc")
        try cluster.sql("""
            CREATE ROLE "\(service.name)" LOGIN;
            REVOKE ALL ON vtc_log, vtc_schema FROM "\(service.name)";
            GRANT SELECT, INSERT ON vtc_log TO "\(service.name)";
            GRANT SELECT ON vtc_schema TO "\(service.name)"
            """)
        let served = try TestServer(units: ["A"], users: [(me, [.staff: ["A"]])], owner: service, store: cluster.uri)
        try served.start()
        defer { served.stop() }
        var written: [String] = []
        /// Registers through the server; every registration acknowledged so far must be in the database.
        func registerAndFind(_ descriptions: [String]) throws {
            for description in descriptions {
                let out = register(description, through: served)
                #expect(out.status == 0, "\(out.stderr) \(served.serverLog)")
                written.append(out.line)
            }
            let log = try cluster.logLines().joined(separator: "\n")
            for id in written { #expect(log.contains(id), "acknowledged \(id) is not in the database") }
        }
        try registerAndFind((1...3).map { "Gennem tjenesten nr. \($0)" })
        // The role may not change a line: the rights are the ones deploy.md gives.
        #expect(try cluster.sql("SELECT has_table_privilege('\(service.name)', 'vtc_log', 'UPDATE')") == "f")

        // Without TEMPORARY (revoked from PUBLIC) the one-round-trip procedure cannot be made: appends still go,
        // through the transaction of three round trips.
        served.stop()
        try cluster.sql("REVOKE TEMPORARY ON DATABASE vtc FROM PUBLIC")
        #expect(try cluster.sql("SELECT has_database_privilege('\(service.name)', 'vtc', 'TEMPORARY')") == "f")
        try served.start()
        try registerAndFind((4...5).map { "Uden midlertidige objekter nr. \($0)" })
    }
}

/// A client subscribed to a server's `changed` messages, speaking the protocol by hand.
final class Subscriber {
    private let client: RawClient
    private var lastCount: Int?

    init?(_ socket: String) {
        guard let client = RawClient(socket) else { return nil }
        self.client = client
        client.send(RawClient.frame(#"{"type":"hello","version":2}"#))
        guard client.readFrame()?["type"] as? String == "welcome" else { return nil }
        client.send(RawClient.frame(#"{"type":"subscribe"}"#))
        guard let count = client.readFrame()?["event_count"] as? Int else { return nil }
        lastCount = count
    }

    /// The event count the server last announced.
    var eventCount: Int? { lastCount }

    /// When the server announced at least `count` events, or nil if it did not within `seconds`.
    func waitForCount(atLeast count: Int, within seconds: Double) -> Date? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let lastCount, lastCount >= count { return Date() }
            guard let frame = client.readFrame() else { return nil }
            if frame["type"] as? String == "changed" { lastCount = frame["event_count"] as? Int }
        }
        return nil
    }

    /// The view's `read_only_reason` when last asked.
    private(set) var lastReason: String?

    /// The view's `read_only_reason`, asked now (`changed` messages meanwhile are taken in passing).
    func askReadOnlyReason() -> String? {
        client.send(RawClient.frame(#"{"type":"view"}"#))
        lastReason = nil
        while let frame = client.readFrame() {
            switch frame["type"] as? String {
            case "changed": lastCount = frame["event_count"] as? Int
            case "view":
                lastReason = frame["read_only_reason"] as? String
                return lastReason
            default: return nil
            }
        }
        return nil
    }

    /// Asks for the view after each `changed` until its `read_only_reason` is as `wanted`;
    /// false if it was not within `seconds`.
    func waitForReadOnlyReason(within seconds: Double, _ wanted: (String?) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        repeat {
            if wanted(askReadOnlyReason()) { return true }
            _ = client.readFrame()
        } while Date() < deadline
        return false
    }
}
