import Foundation
import Glibc
import PostgresTestSupport
import Testing
import VTCClient
import VTCModel
import VTCStore

/// The command line prints the same, and exits the same, whether it opens
/// the folder itself or asks the server: every command runs its own code
/// over the view the server sends.
@Suite(.serialized) final class SameOutputTests {
    let scenario: SameOutputScenario

    init() throws { scenario = try SameOutputScenario() }

    deinit { scenario.server.stop() }

    @Test(arguments: SameOutputScenario.commands)
    func sameOutputAndExitCode(_ arguments: [String]) {
        #expect(scenario.difference(arguments) == nil)
    }

    @Test("the server sends only the part of the view a scope names: an id prefix's incident, a query's incidents, nothing")
    func aScopedViewHoldsOnlyItsPart() throws {
        let (server, ids) = (scenario.server, scenario.ids)
        func part(_ scope: ViewScope) throws -> VTCState {
            try ServerWorkspace(socketPath: server.socket, ownFolder: .success(DataFolder(path: server.root + "/own")), scope: scope).state
        }
        let whole = try part(.everything)
        #expect(whole.incidents.count == ids.count && whole.actions.count == 1)
        let one = try part(.incidents(idPrefix: String(ids[2].prefix(8)).uppercased()))
        #expect(one.incidents.values.map(\.id.lowercasedString) == [ids[2]])
        #expect(one.incidents.values == [whole.incidents[one.incidents.values[0].id]!])
        #expect(one.actions.isEmpty)
        let skoven = try part(.query(IncidentQuery(units: ["Skoven"]), at: whole.incidents.values[0].registeredAt))
        #expect(skoven.incidents.values.map(\.facts.unit) == ["Skoven"])
        let nothing = try part(.nothing)
        #expect(nothing.incidents.isEmpty && nothing.actions.isEmpty && nothing.policy == whole.policy)
    }

    @Test("the week's document the server makes is embedded mode's, byte for byte, in either language")
    func theWeeksDocumentIsTheSameBytes() throws {
        let server = scenario.server
        let remote = try ServerWorkspace(socketPath: server.socket, ownFolder: .success(DataFolder(path: server.root + "/own")),
                                         scope: .nothing)
        let local = try Workspace.open(DataFolder(path: server.data))
        let at = try #require(Timestamp(rfc3339: SameOutputScenario.asOf + ":00+01:00"))
        let week = ISOWeek(containing: at, in: local.policy.zone)
        for language in Language.allCases {
            for units in [["Bostedet ved Åen"], ["Bostedet ved Åen", "Skoven"]] {
                let embedded = try #require(local.weekDocument(week, units: units, at: at, language: language))
                #expect(try remote.weekDocument(week, units: units, at: at, language: language) == embedded, "\(language) \(units)")
                // Not empty alike: the document names the units' overdue follow-up and ends with the log's head.
                let (text, head) = (String(decoding: embedded, as: UTF8.self), try #require(local.head).short)
                #expect(text.contains("| Bostedet ved Åen |") && text.hasSuffix("`\(head)`\n"), "\(text)")
            }
        }
    }

    @Test func showAndRefusedWritesAreTheSame() {
        for arguments in scenario.showCommands { #expect(scenario.difference(arguments) == nil) }
        #expect(scenario.refusedAgainIsTheSame())
    }
}

/// The same again with the log in PostgreSQL: the server and the embedded
/// command both read it from the database. One server for every command,
/// since each starts a cluster of its own.
@Suite(.serialized, .enabled(if: PostgresCluster.unavailable == nil, "\(PostgresCluster.unavailable ?? "")"))
struct SameOutputOnPostgresTests {
    @Test func everyCommandGivesTheSameOutputWithTheLogInPostgreSQL() throws {
        let cluster = try PostgresCluster.start(port: 5441)
        let scenario = try SameOutputScenario(store: cluster.uri)
        defer { scenario.server.stop() }
        for arguments in SameOutputScenario.commands + scenario.showCommands {
            #expect(scenario.difference(arguments) == nil)
        }
        #expect(scenario.refusedAgainIsTheSame())
        #expect(!FileManager.default.fileExists(atPath: scenario.server.logPath), "the log went to the folder, not the database")
        #expect(try cluster.sql("SELECT count(*) FROM vtc_log") == "8", "a header and seven events")
    }
}

/// A server with two units, four episodes, an acknowledgement, a follow-up
/// and an action, and the commands whose output must not depend on whether
/// they ask it or open the data themselves.
final class SameOutputScenario {
    let server: TestServer
    private(set) var ids: [String] = []
    let me = String(cString: getpwuid(geteuid())!.pointee.pw_name)

    /// `store`: the log in this database instead of the data folder.
    init(store: String? = nil) throws {
        server = try TestServer(units: ["Bostedet ved Åen", "Skoven"], users: [
            (me, [.staff: ["Bostedet ved Åen"], .leader: ["Bostedet ved Åen"], .amg: ["Bostedet ved Åen"], .coordinator: ["Bostedet ved Åen", "Skoven"]]),
            ("kollega", [.staff: ["Skoven"]]),
        ], shortNames: ["Bostedet ved Åen": "Åen"], store: store)
        try server.start()
        for (unit, severity, ref) in [("Bostedet ved Åen", "4", "B-1"), ("Bostedet ved Åen", "2", "B-1"), ("Skoven", "3", "C-7"), ("Bostedet ved Åen", "1", "B-1")] {
            let out = server.vtc(["register", "--unit", unit, "--kind", "physical_violence", "--severity", severity,
                                  "--citizen-ref", ref, "--description", "Episode med \(ref), grad \(severity)"])
            try #require(out.status == 0, "\(out.stderr)")
            ids.append(out.line)
        }
        #expect(server.vtc(["ack", String(ids[0].prefix(8)), "--note", "Set"]).status == 0)
        #expect(server.vtc(["followup", String(ids[0].prefix(8)), "debriefing", "--done"]).status == 0)
        #expect(server.vtc(["action", "open", "--unit", "Bostedet ved Åen", "--title", "LA2-plan", "--owner", me, "--due", "2030-01-01"]).status == 0)
    }

    static let asOf = "2030-01-07T12:00"

    /// Reports at a fixed time, so that the two runs cannot fall on either side of a second.
    static let commands: [[String]] = [
        ["list", "--as-of", asOf], ["list", "--format", "json", "--as-of", asOf], ["list", "--unacknowledged", "--as-of", asOf],
        ["list", "--overdue", "--sort", "urgent", "--as-of", asOf],
        // Through the server, a list table asks for its rows (`list_rows`), CSV and JSON for the query's incidents only (a view of scope "query").
        ["list", "--unit", "Skoven", "--format", "csv", "--as-of", asOf],
        ["list", "--search", "b-1 grad", "--severity", "2-4", "--as-of", asOf],
        ["list", "--kind", "physical_violence,threat", "--open", "--since", "2020-01-01", "--until", "2030-01-07", "--as-of", asOf],
        ["list", "--search", "nothing like this", "--as-of", asOf],
        ["list", "--unit", "Nowhere"], ["list", "--sort", "oldest"], ["list", "--severity", "7"],
        ["week", "--unit", "Bostedet ved Åen", "--as-of", asOf], ["week", "--unit", "Bostedet ved Åen", "--format", "json", "--as-of", asOf],
        // Through the server, Markdown is the document the server makes (`week_document`), as the week screen's export.
        ["week", "--unit", "Bostedet ved Åen", "--format", "markdown", "--as-of", asOf], ["week", "--format", "markdown", "--as-of", asOf],
        ["week", "--unit", "Nowhere", "--format", "markdown"],
        ["stats", "--by", "severity", "--period", "half", "--as-of", asOf],
        ["stats", "--by", "unit", "--format", "json", "--as-of", asOf],
        ["export", "--format", "csv"], ["export", "--format", "jsonl"], ["action", "list"], ["supervision", "list"],
        ["roster"], ["show", "zzzzzzzz"], ["show", "ab"], ["week", "--unit", "Nowhere"],
        ["register", "--unit", "Bostedet ved Åen", "--kind", "threat", "--severity", "9", "--description", "x"],
        ["ack", "zzzzzzzz"],
    ]

    /// Through the server, show asks for the incidents its id prefix names only (a view of scope "incidents").
    var showCommands: [[String]] {
        ids.flatMap { id in
            [String(id.prefix(8)), id.uppercased(), String(id.prefix(6)), String(id.prefix(5))].map { ["show", $0, "--as-of", Self.asOf] }
        }
    }

    /// The command run on the data itself (the folder, and the database when the server uses one).
    func embedded(_ arguments: [String]) -> Spawn.Output {
        Spawn.run([Spawn.vtc] + arguments + ["--data", server.data, "--lang", "en"] + (server.store.map { ["--store", $0] } ?? []))
    }

    /// What differs between the two runs of a command, or nil.
    func difference(_ arguments: [String]) -> String? {
        let (local, remote) = (embedded(arguments), server.vtc(arguments))
        if remote.status != local.status { return "\(arguments): exit \(remote.status) vs \(local.status): \(remote.stderr) vs \(local.stderr)" }
        if remote.stdout != local.stdout { return "\(arguments): stdout\n\(remote.stdout)\nvs\n\(local.stdout)" }
        if remote.stderr != local.stderr { return "\(arguments): stderr \(remote.stderr) vs \(local.stderr)" }
        return nil
    }

    /// Acknowledged already: refused the same way by both.
    func refusedAgainIsTheSame() -> Bool {
        let again = ["ack", String(ids[0].prefix(8))]
        let remote = server.vtc(again)
        return remote.status != 0 && remote.stderr == embedded(again).stderr
    }
}
