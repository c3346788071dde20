import Foundation
import Testing
import VTCModel
@testable import TerminalKit
@testable import VTCTerminal

@Suite struct FollowUpQueueScreenTests {
    static let now = "2026-11-20T12:00:00+01:00"

    /// Anna's VTC 3 a week ago in Bo Nord (defusing offer, defusing, police decision overdue), her VTC 1
    /// yesterday, and a VTC 2 in Bo Syd.
    static func scenario() -> ScreenScenario {
        var s = ScreenScenario()
        s.register(1, by: "anna", occurred: "2026-11-12T09:00:00+01:00", severity: 3, kind: .physicalViolence)
        s.register(2, by: "anna", occurred: "2026-11-19T09:00:00+01:00", severity: 1)
        s.register(3, by: "ledersyd", unit: ScreenScenario.syd, occurred: "2026-11-18T09:00:00+01:00", severity: 2)
        return s
    }

    static func queue(for user: String) -> Simulator<HarnessState, AppEffect> {
        let context = scenario().context(for: user, now: now)
        return ScreenHarness.simulator(FollowUpQueueScreen(context: context), context)
    }

    static func entries(_ sim: Simulator<HarnessState, AppEffect>) -> [String] {
        let screen = sim.state.top as! FollowUpQueueScreen
        let page = screen.rows(0..<screen.total, sim.state.context)
        #expect(page.total == page.entries.count)
        return page.entries.map { "\($0.incident.uuid.14) \($0.kind.rawValue)" }
    }

    @Test func aLeaderSeesTheUnitsItemsOverdueFirstThenByDueTime() {
        let sim = Self.queue(for: "leder")
        #expect(Self.entries(sim) == [
            "1 defusing_offer", "1 defusing", "1 police_report_decision", "1 acknowledgement", "2 acknowledgement",
        ])
        let rows = sim.areaRows
        #expect(rows[1].hasPrefix("2026-11-12 23:59 ! Over fristen"))
        #expect(rows[4].contains("! Over fristen"))
        #expect(rows[5].contains("Åben"))
        #expect(!rows.joined().contains("Bo Syd"))
    }

    @Test func theAMGSeesItsDiscussionsAndStaffTheOffersMadeToThem() {
        #expect(Self.entries(Self.queue(for: "amr")) == ["1 amg_discussion", "2 amg_discussion"])
        #expect(Self.entries(Self.queue(for: "anna")) == ["1 defusing_offer"])
        #expect(Self.entries(Self.queue(for: "bent")).isEmpty)
        #expect(Self.queue(for: "bent").dump().contains("Ingen åben opfølgning"))
        #expect(Self.entries(Self.queue(for: "ledersyd")) == ["3 defusing_offer", "3 acknowledgement"])
    }

    @Test func recordingInPlaceRemovesTheItemFromTheQueue() {
        var sim = Self.queue(for: "leder")
        sim.press(.down, .character("f"), .right, .function(10))
        #expect(sim.state.appended == [[.followUpRecorded(incident: ScreenScenario.id(1), FollowUpRecord(
            kind: .defusing, outcome: .declined, on: ScreenScenario.at(Self.now).expressed(in: .copenhagen)))]])
        #expect(Self.entries(sim) == ["1 defusing_offer", "1 police_report_decision", "1 acknowledgement", "2 acknowledgement"])
    }

    @Test func acknowledgingFromTheQueueWritesTheAcknowledgement() {
        var sim = Self.queue(for: "leder")
        sim.press(.end, .character("f"), .enter)
        sim.type("Set")
        sim.press(.enter)
        #expect(sim.state.appended == [[.acknowledged(incident: ScreenScenario.id(2), note: "Set")]])
    }

    @Test func staffAreToldWhoRecordsTheirOffers() {
        var sim = Self.queue(for: "anna")
        #expect(!sim.render().buffer.row(23).contains("Registrér"))
        sim.press(.character("f"))
        #expect(sim.state.statuses == ["Det kræver rollen leder i enheden »Bo Nord«."])
        sim.press(.enter)
        #expect((sim.state.top as? DetailScreen)?.incident == ScreenScenario.id(1))
    }
}
