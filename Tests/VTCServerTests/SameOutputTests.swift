import Foundation
import Glibc
import Testing
import VTCClient
import VTCModel
import VTCStore

/// The command line prints the same, and exits the same, whether it opens
/// the folder itself or asks the server: every command runs its own code
/// over the view the server sends.
@Suite(.serialized) final class SameOutputTests {
    let server: TestServer
    var ids: [String] = []
    let me = String(cString: getpwuid(geteuid())!.pointee.pw_name)

    init() throws {
        server = try TestServer(units: ["Bostedet ved Åen", "Skoven"], users: [
            (me, [.staff: ["Bostedet ved Åen"], .leader: ["Bostedet ved Åen"], .amg: ["Bostedet ved Åen"], .coordinator: ["Bostedet ved Åen", "Skoven"]]),
            ("kollega", [.staff: ["Skoven"]]),
        ], shortNames: ["Bostedet ved Åen": "Åen"])
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

    deinit { server.stop() }

    static let asOf = "2030-01-07T12:00"

    private func embedded(_ arguments: [String]) -> Spawn.Output {
        Spawn.run([Spawn.vtc] + arguments + ["--data", server.data, "--lang", "en"])
    }

    /// Reports at a fixed time, so that the two runs cannot fall on either side of a second.
    @Test(arguments: [
        ["list", "--as-of", SameOutputTests.asOf], ["list", "--format", "json", "--as-of", SameOutputTests.asOf], ["list", "--unacknowledged", "--as-of", SameOutputTests.asOf],
        ["list", "--overdue", "--sort", "urgent", "--as-of", SameOutputTests.asOf],
        // Through the server, list asks for the query's incidents only (a view of scope "query").
        ["list", "--unit", "Skoven", "--format", "csv", "--as-of", SameOutputTests.asOf],
        ["list", "--search", "b-1 grad", "--severity", "2-4", "--as-of", SameOutputTests.asOf],
        ["list", "--kind", "physical_violence,threat", "--open", "--since", "2020-01-01", "--until", "2030-01-07", "--as-of", SameOutputTests.asOf],
        ["list", "--search", "nothing like this", "--as-of", SameOutputTests.asOf],
        ["list", "--unit", "Nowhere"], ["list", "--sort", "oldest"], ["list", "--severity", "7"],
        ["week", "--unit", "Bostedet ved Åen", "--as-of", SameOutputTests.asOf], ["week", "--unit", "Bostedet ved Åen", "--format", "json", "--as-of", SameOutputTests.asOf],
        ["stats", "--by", "severity", "--period", "half", "--as-of", SameOutputTests.asOf],
        ["stats", "--by", "unit", "--format", "json", "--as-of", SameOutputTests.asOf],
        ["export", "--format", "csv"], ["export", "--format", "jsonl"], ["action", "list"], ["supervision", "list"],
        ["roster"], ["show", "zzzzzzzz"], ["show", "ab"], ["week", "--unit", "Nowhere"],
        ["register", "--unit", "Bostedet ved Åen", "--kind", "threat", "--severity", "9", "--description", "x"],
        ["ack", "zzzzzzzz"],
    ])
    func sameOutputAndExitCode(_ arguments: [String]) {
        let local = embedded(arguments)
        let remote = server.vtc(arguments)
        #expect(remote.status == local.status, "\(arguments): \(remote.stderr) vs \(local.stderr)")
        #expect(remote.stdout == local.stdout, "\(arguments)")
        #expect(remote.stderr == local.stderr, "\(arguments)")
    }

    @Test("the server sends only the part of the view a scope names: an id prefix's incident, a query's incidents, nothing")
    func aScopedViewHoldsOnlyItsPart() throws {
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

    @Test func showAndRefusedWritesAreTheSame() {
        // Through the server, show asks for the incidents its id prefix names only (a view of scope "incidents").
        for id in ids {
            for typed in [String(id.prefix(8)), id.uppercased(), String(id.prefix(6)), String(id.prefix(5))] {
                let arguments = ["show", typed, "--as-of", Self.asOf]
                let (local, remote) = (embedded(arguments), server.vtc(arguments))
                #expect(remote.status == local.status && remote.stdout == local.stdout && remote.stderr == local.stderr, "\(arguments)")
            }
        }
        // Acknowledged already: refused the same way by both.
        let again = ["ack", String(ids[0].prefix(8))]
        let remote = server.vtc(again)
        #expect(remote.status != 0)
        #expect(remote.stderr == embedded(again).stderr)
    }
}
