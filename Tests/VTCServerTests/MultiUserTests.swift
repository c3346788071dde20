import Foundation
import Glibc
import Testing

/// The server with real operating-system users: a service account owns the
/// folder and runs `vtc serve`; staff, leaders and a stranger run `vtc` as
/// themselves. Needs root to make the users (CI runs as root).
@Suite(.serialized, .enabled(if: TestUser.canCreate, "skipped: making operating-system users needs root and useradd"))
final class MultiUserTests {
    let service: TestUser, anna: TestUser, bo: TestUser, lea: TestUser, lis: TestUser, stranger: TestUser
    let server: TestServer

    init() throws {
        (service, anna, bo, lea, lis, stranger) = (try TestUser("svc"), try TestUser("anna"), try TestUser("bo"),
                                                    try TestUser("lea"), try TestUser("lis"), try TestUser("x"))
        server = try TestServer(units: ["Åen", "Skoven"], users: [
            (anna.name, [.staff: ["Åen"]]),
            (bo.name, [.staff: ["Åen"]]),
            (lea.name, [.staff: ["Åen"], .leader: ["Åen"]]),
            (lis.name, [.staff: ["Skoven"], .leader: ["Skoven"], .amg: ["Skoven"]]),
            ("root", [.admin: ["Åen", "Skoven"]]),
        ], owner: service)
        try server.start()
    }

    private func register(as user: TestUser, unit: String, description: String) throws -> String {
        let out = server.vtc(["register", "--unit", unit, "--kind", "threat", "--severity", "3", "--citizen-ref", "B-014",
                              "--description", description], as: user)
        try #require(out.status == 0, "register as \(user.name): \(out.stderr)")
        return out.line
    }

    @Test func staffSeeOnlyTheirOwnRegistrations() throws {
        let annas = try register(as: anna, unit: "Åen", description: "Annas episode")
        let list = server.vtc(["list", "--format", "json"], as: bo)
        #expect(list.status == 0, "\(list.stderr)")
        #expect(!list.stdout.contains(String(annas.prefix(8))) && !list.stdout.contains("Annas episode"))
        let show = server.vtc(["show", String(annas.prefix(8))], as: bo)
        #expect(show.status == 3, "bo may not find Anna's registration: \(show.stdout)")
        let export = server.vtc(["export", "--format", "jsonl"], as: bo)
        #expect(export.status == 0 && !export.stdout.contains("Annas episode"))
        // Anna herself sees it, with its follow-up.
        let own = server.vtc(["show", String(annas.prefix(8))], as: anna)
        #expect(own.status == 0 && own.stdout.contains("Annas episode"), "\(own.stderr)")
    }

    @Test func aLeaderOfAnotherUnitSeesNothingOfIt() throws {
        _ = try register(as: anna, unit: "Åen", description: "Episode på Åen")
        _ = try register(as: lis, unit: "Skoven", description: "Episode i Skoven")
        let list = server.vtc(["list", "--format", "json"], as: lis)
        #expect(list.status == 0)
        #expect(list.stdout.contains("Skoven") && !list.stdout.contains("Åen"), "\(list.stdout)")
        let week = server.vtc(["week", "--unit", "Åen"], as: lis)
        #expect(week.status == 4, "the week of another unit must be refused: \(week.stdout)")
        let stats = server.vtc(["stats", "--by", "unit", "--format", "json"], as: lis)
        #expect(!stats.stdout.contains("Åen"), "\(stats.stdout)")
        let export = server.vtc(["export", "--format", "jsonl"], as: lis)
        #expect(export.status == 0 && export.stdout.contains("Episode i Skoven") && !export.stdout.contains("Episode på Åen"))
    }

    @Test func staffCannotReadOrListTheDataFolder() throws {
        _ = try register(as: anna, unit: "Åen", description: "Hemmeligt")
        #expect(Spawn.run(["/bin/cat", server.logPath], as: anna).status != 0)
        #expect(Spawn.run(["/bin/ls", server.data], as: anna).status != 0)
        let embedded = Spawn.run([Spawn.vtc, "list", "--data", server.data, "--lang", "en"], as: anna)
        #expect(embedded.status != 0 && !embedded.stdout.contains("Hemmeligt"))
        #expect(embedded.stderr.contains("vtc serve") && embedded.stderr.contains("docs/deploy.md"), "\(embedded.stderr)")
    }

    @Test func anAcknowledgementByTheLeaderHasTheLeaderAsActor() throws {
        let id = try register(as: anna, unit: "Åen", description: "Til kvittering")
        let ack = server.vtc(["ack", String(id.prefix(8)), "--note", "Talt med Anna"], as: lea)
        #expect(ack.status == 0, "\(ack.stderr)")
        let acknowledgement = try #require(server.events.first { $0["type"] as? String == "acknowledged" })
        #expect(acknowledgement["actor"] as? String == lea.name)
        let registration = try #require(server.events.first { $0["type"] as? String == "registered" })
        #expect(registration["actor"] as? String == anna.name)
    }

    @Test func aUserAbsentFromTheRosterIsRefusedNamingTheAdminRole() {
        let out = server.vtc(["list"], as: stranger)
        #expect(out.status == 4, "\(out.stdout)")
        #expect(out.stderr.contains(stranger.name) && out.stderr.contains("admin"), "\(out.stderr)")
        #expect(out.stderr.split(separator: "\n").count == 1)
        #expect(server.serverLog.contains("refused \(stranger.name)"))
    }

    @Test func aClientCannotPassAsSomeoneElseByAnythingItSends() throws {
        let id = try register(as: anna, unit: "Åen", description: "Forsøg")
        // The environment names the leader: the server goes by the socket.
        let viaEnvironment = Spawn.run([Spawn.vtc, "ack", String(id.prefix(8)), "--server", server.socket, "--lang", "en"],
                                       as: anna, environment: ["USER": lea.name, "LOGNAME": lea.name])
        #expect(viaEnvironment.status == 4, "anna is no leader whatever her environment says: \(viaEnvironment.stderr)")
        // A hand-made client sends events that name the leader as actor, and a user field.
        let script = """
        import json, socket, struct, sys
        def frame(header):
            body = json.dumps(header).encode()
            return struct.pack(">II", 4 + len(body), len(body)) + body
        def read(s):
            def exactly(n):
                data = b""
                while len(data) < n:
                    chunk = s.recv(n - len(data))
                    if not chunk: sys.exit("closed")
                    data += chunk
                return data
            (length,) = struct.unpack(">I", exactly(4)); body = exactly(length)
            (n,) = struct.unpack(">I", body[:4]); return json.loads(body[4:4 + n])
        s = socket.socket(socket.AF_UNIX); s.connect(sys.argv[1])
        s.sendall(frame({"type": "hello", "version": 2, "user": sys.argv[2]})); print(json.dumps(read(s)))
        event = {"format": 1, "id": "00000000-0000-4000-8000-000000000001", "at": "2025-01-01T00:00:00+01:00",
                 "actor": sys.argv[2], "type": "acknowledged", "data": {"incident": sys.argv[3], "note": None}}
        s.sendall(frame({"type": "append", "user": sys.argv[2], "payloads": [event]})); print(json.dumps(read(s)))
        """
        let out = Spawn.run(["/usr/bin/python3", "-c", script, server.socket, lea.name, id], as: anna)
        let replies = out.stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        try #require(replies.count == 2, "\(out.stdout) \(out.stderr)")
        #expect(replies[0]["user"] as? String == anna.name, "the server says who the socket is")
        #expect(replies[1]["type"] as? String == "failure" && replies[1]["error"] as? String == "refused")
        #expect(!server.log.contains("\"acknowledged\""), "no acknowledgement was written")
        #expect(!server.log.contains("\"actor\":\"\(lea.name)\""))
    }
}
