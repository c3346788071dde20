import Foundation
import Testing
import VTCModel
import VTCTexts
import VTCStore
@testable import TerminalKit
@testable import VTCTerminal

/// What a new user stumbled on in the screens (issue 13): each test failed before the fix.
@Suite struct NewUserScreenTests {
    @Test func dOnTheDraftsScreenAsksBeforeItDiscards() {
        let context = Sample.context()
        let drafts = [Draft(user: "anna", updatedAt: Sample.now, fields: .object([("description", .string("Første"))])),
                      Draft(user: "anna", updatedAt: Sample.now, fields: .object([("description", .string("Anden"))]))]
        var sim = ScreenHarness.simulator(DraftsScreen(drafts), context)
        sim.press(.character("d"))
        #expect(sim.effects.isEmpty, "nothing is discarded by the first d")
        #expect(sim.dump().contains("Kassér kladden? Tryk d igen"))
        sim.press(.down)
        #expect(sim.effects.isEmpty, "another key keeps the draft")
        #expect(!sim.dump().contains("Kassér kladden?"))
        sim.press(.character("d"), .character("d"))
        guard case .discardDraft(let id)? = sim.effects.last?.requests.first else {
            Issue.record("d twice discards: \(sim.effects)")
            return
        }
        #expect(id == drafts[1].id)
    }

    @Test func endOnTheThankYouScreenShowsItsLastLine() {
        var facts = Sample.registration(String(repeating: "Et langt forløb med mange detaljer. ", count: 40), severity: 4)
        facts.injury = .physical
        let id = UUID()
        let state = VTCState.replay([Event(at: Sample.now, actor: "anna", payload: .registered(incident: id, facts))])
        let context = Sample.context(state: state)
        var sim = ScreenHarness.simulator(SavedScreen(incident: id), context)
        sim.press(.resize(TerminalSize(width: 80, height: 24)))
        let lastLine = Texts(.da).message(.contactLeaders(["Bo Leth"]))
        #expect(!sim.dump().contains(lastLine.prefix(20)))
        sim.press(.end)
        #expect(sim.dump().contains(lastLine.prefix(20)), "\(sim.dump())")
        let atEnd = sim.dump()
        sim.press(.up)
        #expect(sim.dump() != atEnd, "Up after End moves at once")
        sim.press(.home)
        #expect(sim.dump().contains("Tak"))
    }

    @Test func reSortingStartsAtTheTopOfTheList() {
        var sim = ListScreenTests.list(for: "leder")
        sim.press(.end)
        sim.press(.character("o"))
        let list = sim.state.top as! ListScreen
        #expect(list.selection.selected == 0)
        #expect(list.selection.top == 0)
    }

    @Test func anActiveSearchIsShownAfterEnter() {
        var sim = ListScreenTests.list(for: "leder")
        sim.press(.character("/"))
        sim.type("æbler\n")
        #expect(sim.areaRows[0].hasPrefix("Søg: “æbler” · "), "\(sim.areaRows[0])")
    }
}
