import Foundation
import Glibc
import Testing
import VTCCodec

/// `vtc serve` refuses, with one line, what would expose or break a shared
/// folder; SIGHUP re-reads the roster (keeping the old one when the new one
/// is bad) and SIGTERM ends it with status 0.
@Suite(.serialized) struct StartAndSignalTests {
    static var me: String { String(cString: getpwuid(geteuid())!.pointee.pw_name) }

    private func refusal(_ server: TestServer) -> Spawn.Output {
        Spawn.run([Spawn.vtc, "serve", "--data", server.data, "--socket", server.socket])
    }

    private func expectOneLineRefusal(_ out: Spawn.Output, mentioning words: [String]) {
        #expect(out.status == 6, "\(out.stderr)")
        #expect(out.stderr.split(separator: "\n").count == 1, "\(out.stderr)")
        for word in words { #expect(out.stderr.contains(word), "\(out.stderr) lacks \(word)") }
    }

    @Test func refusesAFolderThatItsGroupMayWriteOrOthersMayRead() throws {
        let server = try TestServer(units: ["A"], users: [(Self.me, [.staff: ["A"]])])
        chmod(server.data, 0o770)
        expectOneLineRefusal(refusal(server), mentioning: ["the folder", server.data, "770"])
        chmod(server.data, 0o750)
        chmod(server.data + "/roster.json", 0o644)
        expectOneLineRefusal(refusal(server), mentioning: ["roster.json", "644"])
        chmod(server.data + "/roster.json", 0o640)
        // Group read, for a backup group, is fine.
        try server.start()
        #expect(server.stop() == 0)
    }

    @Test func refusesASymbolicLinkOrAFileOfAnotherUserInTheFolder() throws {
        let server = try TestServer(units: ["A"], users: [(Self.me, [.staff: ["A"]])])
        symlink("/etc/passwd", server.data + "/events.jsonl")
        expectOneLineRefusal(refusal(server), mentioning: ["events.jsonl", "symbolic link"])
        unlink(server.data + "/events.jsonl")
        if geteuid() == 0 {
            _ = FileManager.default.createFile(atPath: server.data + "/policy.json", contents: Data("{}".utf8))
            chmod(server.data + "/policy.json", 0o640)
            chown(server.data + "/policy.json", 65534, 65534)
            expectOneLineRefusal(refusal(server), mentioning: ["policy.json", "uid 65534"])
        }
    }

    @Test func refusesAFolderWithoutARoster() throws {
        let server = try TestServer(units: ["A"], users: [(Self.me, [.staff: ["A"]])])
        unlink(server.data + "/roster.json")
        expectOneLineRefusal(refusal(server), mentioning: ["roster.json"])
    }

    @Test func refusesASocketALiveServerHoldsAndReplacesAStaleOne() throws {
        let server = try TestServer(units: ["A"], users: [(Self.me, [.staff: ["A"]])])
        try server.start()
        expectOneLineRefusal(refusal(server), mentioning: [server.socket, "running"])
        server.killHard()
        #expect(FileManager.default.fileExists(atPath: server.socket), "a killed server leaves its socket")
        try server.start()
        #expect(server.vtc(["list"]).status == 0)
        #expect(server.stop() == 0)
    }

    @Test func sighupReadsTheRosterAgainAndKeepsTheOldOneWhenTheNewOneIsBad() throws {
        let server = try TestServer(units: ["A"], users: [("someone-else", [.staff: ["A"]])])
        try server.start()
        #expect(server.vtc(["list"]).status == 4, "not in the roster yet")
        let roster = #"{"units": ["A"], "users": [{"user": "\#(Self.me)", "roles": {"leader": ["A"]}}]}"#
        try server.writeDataFile("roster.json", Array(roster.utf8))
        server.signal(SIGHUP)
        #expect(waitUntil { server.serverLog.contains("reloaded") })
        #expect(server.vtc(["list"]).status == 0, "in the roster after SIGHUP")
        try server.writeDataFile("roster.json", Array(#"{"units": ["A"], "users": [{"user": 7}]}"#.utf8))
        server.signal(SIGHUP)
        #expect(waitUntil { server.serverLog.contains("reload refused") })
        #expect(server.serverLog.contains("roster.json"))
        #expect(server.vtc(["list"]).status == 0, "the old roster stays in force")
        #expect(server.stop() == 0)
    }

    @Test func sigtermAnswersTheWritesInFlightAndExitsZero() throws {
        let server = try TestServer(units: ["A"], users: [(Self.me, [.staff: ["A"]])])
        try server.start()
        let writers = (0..<6).map { i in
            Spawn.start([Spawn.vtc, "register", "--server", server.socket, "--unit", "A", "--kind", "threat", "--severity", "1",
                         "--description", "skrevet \(i)"], stdout: server.root + "/w\(i).out", stderr: server.root + "/w\(i).err")
        }
        usleep(150_000)
        #expect(server.stop() == 0)
        let acknowledged = writers.enumerated().compactMap { i, pid -> String? in
            guard Spawn.wait(pid) == 0 else { return nil }
            return String(decoding: FileManager.default.contents(atPath: server.root + "/w\(i).out")!, as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
        for id in acknowledged { #expect(server.log.contains(id), "acknowledged \(id) is not in the log") }
        #expect(server.serverLog.contains("stopped"))
    }

    private func waitUntil(seconds: Double = 10, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            usleep(20_000)
        }
        return false
    }
}
