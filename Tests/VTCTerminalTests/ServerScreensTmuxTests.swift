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

    /// The week of a demo region whose overdue follow-up is longer than the screen's page: the numbers count every
    /// item, the list shows the first page and one line says how many more there are and where they all are.
    @Test(.enabled(if: EndToEndTmuxTests.tmux != nil, "tmux is not installed, so the end-to-end test cannot run"))
    func aCoordinatorsWeekShowsTheFirstPageAndHowManyMoreThroughTheServer() throws {
        let served = try ServerLiveUpdateTests.Served(demoIncidents: 1_500)
        try served.start()
        // The whole report, as `vtc week` gives it through the server.
        let week = Process()
        week.executableURL = URL(fileURLWithPath: EndToEndTmuxTests.program)
        week.arguments = ["week", "--server", served.socket, "--format", "json"]
        let output = Pipe()
        week.standardOutput = output
        try week.run()
        let json = output.fileHandleForReading.readDataToEndOfFile()
        week.waitUntilExit()
        let report = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        let overdue = try #require(report["overdue_follow_up"] as? [Any]).count
        try #require(overdue > 300, "the demo week has only \(overdue) overdue items, no more than a page")

        let pane = try EndToEndTmuxTests.Pane(tmux: try #require(EndToEndTmuxTests.tmux), width: 80, height: 24)
        #expect(pane.waitFor("e2e$"))
        pane.text("\(EndToEndTmuxTests.program) --server \(served.socket) --lang da")
        pane.keys("Enter")
        #expect(pane.waitFor("Registrér en episode"), "the home screen did not appear: \(pane.capture())")
        pane.keys("w")
        #expect(pane.waitFor { $0.range(of: "! +\(overdue)  Opfølgning over fristen", options: .regularExpression) != nil },
                "the week's numbers do not count every overdue item: \(pane.capture())")
        let more = "… og \(overdue - 300) flere: opfølgningskøen"
        var shown = false
        for _ in 0..<60 where !shown {
            pane.keys("PageDown")
            shown = pane.waitFor(more, seconds: 0.5)
        }
        #expect(shown, "no line says how many more overdue items there are: \(pane.capture())")

        // The export (`x`): the document the server made, written to the user's own folder, holds every overdue item.
        pane.keys("x")
        #expect(pane.waitFor("Skrevet til", seconds: 60), "the export did not say where it wrote: \(pane.capture())")
        let exports = pane.home + "/.local/state/vtc/exports"
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: exports).first { $0.hasSuffix(".md") })
        let document = String(decoding: try #require(FileManager.default.contents(atPath: exports + "/" + name)), as: UTF8.self)
        #expect(name.hasPrefix("uge-") && document.hasPrefix("# AMG's ugeoversigt – Uge "), "\(name): \(document.prefix(200))")
        let section = document.components(separatedBy: "\n## Opfølgning over fristen\n").dropFirst().first?
            .components(separatedBy: "\n## ").first ?? ""
        let rows = section.split(separator: "\n").filter { $0.hasPrefix("| ") }.count
        #expect(rows == overdue + 2, "a header, a rule and every overdue item: \(rows) rows for \(overdue) items")
        #expect(document.contains("Loggens hoved: `"), "the document ends with the log's head")
        pane.keys("Escape")
        pane.keys("q")
    }
}
