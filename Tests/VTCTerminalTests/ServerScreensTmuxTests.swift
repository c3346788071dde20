import Foundation
import Testing

/// The terminal UI through `vtc serve` as a coordinator of every unit: the screens ask the server for what
/// they show (docs/protocol.md, "Screen queries"), and show what embedded mode shows.
@Suite(.serialized) struct ServerScreensTmuxTests {
    @Test(.enabled(if: EndToEndTmuxTests.tmux != nil, "tmux is not installed, so the end-to-end test cannot run"))
    func aCoordinatorSeesHomeListSearchDetailWeekAndStatisticsThroughTheServer() throws {
        let me = ServerLiveUpdateTests.Served.me
        let served = try ServerLiveUpdateTests.Served(roster: #"""
            {"units": ["Åen", "Skoven"], "users": [{"user": "\#(me)", "roles": {"staff": ["Åen", "Skoven"], "coordinator": "*"}}]}
            """#)
        try served.start()
        #expect(try served.register("Slag ved middagen"))
        #expect(try served.register("Trussel i haven", unit: "Skoven"))
        #expect(try served.register("Råb på gangen"))

        let pane = try EndToEndTmuxTests.Pane(tmux: try #require(EndToEndTmuxTests.tmux), width: 80, height: 24)
        #expect(pane.waitFor("e2e$"))
        pane.text("\(EndToEndTmuxTests.program) --server \(served.socket) --lang da")
        pane.keys("Enter")
        #expect(pane.waitFor("Registrér en episode"), "the home screen did not appear: \(pane.capture())")
        #expect(pane.waitFor { $0.contains("Mine registreringer") && $0.range(of: #"Registreringer +3"#, options: .regularExpression) != nil },
                "the home numbers are not the server's: \(pane.capture())")

        pane.keys("l")
        #expect(pane.waitFor("3 af 3"), "the list did not open: \(pane.capture())")
        #expect(pane.capture().contains("Skoven"))
        pane.keys("/")
        pane.text("haven")
        #expect(pane.waitFor("1 af 3"), "the search did not narrow the list: \(pane.capture())")
        pane.keys("Enter")
        pane.keys("Enter")
        #expect(pane.waitFor("Trussel i haven"), "the detail did not open: \(pane.capture())")

        // A registration by another client while the detail is open: the list behind it counts it when it is back.
        #expect(try served.register("Haven igen: trussel", unit: "Skoven"))
        pane.keys("Escape")
        #expect(pane.waitFor("2 af 4", seconds: 5), "the list did not take the new registration: \(pane.capture())")
        pane.keys("Escape")
        pane.keys("Escape")
        #expect(pane.waitFor("Registrér en episode"))
        #expect(pane.waitFor { $0.range(of: #"Registreringer +4"#, options: .regularExpression) != nil },
                "the home numbers did not follow the log: \(pane.capture())")

        pane.keys("w")
        #expect(pane.waitFor("Uge"), "the week did not open: \(pane.capture())")
        pane.keys("Escape")
        pane.keys("s")
        #expect(pane.waitFor("Statistik"), "the statistics did not open: \(pane.capture())")
        pane.keys("Escape")
        pane.keys("q")
    }
}
