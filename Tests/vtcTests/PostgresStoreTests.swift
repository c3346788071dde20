import Foundation
import Glibc
import Synchronization
import PostgresTestSupport
import Testing
import VTCModel
import VTCStore
import VTCPostgres

/// The log in PostgreSQL: copied both ways byte for byte, verified as a file
/// is, appended to by several processes at once without a fork, and nothing
/// acknowledged lost when writers are killed.
@Suite(.serialized, .enabled(if: PostgresCluster.unavailable == nil, "\(PostgresCluster.unavailable ?? "")"))
struct PostgresStoreTests {
    @Test func storeCopyBothWaysGivesByteIdenticalLogsAndTheSameExport() throws {
        let cluster = try PostgresCluster.start(port: 5433)
        let source = VTCProcess(), back = VTCProcess()
        #expect(try source.run(["demo", "--incidents", "40", "--seed", "5", "--as-of", "2026-03-10T12:00"]).status == 0)
        let copied = try source.run(["store", "copy", "--from", source.folder, "--to", cluster.uri], withData: false)
        #expect(copied.status == 0, "\(copied.stderr)")
        #expect(try source.run(["verify", "--store", cluster.uri], withData: false).status == 0)
        let toFolder = try back.run(["store", "copy", "--from", cluster.uri, "--to", back.folder], withData: false)
        #expect(toFolder.status == 0, "\(toFolder.stderr)")
        #expect(!source.logBytes.isEmpty)
        #expect(back.logBytes == source.logBytes)

        // Every command reads the same log through --store: the export is the same bytes.
        let fromFolder = try source.run(["export", "--format", "jsonl"])
        let fromDatabase = try source.run(["export", "--format", "jsonl", "--store", cluster.uri])
        #expect(fromDatabase.status == 0, "\(fromDatabase.stderr)")
        #expect(fromDatabase.stdout == fromFolder.stdout)

        // A target that holds a log is refused, and left as it was.
        let again = try source.run(["store", "copy", "--from", source.folder, "--to", cluster.uri], withData: false)
        #expect(again.status != 0)
        #expect(again.stderr.contains("not empty"), "\(again.stderr)")
        let intoFull = try source.run(["store", "copy", "--from", cluster.uri, "--to", source.folder], withData: false)
        #expect(intoFull.status != 0)
        #expect(back.logBytes == source.logBytes)
    }

    @Test func verifyNamesTamperingInTheDatabaseExactlyAsInAFile() throws {
        let cluster = try PostgresCluster.start(port: 5434)
        let vtc = VTCProcess()
        #expect(try vtc.run(["demo", "--incidents", "10", "--seed", "3", "--as-of", "2026-03-10T12:00"]).status == 0)
        #expect(try vtc.run(["store", "copy", "--from", vtc.folder, "--to", cluster.uri], withData: false).status == 0)

        // The trigger refuses even the superuser.
        #expect(throws: PostgresCluster.Failure.self) { try cluster.sql("UPDATE vtc_log SET line = line WHERE seq = 3") }
        #expect(throws: PostgresCluster.Failure.self) { try cluster.sql("DELETE FROM vtc_log WHERE seq = 5") }
        #expect(throws: PostgresCluster.Failure.self) { try cluster.sql("TRUNCATE vtc_log") }

        // The same damage, once in the table (trigger disabled by a superuser) and once in the file.
        try cluster.sql("""
            ALTER TABLE vtc_log DISABLE TRIGGER vtc_log_append_only;
            UPDATE vtc_log SET line = convert_to(replace(convert_from(line, 'UTF8'), '"seq":3,', '"seq":3, '), 'UTF8') WHERE seq = 3;
            DELETE FROM vtc_log WHERE seq = 6;
            ALTER TABLE vtc_log ENABLE TRIGGER vtc_log_append_only
            """)
        var lines = String(decoding: vtc.logBytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[2] = lines[2].replacingOccurrences(of: "\"seq\":3,", with: "\"seq\":3, ")
        lines.remove(at: 5)
        try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: vtc.logPath))

        let file = try vtc.run(["verify"])
        let database = try vtc.run(["verify", "--store", cluster.uri], withData: false)
        #expect(file.status == 1)
        #expect(database.status == 1)
        #expect(database.stdout.contains("line 4: hash mismatch"), "\(database.stdout)")
        #expect(database.stdout.contains("line 6: sequence: seq 7 skips ahead (expected 6)"), "\(database.stdout)")
        #expect(database.stdout == file.stdout)
        #expect(database.stderr == file.stderr)
    }

    @Test func twoWritersAppendingAtOnceMakeOneUnbrokenChainAndHearEachOther() async throws {
        let cluster = try PostgresCluster.start(port: 5435)
        let vtc = VTCProcess()
        try vtc.writeRoster(units: ["Bostedet Åen"])
        _ = try vtc.register(["--kind", "threat", "--severity", "2", "--description", "Første.", "--store", cluster.uri])

        // A reader in this process learns of another process's append through LISTEN/NOTIFY.
        let watcher = try PostgresLog.open(uri: cluster.uri)
        _ = try watcher.readNew()
        let heard = Notices()
        let watch = watcher.watchAppends { heard.add() }
        defer { watch.stop() }
        // Once listening (it says so once, then catches up), another process's append is heard within 1 s.
        #expect(await heard.more(than: 0, within: 30))
        let before = heard.count
        _ = try vtc.register(["--kind", "threat", "--severity", "2", "--description", "Anden.", "--store", cluster.uri])
        #expect(await heard.more(than: before, within: 1))

        let perWriter = 12
        let ids = Lockedids()
        let (folder, uri) = (vtc.folder, cluster.uri)
        DispatchQueue.concurrentPerform(iterations: 2) { writer in
            let process = VTCProcess(folder: folder)
            for n in 0..<perWriter {
                if let id = try? process.register(["--kind", "threat", "--severity", "2",
                                                   "--description", "Skriver \(writer) nr. \(n).", "--store", uri]) {
                    ids.add(id)
                }
            }
        }
        #expect(ids.all.count == 2 * perWriter)
        let fresh = try watcher.readNew()
        #expect(fresh.count == 1 + 2 * perWriter)
        #expect(watcher.damage == nil)

        let verified = try vtc.run(["verify", "--store", cluster.uri], withData: false)
        #expect(verified.status == 0, "\(verified.stdout)")
        #expect(verified.stdout.contains("intact: \(3 + 2 * perWriter) lines, \(2 + 2 * perWriter) events"), "\(verified.stdout)")
        let exported = try vtc.run(["export", "--format", "jsonl", "--store", cluster.uri]).stdout
        for id in ids.all { #expect(exported.contains(id)) }
    }

    @Test func killedWritersLoseNothingAcknowledged() throws {
        let cluster = try PostgresCluster.start(port: 5436)
        let vtc = VTCProcess()
        try vtc.writeRoster(units: ["Bostedet Åen"])
        var acknowledged: [String] = []
        var killed = 0
        for round in 0..<30 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: VTCProcess.executable)
            process.arguments = ["register", "--kind", "threat", "--severity", "2", "--description", "Runde \(round).",
                                 "--store", cluster.uri, "--data", vtc.folder, "--lang", "en"]
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Killed at a different moment each round: before connecting, mid-transaction, after COMMIT.
            usleep(useconds_t(round % 10) * 20_000)
            if round % 3 != 2 { kill(process.processIdentifier, SIGKILL) }
            let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal { killed += 1 }
            if process.terminationReason == .exit, process.terminationStatus == 0 {
                acknowledged.append(printed.trimmingCharacters(in: .whitespacesAndNewlines))
            }
        }
        #expect(killed > 0)
        #expect(!acknowledged.isEmpty)
        let verified = try vtc.run(["verify", "--store", cluster.uri], withData: false)
        #expect(verified.status == 0, "\(verified.stdout)")
        let exported = try vtc.run(["export", "--format", "jsonl", "--store", cluster.uri]).stdout
        for id in acknowledged { #expect(exported.contains(id), "acknowledged \(id) is missing") }
    }

    @Test func afterFailoverToTheSynchronousStandbyWritersGoOnAndEveryAcknowledgedWriteIsThere() throws {
        let primary = try PostgresCluster.start(port: 5437)
        let standby = try primary.startStandby(port: 5438)
        let vtc = VTCProcess()
        try vtc.writeRoster(units: ["Bostedet Åen"])
        let both = "postgresql:///vtc?host=\(primary.socketFolder),\(standby.socketFolder)&port=5437,5438"
            + "&target_session_attrs=read-write&connect_timeout=2"
        func write(_ label: String) -> String? {
            try? vtc.register(["--kind", "threat", "--severity", "2", "--description", label, "--store", both])
        }
        var acknowledged: [String] = []
        for n in 0..<5 { if let id = write("Før \(n).") { acknowledged.append(id) } }
        #expect(acknowledged.count == 5)

        // A writer keeps writing while the primary dies and the standby is promoted.
        let during = Lockedids()
        let stop = DispatchSemaphore(value: 0)
        let writerDone = DispatchSemaphore(value: 0)
        let folder = vtc.folder
        DispatchQueue.global().async {
            let writer = VTCProcess(folder: folder)
            var n = 0
            while stop.wait(timeout: .now()) == .timedOut {
                if let id = try? writer.register(["--kind", "threat", "--severity", "2", "--description", "Under \(n).",
                                                  "--store", both]) {
                    during.add(id)
                }
                n += 1
            }
            writerDone.signal()
        }
        usleep(300_000)
        try primary.crash()
        try standby.promote()
        var after: [String] = []
        for n in 0..<5 {
            // The first tries may still meet the standby before it takes writes: not acknowledged, tried again.
            for _ in 0..<20 {
                if let id = write("Efter \(n).") { after.append(id); break }
                usleep(200_000)
            }
        }
        stop.signal()
        writerDone.wait()
        #expect(after.count == 5)

        let verified = try vtc.run(["verify", "--store", standby.uri], withData: false)
        #expect(verified.status == 0, "\(verified.stdout)")
        let exported = try vtc.run(["export", "--format", "jsonl", "--store", standby.uri]).stdout
        for id in acknowledged + during.all + after { #expect(exported.contains(id), "acknowledged \(id) is missing") }
    }

    /// Two servers on one database: the second writes on a state the first has since changed. Its append is
    /// not chained after a line it never tried its events on: it reads that line, tries again, and is refused.
    @Test func aWriteOnAStateAnotherWriterChangedIsTriedAgainOnTheChangeAndRefusedIfItNoLongerHolds() throws {
        let cluster = try PostgresCluster.start(port: 5447)
        let vtc = VTCProcess()
        let id = try vtc.register(["--kind", "threat", "--severity", "2", "--description", "Truede i gangen.",
                                   "--store", cluster.uri])
        let incident = try #require(UUID(uuidString: id))
        func open() throws -> Workspace {
            try Workspace.open(DataFolder(path: vtc.folder), store: try PostgresLog.open(uri: cluster.uri),
                               user: PostgresCluster.currentUser)
        }
        let (mine, theirs) = (try open(), try open())
        try theirs.append([.withdrawn(incident: incident, reason: "registreret to gange")])
        let lines = try cluster.sql("SELECT count(*) FROM vtc_log")
        #expect(throws: WorkspaceError.self) { try mine.append([.noteAdded(incident: incident, text: "Talt med lederen")]) }
        #expect(try cluster.sql("SELECT count(*) FROM vtc_log") == lines)
        #expect(mine.state.incidents[incident]?.withdrawal != nil)
        #expect(try open().state.problems.isEmpty)
    }

    @Test func openingResumesAfterTheStoreCheckpointOnlyWhenTheDatabaseHoldsItsLine() throws {
        let cluster = try PostgresCluster.start(port: 5439)
        let vtc = VTCProcess()
        #expect(try vtc.run(["demo", "--incidents", "30", "--seed", "4", "--as-of", "2026-03-10T12:00"]).status == 0)
        #expect(try vtc.run(["store", "copy", "--from", vtc.folder, "--to", cluster.uri], withData: false).status == 0)
        let folder = DataFolder(path: vtc.folder)
        func open() throws -> Workspace {
            try Workspace.open(folder, store: try PostgresLog.open(uri: cluster.uri), user: PostgresCluster.currentUser,
                               checkpointInterval: 10)
        }

        let replayed = try open()
        guard case .replay(let events) = replayed.start else { Issue.record("\(replayed.start)"); return }
        #expect(FileManager.default.fileExists(atPath: folder.storeCheckpointPath))
        let resumed = try open()
        #expect(resumed.start == .checkpoint(seq: Int64(events) + 1, replayed: 0))
        #expect(resumed.state.incidents.values == replayed.state.incidents.values)
        #expect(resumed.head == replayed.head)

        // Lines appended since the checkpoint are read on top of it; history is read from the database by seq.
        let unit = try #require(replayed.roster.units.first)
        _ = try vtc.register(["--unit", unit, "--kind", "threat", "--severity", "2", "--description", "Efter checkpoint.",
                              "--store", cluster.uri])
        let after = try open()
        #expect(after.start == .checkpoint(seq: Int64(events) + 1, replayed: 1))
        let newest = try #require(after.state.incidents.values.last)
        #expect(after.history.events(of: newest)?.map(\.payload.type) == [.registered])
        #expect(after.damage == nil)

        // The line the checkpoint names, changed in the database: the checkpoint is not used, and the change is found.
        let named = events + 1
        try cluster.sql("""
            ALTER TABLE vtc_log DISABLE TRIGGER vtc_log_append_only;
            UPDATE vtc_log SET line = convert_to(replace(convert_from(line, 'UTF8'), '"seq":\(named),', '"seq":\(named), '), 'UTF8')
                WHERE seq = \(named);
            ALTER TABLE vtc_log ENABLE TRIGGER vtc_log_append_only
            """)
        let tampered = try open()
        #expect(tampered.start == .replay(events: events))
        #expect(tampered.damage?.line == named + 1)
    }

    /// An append is acknowledged only once its commit is durable: a constraint that fails only at COMMIT
    /// (deferred) must make the append fail and leave nothing in the table, both for an append right after
    /// the last line read (one round trip) and for one that reads the last line under the lock (the first).
    @Test func anAppendWhoseCommitFailsIsNotAcknowledged() throws {
        let cluster = try PostgresCluster.start(port: 5448)
        let log = try PostgresLog.open(uri: cluster.uri)
        let at = Timestamp(rfc3339: "2026-03-10T12:00:00+01:00")!
        func note(_ text: String) -> Event {
            Event(at: at, actor: PostgresCluster.currentUser, payload: .noteAdded(incident: UUID(), text: text))
        }
        /// A commit that wrote line `seq` fails (nil: none does).
        func failCommitsWriting(seq: Int?) throws {
            try cluster.sql("DROP TRIGGER IF EXISTS fail_at_commit ON vtc_log")
            guard let seq else { return }
            try cluster.sql("""
                CREATE OR REPLACE FUNCTION fail_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN RAISE EXCEPTION 'refused at commit'; END $$;
                CREATE CONSTRAINT TRIGGER fail_at_commit AFTER INSERT ON vtc_log DEFERRABLE INITIALLY DEFERRED
                    FOR EACH ROW WHEN (NEW.seq = \(seq)) EXECUTE FUNCTION fail_at_commit()
                """)
        }

        // The first append (header and event) goes under the lock, in BEGIN … COMMIT.
        try failCommitsWriting(seq: 2)
        #expect(throws: LogError.self) { try log.append(contentsOf: [note("første")], after: nil) }
        #expect(try cluster.sql("SELECT count(*) FROM vtc_log") == "0")
        try failCommitsWriting(seq: nil)
        let first = try #require(try log.append(contentsOf: [note("første")], after: nil))
        #expect(first.map(\.seq) == [2])
        #expect(try log.readNew().map(\.seq) == [2])

        // Right after the last line read: one CALL, whose procedure commits before it answers.
        try failCommitsWriting(seq: 3)
        #expect(throws: LogError.self) { try log.append(contentsOf: [note("anden")], after: 2) }
        #expect(try cluster.sql("SELECT max(seq) FROM vtc_log") == "2")
        try failCommitsWriting(seq: nil)
        let second = try #require(try log.append(contentsOf: [note("anden")], after: 2))
        #expect(second.map(\.seq) == [3])
        #expect(try cluster.sql("SELECT max(seq) FROM vtc_log") == "3")
        #expect(try log.readNew().map(\.seq) == [3])
        #expect(log.damage == nil)
    }

    @Test func aPasswordInTheURIIsRefusedBeforeConnecting() throws {
        let vtc = VTCProcess()
        let result = try vtc.run(["verify", "--store", "postgresql://vtc:secret@/vtc?host=/nowhere"], withData: false)
        #expect(result.status == 6)
        #expect(result.stderr.contains("a password in the URI is refused"))
        #expect(!result.stderr.contains("secret"))
    }
}

/// The watch's notices, counted. Waited for by sleeping, not by blocking a thread: the watch runs on the same
/// cooperative threads as the tests, and a test that blocked one while another test blocked the other would keep
/// the notice from being delivered at all.
private final class Notices: Sendable {
    private let counted = Mutex(0)
    func add() { counted.withLock { $0 += 1 } }
    var count: Int { counted.withLock { $0 } }

    func more(than seen: Int, within seconds: Double) async -> Bool {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while count <= seen, ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(5)) }
        return count > seen
    }
}

private final class Lockedids: @unchecked Sendable {
    private let lock = NSLock()
    private var ids: [String] = []
    func add(_ id: String) { lock.withLock { ids.append(id) } }
    var all: [String] { lock.withLock { ids } }
}
